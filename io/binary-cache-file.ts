/**
 * The framing shared by our binary caches (answers.bin, respondents.bin): a magic line, the
 * length of a JSON header (uint32 LE), the header, padding to 8 bytes, then typed arrays written
 * as they are in memory. These helpers write the start and read a cache back into typed arrays
 * with a few read(2) calls, so nothing is allocated per element.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { ValidationError } from '../contracts/errors.ts';
import { runMessages } from '../contracts/messages/index.ts';

export const align8 = (n: number) => (n + 7) & ~7;

/** The bytes before the first array: magic, header length, header JSON, padding to 8. */
export function binaryCacheStart(magic: string, header: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const start = Buffer.alloc(align8(magic.length + 4 + json.length));
  start.write(magic, 0, 'latin1');
  start.writeUInt32LE(json.length, magic.length);
  json.copy(start, magic.length + 4);
  return start;
}

export interface BinaryCacheReader<Header> {
  header: Header;
  /** Fills a typed array (or Buffer) with the next bytes of the file. */
  readInto(view: ArrayBufferView): void;
  /** Skips to the next multiple of 8 bytes (before a Float64 array). */
  alignTo8(): void;
}

/** Opens a cache, checks its magic, reads its header, and hands a reader to `read`. */
export function readBinaryCache<Header, Result>(path: string, magic: string, what: string, read: (reader: BinaryCacheReader<Header>) => Result): Result {
  const fd = openSync(path, 'r');
  try {
    let position = 0;
    const readInto = (view: ArrayBufferView) => {
      const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
      for (let done = 0; done < bytes.length; ) {
        const read = readSync(fd, bytes, done, Math.min(bytes.length - done, 1 << 30), position + done);
        if (read === 0) throw new ValidationError(runMessages.cacheUnreadable(what, 'is truncated'), { file: path });
        done += read;
      }
      position += bytes.length;
    };
    const prefix = Buffer.alloc(magic.length + 4);
    readInto(prefix);
    if (prefix.toString('latin1', 0, magic.length) !== magic) throw new ValidationError(runMessages.cacheUnreadable(what, 'was not written by this version of skillgap'), { file: path });
    const headerBytes = Buffer.alloc(prefix.readUInt32LE(magic.length));
    readInto(headerBytes);
    const header = JSON.parse(headerBytes.toString('utf8')) as Header;
    position = align8(position);
    return read({ header, readInto, alignTo8: () => { position = align8(position); } });
  } finally {
    closeSync(fd);
  }
}
