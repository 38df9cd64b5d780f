import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { rememberFileHash } from './hash.ts';

/** Bytes gathered before one write(2): large enough that system calls are a rounding error. */
const BUFFER_BYTES = 4 << 20;

/**
 * Writes a large text file piece by piece, atomically, without ever holding it whole: text is
 * encoded into one reused 4 MiB buffer that is flushed when full, to a temporary file beside the
 * target that `commit()` renames over it (as writeFileAtomic does for small files). A file of
 * gigabytes would not even fit in one JavaScript string (V8 caps strings near 512 MiB), and
 * joining millions of line strings costs more garbage collection than the writing itself.
 * The bytes are hashed as they are written, so the runner's record of the file's sha256 costs no
 * second read (rememberFileHash).
 */
export class BufferedFileWriter {
  private readonly temporary: string;
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private readonly hash = createHash('sha256');
  /** Bytes written so far. */
  bytes = 0;

  constructor(private readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.temporary = `${path}.${process.pid}.tmp`;
    this.fd = openSync(this.temporary, 'w');
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
    this.flush();
    this.hash.update(bytes);
    writeSync(this.fd, bytes);
    this.bytes += bytes.length;
  }

  /** Flushes, closes and renames the file into place. */
  commit(): void {
    this.flush();
    closeSync(this.fd);
    renameSync(this.temporary, this.path);
    rememberFileHash(this.path, this.hash.digest('hex'));
  }

  /** Closes and removes the temporary file (after a failure). */
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    if (existsSync(this.temporary)) rmSync(this.temporary, { force: true });
  }

  private flush(): void {
    if (this.used === 0) return;
    this.hash.update(this.buffer.subarray(0, this.used));
    writeSync(this.fd, this.buffer, 0, this.used);
    this.used = 0;
  }
}
