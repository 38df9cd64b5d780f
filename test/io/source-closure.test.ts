/**
 * The stage code hash covers the import closure of the stage's declaration file (issue 18):
 * on the repository itself, and on a copy of its sources in a temp dir where one file is edited.
 */
import { describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hashStageSources, relativeSpecifiers, SourceScanCache, sourceClosure } from '../../io/source-closure.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { WAVE_STAGES } from '../../commands/wave-stages.ts';

const root = resolve(import.meta.dirname, '../..');
const stageEntry = (name: string) => WAVE_STAGES.find((stage) => stage.name === name)!;

describe('relativeSpecifiers', () => {
  it('finds static, dynamic, type-only, re-export, worker-URL and require specifiers, and no bare or built one', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "export * from \"./c.ts\";",
      "import './side-effect.ts';",
      "const { d } = await import('./d.ts');",
      "const worker = new Worker(new URL('./worker.mjs', import.meta.url));",
      "const data = require('../../data/x.json');",
      "const page = new URL(`./page.js`, import.meta.url);",
      "import { z } from 'zod';",
      "const lang = require(`i18n-iso-countries/langs/${l}.json`);",
      "const built = import(`./locales/${l}.ts`);",
    ].join('\n');
    expect(relativeSpecifiers(source)).toEqual(['./a.ts', '../b.ts', './c.ts', './side-effect.ts', './d.ts', './worker.mjs', '../../data/x.json', './page.js']);
  });
});

describe('sourceClosure on the repository', () => {
  it("holds ingest's worker entry, its adapters and what the worker imports, and none of the other stages", () => {
    const closure = sourceClosure(root, [stageEntry('ingest').entry]);
    expect(closure).toEqual(expect.arrayContaining([
      'stages/ingest/ingest-stage.ts', 'stages/ingest/ingest-worker.mjs', 'stages/ingest/ingest-source.ts', 'stages/ingest/read-export.ts',
      'contracts/types.ts', 'io/arrow-ipc-file.ts',
    ]));
    expect(closure.filter((file) => file.startsWith('stages/ingest/adapters/')).length).toBeGreaterThanOrEqual(2);
    expect(closure.some((file) => /^stages\/(normalise|analyse|render)\//.test(file))).toBe(false);
  });

  it("holds render's translations, its PNG worker and pool, its page script and the region names it requires", () => {
    const closure = sourceClosure(root, [stageEntry('render').entry]);
    expect(closure).toEqual(expect.arrayContaining([
      'stages/render/i18n/en.ts', 'stages/render/png-worker.mjs', 'stages/render/figure-pool.ts', 'stages/render/html/report-page.js', 'data/regions/region-names.json',
      'stages/render/assemble-report.ts',
    ]));
    expect(closure.some((file) => file.startsWith('stages/ingest/'))).toBe(false);
  });

  it("holds analyse's dynamically imported analysis", () => {
    expect(sourceClosure(root, [stageEntry('analyse').entry])).toEqual(expect.arrayContaining(['stages/analyse/analyse-wave.ts', 'stages/analyse/framework-rollups.ts']));
  });

  it('follows only files inside the root, skips missing targets and folders', () => {
    const dir = useTempDir('closure-');
    mkdirSync(join(dir, 'src', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'src', 'entry.ts'), "import './sub/x.ts';\nimport '../../outside.ts';\nimport './missing.ts';\nconst here = new URL('.', import.meta.url);\n");
    writeFileSync(join(dir, 'src', 'sub', 'x.ts'), "import { entry } from '../entry.ts';\nexport const x = require('./d.json');\n");
    writeFileSync(join(dir, 'src', 'sub', 'd.json'), '{}');
    expect(sourceClosure(join(dir, 'src'), ['entry.ts'])).toEqual(['entry.ts', 'sub/d.json', 'sub/x.ts']);
  });
});

describe('stage code hashes on a copy of the sources', () => {
  it("an edit of a render string changes render's code hash and no other stage's", () => {
    const copy = useTempDir('closure-copy-');
    for (const path of ['stages', 'contracts', 'io', 'commands', 'data/regions', 'data/competencies.json', 'data/frameworks', 'docs/methods.md']) {
      cpSync(join(root, path), join(copy, path), { recursive: true });
    }
    const hashes = () => Object.fromEntries(WAVE_STAGES.map((stage) => [stage.name, hashStageSources(copy, stage.entry, stage.dataPaths)]));
    const before = hashes();
    // The copy hashes as the repository does (same relative names and bytes).
    expect(before).toEqual(Object.fromEntries(WAVE_STAGES.map((stage) => [stage.name, hashStageSources(root, stage.entry, stage.dataPaths)])));
    appendFileSync(join(copy, 'stages/render/i18n/en.ts'), '\n// edited\n');
    const after = hashes();
    expect(after.render).not.toBe(before.render);
    expect({ ingest: after.ingest, normalise: after.normalise, analyse: after.analyse }).toEqual({ ingest: before.ingest, normalise: before.normalise, analyse: before.analyse });
    // An edit of ingest's worker entry changes ingest's hash only.
    appendFileSync(join(copy, 'stages/ingest/ingest-worker.mjs'), '\n// edited\n');
    const third = hashes();
    expect(third.ingest).not.toBe(after.ingest);
    expect({ normalise: third.normalise, analyse: third.analyse, render: third.render }).toEqual({ normalise: after.normalise, analyse: after.analyse, render: after.render });
  });
});

describe('SourceScanCache with a store file (scans kept between runs)', () => {
  it('reuses a stored scan while the file keeps its identity, and reads the file again once it changes', () => {
    const dir = useTempDir('scan-store-');
    const base = join(dir, 'src');
    mkdirSync(base, { recursive: true });
    writeFileSync(join(base, 'entry.ts'), "import { b } from './b.ts';\n");
    writeFileSync(join(base, 'b.ts'), 'export const b = 1;\n');
    const store = join(dir, 'cache', 'scan.json');
    const first = new SourceScanCache(store);
    const realHash = first.scan(join(base, 'b.ts'))!.sha256;
    expect(sourceClosure(base, ['entry.ts'], first)).toEqual(['b.ts', 'entry.ts']);
    first.save();
    // Plant a wrong hash for b.ts in the store, its identity unchanged: a later cache takes the
    // stored scan without reading the file (the shortcut is used).
    const saved = JSON.parse(readFileSync(store, 'utf8')) as { files: Record<string, { sha256: string }> };
    saved.files[join(base, 'b.ts')].sha256 = 'planted';
    writeFileSync(store, JSON.stringify(saved));
    expect(new SourceScanCache(store).scan(join(base, 'b.ts'))!.sha256).toBe('planted');
    // An edit changes the identity: the file is read again and the closure follows its new import.
    writeFileSync(join(base, 'b.ts'), "import './c.ts';\nexport const b = 2;\n");
    writeFileSync(join(base, 'c.ts'), 'export {};\n');
    const third = new SourceScanCache(store);
    expect(third.scan(join(base, 'b.ts'))!.sha256).not.toBe('planted');
    expect(third.scan(join(base, 'b.ts'))!.sha256).not.toBe(realHash);
    expect(sourceClosure(base, ['entry.ts'], third)).toEqual(['b.ts', 'c.ts', 'entry.ts']);
    // Without a store nothing is kept, and a damaged store is an empty one.
    writeFileSync(store, '{ not json');
    expect(new SourceScanCache(store).scan(join(base, 'entry.ts'))!.specifiers).toEqual(['./b.ts']);
  });
});
