/** FileHashCache: the one owner of known file hashes (issue 18), on a fresh instance. */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileHashCache } from '../../io/hash.ts';
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
