/** The write layer: every byte checked, failures named with the free space, no writing through links. */
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finishFile, writeAllSync, freeBytes } from '../../io/checked-write.ts';
import { temporaryPath, writeFileAtomic } from '../../io/atomic-write.ts';
import { BufferedFileWriter } from '../../io/buffered-file-writer.ts';
import { WriteError } from '../../contracts/errors.ts';
import { formatBytes } from '../../contracts/messages/output.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

describe('checked writes', () => {
  const dir = useTempDir();

  it('a full device (/dev/full) is a WriteError naming the file, ENOSPC and the free space', (context) => {
    if (!existsSync('/dev/full')) context.skip();
    const fd = openSync('/dev/full', 'w');
    let error: unknown;
    try {
      writeAllSync(fd, Buffer.from('hello'), '/out/2022/normalised/answers.csv');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WriteError);
    expect((error as WriteError).code).toBe('ENOSPC');
    expect((error as Error).message).toMatch(/^cannot write \/out\/2022\/normalised\/answers\.csv: no space left on the device \(ENOSPC\); [\d.]+ (bytes|KB|MB|GB|TB) free on its volume\. Nothing of this stage was recorded as done/);
  });

  it('a file whose size on disk is not the bytes written is a short write', () => {
    const path = join(dir, 'short.bin');
    const fd = openSync(path, 'w');
    writeSync(fd, Buffer.from('abc'));
    expect(() => finishFile(fd, 4, path)).toThrow(/the disk accepted fewer bytes than were written \(a short write\) \(SHORT\)/);
  });

  it('formats free space as a person reads it; statfs gives a number for an existing folder', () => {
    expect(formatBytes(812 * 1024)).toBe('812 KB');
    expect(formatBytes(3.1 * 1024 ** 3)).toBe('3.1 GB');
    expect(formatBytes(12)).toBe('12 bytes');
    expect(freeBytes(join(dir, 'no-such', 'file'))).toBeGreaterThan(0);
  });

  it('never writes through a link planted at the temporary name, and leaves no temporary file', () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'untouched');
    const target = join(dir, 'out', 'report.txt');
    mkdirSync(join(dir, 'out'));
    symlinkSync(victim, temporaryPath(target));
    writeFileAtomic(target, 'new content');
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(readFileSync(target, 'utf8')).toBe('new content');
    const streamed = join(dir, 'out', 'big.csv');
    symlinkSync(victim, temporaryPath(streamed));
    const writer = new BufferedFileWriter(streamed);
    writer.write('a,b\n');
    writer.writeBytes(new Uint8Array(5 << 20).fill(0x41));
    writer.commit();
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(readFileSync(streamed).length).toBe(4 + (5 << 20));
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['big.csv', 'report.txt']);
  });

  it('replaces a link at the target instead of writing through it', () => {
    const victim = join(dir, 'victim2.txt');
    writeFileSync(victim, 'untouched');
    const target = join(dir, 'linked.txt');
    symlinkSync(victim, target);
    writeFileAtomic(target, 'mine');
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(readFileSync(target, 'utf8')).toBe('mine');
  });
});
