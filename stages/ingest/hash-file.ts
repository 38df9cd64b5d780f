/** SHA-256 of an export computed while it is parsed (the run manifest decides staleness from it); fills the run's known hashes. */
import { createHash, type Hash } from 'node:crypto';
import { resolve } from 'node:path';
import { fileIdentity, type FileHashCache } from '../../io/hash.ts';

/**
 * The sha256 of a text export computed from the bytes its parser reads anyway, for a file whose
 * hash is not known yet (a first run, a fresh out folder): one read of a 1.2 GB export instead of
 * two. The result is what FileHashCache.sha256File gives, and it is remembered in the same cache
 * the way sha256File remembers it: only when the file did not change while it was read (same size, times and inode).
 */
export class HashWhileReading {
  private readonly hash: Hash = createHash('sha256');

  private constructor(
    private readonly path: string,
    private readonly identityBefore: string,
    private readonly knownHashes: FileHashCache,
  ) {}

  /** A hasher for `path`, or null when `knownHashes` already has a hash for it (then its sha256File costs no read). */
  static unlessKnown(path: string, knownHashes: FileHashCache): HashWhileReading | null {
    const absolute = resolve(path);
    if (knownHashes.entriesFor([absolute]).length > 0) return null;
    return new HashWhileReading(absolute, fileIdentity(absolute), knownHashes);
  }

  update(bytes: Uint8Array): void {
    this.hash.update(bytes);
  }

  /** The hex digest of every byte passed to update (the whole file, in order). */
  finish(): string {
    const digest = this.hash.digest('hex');
    if (fileIdentity(this.path) === this.identityBefore) this.knownHashes.remember(this.path, digest);
    return digest;
  }
}
