import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { streamExport } from '../../../stages/ingest/read-export.ts';
import { HashWhileReading } from '../../../stages/ingest/hash-file.ts';
import { FileHashCache } from '../../../io/hash.ts';
import { tempFile } from './fixture-helpers.ts';

const sha256Of = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('the export hash computed while parsing', () => {
  it('equals the sha256 of the file bytes and is remembered for the file as it is', async () => {
    // Larger than one 1 MiB read, with a BOM and CRLF, so several chunks pass through the hash.
    const lines = ['\uFEFFid,country,comment'];
    for (let r = 0; r < 40_000; r++) lines.push(`${r},Türkiye,"line ${r}, with a comma"`);
    const path = tempFile('hashed.csv', lines.join('\r\n') + '\r\n');
    const knownHashes = new FileHashCache();
    expect(HashWhileReading.unlessKnown(path, knownHashes)).not.toBeNull();
    const streamed = await streamExport({ path, sourceId: 'hashed' }, () => {}, { knownHashes });
    expect(streamed.sha256).toBe(sha256Of(path));
    expect(knownHashes.entriesFor([path])[0][1].sha256).toBe(sha256Of(path));
    expect(HashWhileReading.unlessKnown(path, knownHashes)).toBeNull();
    // Only the cache it was given learnt it.
    expect(HashWhileReading.unlessKnown(path, new FileHashCache())).not.toBeNull();
    // The known hash is used on the next read; a changed file is hashed again.
    expect((await streamExport({ path, sourceId: 'hashed' }, () => {}, { knownHashes })).sha256).toBe(streamed.sha256);
    writeFileSync(path, 'id,country\n1,Chile\n');
    expect((await streamExport({ path, sourceId: 'hashed' }, () => {}, { knownHashes })).sha256).toBe(sha256Of(path));
    expect(await knownHashes.sha256File(path)).toBe(sha256Of(path));
  });
});
