/** SHA-256 of a file's bytes, streamed (the run manifest decides staleness from it); shares the runner's known hashes. */
import { createHash, type Hash } from 'node:crypto';
import { resolve } from 'node:path';
import { fileHashes, fileIdentity } from '../../io/hash.ts';

export { sha256File as hashFile } from '../../io/hash.ts';

/**
 * The sha256 of a text export computed from the bytes its parser reads anyway, for a file whose
 * hash is not known yet (a first run, a fresh out folder): one read of a 1.2 GB export instead of
 * two. The result is what sha256File gives, and it is remembered the way sha256File remembers
 * it: only when the file did not change while it was read (same size, times and inode).
 */
export class HashWhileReading {
  private readonly hash: Hash = createHash('sha256');

  private constructor(
    private readonly path: string,
    private readonly identityBefore: string,
  ) {}

  /** A hasher for `path`, or null when a hash is already known for it (then hashFile costs no read). */
  static unlessKnown(path: string): HashWhileReading | null {
    const absolute = resolve(path);
    if (fileHashes.entriesFor([absolute]).length > 0) return null;
    return new HashWhileReading(absolute, fileIdentity(absolute));
  }

  update(bytes: Uint8Array): void {
    this.hash.update(bytes);
  }

  /** The hex digest of every byte passed to update (the whole file, in order). */
  finish(): string {
    const digest = this.hash.digest('hex');
    if (fileIdentity(this.path) === this.identityBefore) fileHashes.remember(this.path, digest);
    return digest;
  }
}
