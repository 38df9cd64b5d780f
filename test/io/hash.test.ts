/** FileHashCache: the one owner of known file hashes (issue 18), one instance per run. */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileHashCache } from '../../io/hash.ts';
import { writeFileAtomic } from '../../io/atomic-write.ts';
import { createContext } from '../../runner/context.ts';
import { readManifest, runStages, type StageDefinition } from '../../runner/run.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const sha256Of = (text: string) => createHash('sha256').update(text).digest('hex');

describe('FileHashCache', () => {
  const dir = useTempDir('file-hash-cache-');

  it('hashes a file, remembers it, and forgets it when the file changes', async () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'alpha');
    const cache = new FileHashCache();
    expect(cache.entriesFor([file])).toEqual([]);
    expect(await cache.sha256File(file)).toBe(sha256Of('alpha'));
    expect(cache.entriesFor([file])[0][1].sha256).toBe(sha256Of('alpha'));
    appendFileSync(file, '!');
    expect(await cache.sha256File(file)).toBe(sha256Of('alpha!'));
  });

  it("trusts a remembered hash while the file's identity is unchanged (so it is not read again)", async () => {
    const file = join(dir, 'b.txt');
    writeFileSync(file, 'bytes on disk');
    const cache = new FileHashCache();
    cache.remember(file, 'f'.repeat(64));
    expect(await cache.sha256File(file)).toBe('f'.repeat(64));
    expect(await new FileHashCache().sha256File(file)).toBe(sha256Of('bytes on disk'));
  });

  it('saves only vouched, unchanged files and loads them into another instance', async () => {
    const [kept, refused, changed] = ['c.txt', 'd.txt', 'e.txt'].map((name) => join(dir, name));
    for (const file of [kept, refused, changed]) writeFileSync(file, file);
    const cache = new FileHashCache();
    for (const file of [kept, refused, changed]) await cache.sha256File(file);
    appendFileSync(changed, 'later');
    const json = cache.json([kept, refused, changed], (file) => file !== refused);
    const saved = join(dir, 'hashes.json');
    writeFileSync(saved, json);
    const next = new FileHashCache();
    next.load(saved);
    expect(next.entriesFor([kept, refused, changed]).map(([path]) => path)).toEqual([kept]);
    writeFileSync(saved, JSON.stringify({ version: 1, files: JSON.parse(json).files }));
    const older = new FileHashCache();
    older.load(saved);
    expect(older.entriesFor([kept])).toEqual([]);
  });
});

describe('known hashes per run', () => {
  const dir = useTempDir('file-hash-runs-');

  it('two runs in one process with different out folders share no known hash', async () => {
    const first = createContext({ wave: '2022', out: join(dir, 'first'), log: () => {} });
    const second = createContext({ wave: '2022', out: join(dir, 'second'), log: () => {} });
    expect(first.fileHashes).not.toBe(second.fileHashes);
    const configSha256 = sha256Of(readFileSync(first.wave.configPath, 'utf8'));
    const wrong = 'f'.repeat(64);
    // One stage whose run writes a file through the run's cache, and (to see whether the next run
    // would believe it) plants a wrong hash for the wave's wave.json, which both runs read.
    const stage = (written: string): StageDefinition => ({
      name: 'ingest',
      version: 'test',
      entry: 'io/hash.ts',
      dataPaths: [],
      inputs: () => [],
      outputs: () => [written],
      parameters: () => null,
      async run(ctx) {
        writeFileAtomic(written, 'written by this run', ctx.fileHashes);
        ctx.fileHashes.remember(ctx.wave.configPath, wrong);
        return { rowsIn: 0, rowsOut: 0, warnings: [] };
      },
    });
    const firstOutput = join(first.outDir, 'written.txt');
    await runStages(first, [stage(firstOutput)]);
    expect(first.fileHashes.entriesFor([firstOutput])[0][1].sha256).toBe(sha256Of('written by this run'));
    expect(await first.fileHashes.sha256File(first.wave.configPath)).toBe(wrong);

    const secondOutput = join(second.outDir, 'written.txt');
    await runStages(second, [stage(secondOutput)]);
    // The second run hashed wave.json itself (a process-wide cache would have handed it the planted hash)…
    expect(readManifest(second)!.inputs.find((input) => input.file.endsWith('wave.json'))!.sha256).toBe(configSha256);
    // …and knows nothing the first run wrote.
    expect(second.fileHashes.entriesFor([firstOutput])).toEqual([]);
    expect(first.fileHashes.entriesFor([secondOutput])).toEqual([]);
    // Each out folder's .file-hashes.json holds its own run's files only.
    const saved = (ctx: typeof first) => Object.keys(JSON.parse(readFileSync(join(ctx.outDir, '.file-hashes.json'), 'utf8')).files as object);
    expect(saved(first)).toContain(firstOutput);
    expect(saved(first)).not.toContain(secondOutput);
    expect(saved(second)).toContain(secondOutput);
    expect(saved(second)).not.toContain(firstOutput);
  });
});
