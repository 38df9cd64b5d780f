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
import { buildSubsetFonts, mappedCodePoints } from '../../bin/font-subset.js';
import { FONT_FILE_NAMES, REPERTOIRE, subsetFonts } from '../../stages/render/subset-fonts.mjs';
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
    expect(subsetFonts(dir)?.files).toEqual([join(dir, FONT_FILE_NAMES.regular), join(dir, FONT_FILE_NAMES.bold)]);
    for (const [name, fullFile] of [[FONT_FILE_NAMES.regular, FONT_FILES.regular], [FONT_FILE_NAMES.bold, FONT_FILES.bold]]) {
      const subset = readFileSync(join(dir, name));
      expect(subset.readUInt32BE(0), name).toBe(0x00010000); // a TrueType font
      expect(subset.length, name).toBeLessThan(statSync(fullFile).size / 3);
    }
    const record = JSON.parse(readFileSync(join(dir, 'repertoire.json'), 'utf8'));
    expect(record.requested[0]).toBe('U+0020–U+007E');
    expect(record.requested).toHaveLength(REPERTOIRE.length);
    expect(record.hinting).toBe(false);
    expect(record.versions).toEqual({ 'dejavu-fonts-ttf': '2.37.3', 'subset-font': '2.9.0', harfbuzzjs: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    // Covered: the requested code points both full faces map, less the combining marks (read here
    // from the full fonts' cmaps; the build read the subsets').
    const [regular, bold] = [mappedCodePoints(readFileSync(FONT_FILES.regular)), mappedCodePoints(readFileSync(FONT_FILES.bold))];
    const expected = REPERTOIRE.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, k) => first + k))
      .filter((code) => regular.has(code) && bold.has(code) && !/\p{M}/u.test(String.fromCodePoint(code)));
    const covered = (record.covered as [number, number][]).flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, k) => first + k));
    expect(covered).toEqual(expected);
    expect(record.coveredCount).toBe(expected.length);
    expect(covered.length).toBeGreaterThan(1900);
    expect(covered).not.toContain(0x02ea); // in the repertoire, not in DejaVu
    expect(covered).not.toContain(0x0323); // a combining mark
  });

  it('reads which code points a font maps from its cmap', () => {
    const regular = mappedCodePoints(readFileSync(FONT_FILES.regular));
    expect([0x41, 0xe9, 0x2212, 0x0531, 0x10a0].every((code) => regular.has(code))).toBe(true); // A é − Ա Ⴀ
    expect([0x02ea, 0x0378, 0x3042, 0x4e00].some((code) => regular.has(code))).toBe(false); // not in DejaVu Sans
    expect(regular.has(0x1f600)).toBe(true); // 😀 is, beyond the BMP (cmap format 12)
    expect(regular.size).toBeGreaterThan(5000);
  });

  it('is deterministic (the same bytes as the build in node_modules/.cache, or as a second build), and leaves a complete folder alone', async () => {
    const dir = join(scratch, 'b');
    await buildSubsetFonts(dir);
    const reference = (subsetFonts() ?? subsetFonts(join(scratch, 'a'))!).files;
    for (const [index, file] of subsetFonts(dir)!.files.entries()) expect(readFileSync(file).equals(readFileSync(reference[index]!)), file).toBe(true);
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
