/**
 * bin/font-subset.js: `npm ci` (the prepare script) builds both DejaVu subsets with their
 * repertoire record; the build is deterministic, leaves a complete folder alone, and without
 * subset-font does nothing and says so instead of failing the install.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../runner/context.ts';
// @ts-expect-error plain JavaScript module of bin/, without type declarations
import { buildSubsetFonts } from '../../bin/font-subset.js';
import { FONT_FILE_NAMES, REPERTOIRE, subsetFontFiles } from '../../stages/render/subset-fonts.mjs';
import { FONT_FILES } from '../../stages/render/theme.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const scratch = useTempDir('skillgap-font-subset-');
let subsetFontLoads = true;
try {
  createRequire(import.meta.url).resolve('subset-font');
} catch {
  subsetFontLoads = false;
  console.warn('font-subset.test.ts: subset-font could not be loaded (devDependencies omitted?): the build tests are skipped');
}

describe.skipIf(!subsetFontLoads)('the subset font build', () => {
  it('writes both faces, smaller than the full ones, and the repertoire they cover', async () => {
    const dir = join(scratch, 'a');
    expect(await buildSubsetFonts(dir)).toBe(dir);
    expect(subsetFontFiles(dir)).toEqual([join(dir, FONT_FILE_NAMES.regular), join(dir, FONT_FILE_NAMES.bold)]);
    for (const [name, fullFile] of [[FONT_FILE_NAMES.regular, FONT_FILES.regular], [FONT_FILE_NAMES.bold, FONT_FILES.bold]]) {
      const subset = readFileSync(join(dir, name));
      expect(subset.readUInt32BE(0), name).toBe(0x00010000); // a TrueType font
      expect(subset.length, name).toBeLessThan(statSync(fullFile).size / 2);
    }
    const record = JSON.parse(readFileSync(join(dir, 'repertoire.json'), 'utf8'));
    expect(record.ranges[0]).toBe('U+0020–U+007E');
    expect(record.ranges).toHaveLength(REPERTOIRE.length);
    expect(record.codePoints).toBe(REPERTOIRE.reduce((sum, [first, last]) => sum + last - first + 1, 0));
    expect(record.versions).toEqual({ 'dejavu-fonts-ttf': '2.37.3', 'subset-font': '2.9.0', harfbuzzjs: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
  });

  it('is deterministic (the same bytes as the build in node_modules/.cache, or as a second build), and leaves a complete folder alone', async () => {
    const dir = join(scratch, 'b');
    await buildSubsetFonts(dir);
    const reference = subsetFontFiles() ?? subsetFontFiles(join(scratch, 'a'))!;
    for (const [index, file] of subsetFontFiles(dir)!.entries()) expect(readFileSync(file).equals(readFileSync(reference[index]!)), file).toBe(true);
    const written = statSync(join(dir, FONT_FILE_NAMES.regular)).mtimeMs;
    expect(await buildSubsetFonts(dir)).toBe(dir);
    expect(statSync(join(dir, FONT_FILE_NAMES.regular)).mtimeMs).toBe(written);
  });
});

describe('without subset-font', () => {
  it('builds nothing and returns null (the figures keep the full fonts)', () => {
    // A resolve hook that hides the package, as an install without devDependencies would.
    const hook = 'data:text/javascript,' + encodeURIComponent(`export async function resolve(specifier, context, next) { if (specifier === 'subset-font') throw new Error('Cannot find package subset-font'); return next(specifier, context); }`);
    const dir = join(scratch, 'none');
    const script = `const { register } = await import('node:module'); register(${JSON.stringify(hook)});
      const { buildSubsetFonts } = await import(${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'bin/font-subset.js')).href)});
      console.log(JSON.stringify(await buildSubsetFonts(${JSON.stringify(dir)})));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('null');
    expect(result.status).toBe(0);
    expect(existsSync(dir)).toBe(false);
  });

  it('is part of the prepare script, after the CLI build', () => {
    const { scripts } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(scripts.prepare).toBe('node bin/compiled-cli.js --build && node bin/font-subset.js --build');
  });
});
