import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FileHashCache } from './hash.ts';
import { temporaryPath } from './atomic-write.ts';
import { closeQuietly, finishFile, openTemporary, writeAllSync, writeFailure } from './checked-write.ts';

/** Bytes gathered before one write(2): large enough that system calls are a rounding error. */
const BUFFER_BYTES = 4 << 20;

/**
 * Writes a large text file piece by piece, atomically, without ever holding it whole: text is
 * encoded into one reused 4 MiB buffer that is flushed when full, to a temporary file beside the
 * target that `commit()` renames over it (as writeFileAtomic does for small files). A file of
 * gigabytes would not even fit in one JavaScript string (V8 caps strings near 512 MiB), and
 * joining millions of line strings costs more garbage collection than the writing itself.
 * The bytes are hashed once they are written (every byte checked: checked-write.ts), and commit()
 * compares the size on disk with the count, so the runner's record of the file's sha256 costs no
 * second read (remembered in the run's known hashes, when given) and is the hash of what is on disk. A failed write throws a
 * WriteError naming the file and the free space; the caller aborts, which removes the temporary file.
 */
export class BufferedFileWriter {
  private readonly temporary: string;
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private readonly hash = createHash('sha256');
  private closed = false;
  /** Bytes written so far. */
  bytes = 0;
  /** Bytes handed to write(2) and checked written. */
  private written = 0;

  /** `knownHashes`: the run's (ctx.fileHashes), which learns the file's hash on commit. */
  constructor(
    private readonly path: string,
    private readonly knownHashes?: FileHashCache,
  ) {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      throw writeFailure(path, error);
    }
    this.temporary = temporaryPath(path);
    this.fd = openTemporary(this.temporary);
  }

  write(text: string): void {
    // A UTF-8 character takes at most 3 bytes per UTF-16 code unit.
    if (this.used + text.length * 3 > BUFFER_BYTES) {
      this.flush();
      if (text.length * 3 > BUFFER_BYTES) {
        this.writeBytes(Buffer.from(text, 'utf8'));
        return;
      }
    }
    const written = this.buffer.write(text, this.used, 'utf8');
    this.used += written;
    this.bytes += written;
  }

  writeBytes(bytes: Uint8Array): void {
    // Small pieces (the columnar cache writes many) join the buffer: fewer system calls, same bytes.
    if (bytes.length <= BUFFER_BYTES >> 4) {
      if (this.used + bytes.length > BUFFER_BYTES) this.flush();
      this.buffer.set(bytes, this.used);
      this.used += bytes.length;
      this.bytes += bytes.length;
      return;
    }
    this.flush();
    this.put(bytes);
    this.bytes += bytes.length;
  }

  /** Flushes, checks the size on disk, closes and renames the file into place. */
  commit(): void {
    this.flush();
    this.closed = true;
    finishFile(this.fd, this.written, this.path);
    try {
      renameSync(this.temporary, this.path);
    } catch (error) {
      throw writeFailure(this.path, error);
    }
    this.knownHashes?.remember(this.path, this.hash.digest('hex'));
  }

  /** Closes and removes the temporary file (after a failure). */
  abort(): void {
    if (!this.closed) closeQuietly(this.fd);
    this.closed = true;
    rmSync(this.temporary, { force: true });
  }

  private flush(): void {
    if (this.used === 0) return;
    this.put(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private put(bytes: Uint8Array): void {
    writeAllSync(this.fd, bytes, this.path);
    this.hash.update(bytes);
    this.written += bytes.length;
  }
}
