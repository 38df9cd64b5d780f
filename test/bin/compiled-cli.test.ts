/**
 * bin/compiled-cli.js: the CLI bundled once must behave as the TypeScript run through tsx, and a
 * bundle must count as stale as soon as one of its source files changes or disappears.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../runner/context.ts';
// @ts-expect-error plain JavaScript module of bin/, without type declarations
import { sourcesKey } from '../../bin/compiled-cli.js';
// @ts-expect-error plain JavaScript module of io/, without type declarations
import { importForWorker, WORKER_MODULES } from '../../io/import-for-worker.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'skillgap-compiled-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function skillgap(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/skillgap.js'), ...args], { cwd: scratch, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the compiled CLI', () => {
  it('prints, validates and fails exactly as the TypeScript run through tsx', () => {
    for (const args of [['--help'], ['validate', '--wave', '2022', '--json'], ['validate', '--wave', 'no-such-wave']]) {
      const compiled = skillgap(args);
      const direct = skillgap(args, { SKILLGAP_NO_BUNDLE: '1' });
      expect(compiled, args.join(' ')).toEqual(direct);
    }
    // It really ran from the bundle: the record names commands/cli.ts among its sources.
    const current = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', '.cache', 'skillgap-cli', 'current.json'), 'utf8')) as { key: string; sources: string[] };
    expect(current.sources).toEqual(expect.arrayContaining(['commands/cli.ts', 'runner/run.ts', 'bin/compiled-cli.js', 'package.json']));
    expect(sourcesKey(current.sources)).toBe(current.key);
  }, 120_000);

  it('bundles every module a worker thread loads, with the exports of its source, and a worker of the bundle loads it from there', async () => {
    expect(skillgap(['--version']).status).toBe(0); // builds the bundle when stale
    const current = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', '.cache', 'skillgap-cli', 'current.json'), 'utf8')) as { key: string; sources: string[] };
    expect(current.sources).toContain('io/import-for-worker.mjs');
    const dir = join(REPO_ROOT, 'node_modules', '.cache', 'skillgap-cli', current.key);
    const entries = Object.entries(WORKER_MODULES as Record<string, string>);
    expect(entries.map(([source]) => source)).toEqual(expect.arrayContaining(['stages/analyse/framework-statistics.ts', 'stages/analyse/stats/mwds-rank-sets.ts', 'stages/ingest/ingest-source.ts']));
    for (const [source, name] of entries) {
      const bundled = await import(pathToFileURL(join(dir, `${name}.js`)).href);
      const original = await import(pathToFileURL(join(REPO_ROOT, source)).href);
      expect(Object.keys(bundled).sort(), source).toEqual(Object.keys(original).filter((key) => typeof original[key] === 'function').sort());
    }
    // A worker of a process that runs the bundle imports the bundled entry, not the source.
    const previous = process.env.SKILLGAP_BUNDLE_DIR;
    process.env.SKILLGAP_BUNDLE_DIR = dir;
    try {
      const viaBundle = await importForWorker(new URL('../../stages/analyse/stats/mwds-rank-sets.ts', import.meta.url));
      expect(viaBundle).toBe(await import(pathToFileURL(join(dir, 'worker-mwds-rank-sets.js')).href));
      // SKILLGAP_NO_BUNDLE=1 wins over an inherited bundle folder: the source, not the bundle.
      process.env.SKILLGAP_NO_BUNDLE = '1';
      const viaSource = await importForWorker(new URL('../../stages/analyse/stats/mwds-rank-sets.ts', import.meta.url));
      expect(viaSource).not.toBe(viaBundle);
      expect(typeof viaSource.solveRankSetProblem).toBe('function');
    } finally {
      delete process.env.SKILLGAP_NO_BUNDLE;
      if (previous === undefined) delete process.env.SKILLGAP_BUNDLE_DIR;
      else process.env.SKILLGAP_BUNDLE_DIR = previous;
    }
  }, 120_000);

  it('keys a bundle by the size and modification time of each source, so an edit or a deletion makes it stale', () => {
    mkdirSync(join(scratch, 'src'), { recursive: true });
    writeFileSync(join(scratch, 'src', 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(scratch, 'src', 'b.ts'), 'export const b = 2;\n');
    const files = ['src/a.ts', 'src/b.ts'];
    utimesSync(join(scratch, 'src', 'a.ts'), 1_700_000_000, 1_700_000_000);
    const before = sourcesKey(files, scratch);
    expect(before).toMatch(/^[0-9a-f]{16}$/);
    expect(sourcesKey(files, scratch)).toBe(before);
    utimesSync(join(scratch, 'src', 'a.ts'), 1_700_000_001, 1_700_000_001); // touched
    const touched = sourcesKey(files, scratch);
    expect(touched).not.toBe(before);
    writeFileSync(join(scratch, 'src', 'b.ts'), 'export const b = 3;;\n'); // edited (size)
    expect(sourcesKey(files, scratch)).not.toBe(touched);
    rmSync(join(scratch, 'src', 'b.ts'));
    expect(sourcesKey(files, scratch)).toBeNull();
  });

  it("gives vega-loader Node's own fetch for node-fetch: the bundle holds neither node-fetch nor its URL tables, and the stand-in fetches", async () => {
    expect(skillgap(['--version']).status).toBe(0); // builds the bundle when stale
    const current = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', '.cache', 'skillgap-cli', 'current.json'), 'utf8')) as { key: string; sources: string[] };
    expect(current.sources).toContain('bin/global-fetch.cjs');
    const dir = join(REPO_ROOT, 'node_modules', '.cache', 'skillgap-cli', current.key);
    const bundled = readdirSync(dir).filter((file) => file.endsWith('.js')).map((file) => readFileSync(join(dir, file), 'utf8')).join('\n');
    expect(bundled).toContain('// node_modules/vega-loader/');
    expect(bundled).toContain('// bin/global-fetch.cjs');
    expect(bundled).not.toMatch(/\/\/ node_modules\/(node-fetch|whatwg-url|tr46)\//);
    const standIn = createRequire(import.meta.url)('../../bin/global-fetch.cjs') as typeof fetch;
    const response = await standIn('data:text/plain,figure%20data');
    expect(await response.text()).toBe('figure data');
  }, 120_000);

  it("bundles pdfkit with its own file's URL kept, so the files it reads beside itself (ICC profile, standard fonts) resolve as before", () => {
    expect(skillgap(['--version']).status).toBe(0); // builds the bundle when stale
    const current = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', '.cache', 'skillgap-cli', 'current.json'), 'utf8')) as { key: string };
    const dir = join(REPO_ROOT, 'node_modules', '.cache', 'skillgap-cli', current.key);
    const bundled = readdirSync(dir).filter((file) => file.endsWith('.js')).map((file) => readFileSync(join(dir, file), 'utf8')).join('\n');
    expect(bundled).toContain('// node_modules/pdfkit/js/pdfkit.node.mjs');
    expect(bundled).toContain('// node_modules/svg-to-pdfkit/source.js');
    const pdfkitUrl = pathToFileURL(join(REPO_ROOT, 'node_modules', 'pdfkit', 'js', 'pdfkit.node.mjs')).href;
    expect(bundled).toContain(`new URL("./data/sRGB_IEC61966_2_1.icc", ${JSON.stringify(pdfkitUrl)})`);
    expect(bundled).toContain(`createRequire(${JSON.stringify(pdfkitUrl)})`);
    expect(existsSync(fileURLToPath(new URL('./data/sRGB_IEC61966_2_1.icc', pdfkitUrl)))).toBe(true);
    expect(createRequire(pdfkitUrl)('#standard-fonts/Helvetica')).toBeDefined();
  }, 120_000);
});
