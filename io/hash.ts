import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync, type BigIntStats } from 'node:fs';
import { ValidationError } from '../contracts/errors.ts';
import { ingestMessages } from '../contracts/messages/index.ts';
import { resolve } from 'node:path';

/** sha256 of bytes or text, hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** What a file that is not a regular file is, for messages: "a named pipe (FIFO)", "a directory"… */
export function kindOfFile(stats: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isDirectory(): boolean; isSocket(): boolean; isSymbolicLink(): boolean }): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isDirectory()) return 'a directory';
  if (stats.isSocket()) return 'a socket';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** A hash known for a file as it was (identity = size, mtime, ctime, inode). */
export interface KnownFileHash {
  identity: string;
  sha256: string;
}

/** A file's identity as it is now: size, modification and change times (ns), inode. */
export function fileIdentity(path: string): string {
  return identityOf(statSync(resolve(path), { bigint: true }));
}

function identityOf(stats: BigIntStats): string {
  return `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}`;
}

/** Where the runner keeps the known hashes of an out folder's files between runs (the layout: wave-layout.ts). */
export { fileHashesFile } from './wave-layout.ts';

/**
 * The format of `.file-hashes.json`. Version 2 holds only hashes the manifest verified (the
 * runner's saveFileHashes); a file of another version (an older skillgap saved the hash of
 * whatever it had meant to write, even when the disk took less) is ignored.
 */
const FILE_HASHES_VERSION = 2;

/**
 * The known hashes of files, by absolute path: what one run's hashing (the runner's staleness
 * checks, render's list of inputs), its writers (writeFileAtomic, BufferedFileWriter, ingest's
 * HashWhileReading), its ingest worker threads and the out folder's `.file-hashes.json` know.
 * There is no process-wide instance: a run's RunContext carries its own (runner/context.ts
 * createContext), and each writer is handed it, so two runs in one process (two out folders, the
 * API, tests) never share what they know. Every entry is checked against the file's identity on use.
 *
 * sha256File reads a file only when no hash is known for it *as it is now*: hashing is the cost of
 * a rerun that has nothing to do (a million-respondent wave has ~8 GB of inputs and outputs). The
 * shortcut key is the file's identity (absolute path, size, modification and change times in
 * nanoseconds, inode). Staleness is still decided by comparing content hashes; file times only
 * decide whether the content must be read again to get the hash. Any write to the file changes
 * its change time (ctime), which no user tool can set back, so a stale shortcut needs the same
 * path, size, inode and both times to the nanosecond.
 */
export class FileHashCache {
  private readonly known = new Map<string, KnownFileHash>();

  /** sha256 of the file's bytes (streamed), read only when no hash is known for the file as it is now. */
  async sha256File(path: string): Promise<string> {
    const absolute = resolve(path);
    const stats = statSync(absolute, { bigint: true });
    if (!stats.isFile()) throw new ValidationError(ingestMessages.notAFile(kindOfFile(stats)), { file: path });
    const before = identityOf(stats);
    const known = this.known.get(absolute);
    if (known && known.identity === before) return known.sha256;
    const hash = createHash('sha256');
    // Bounded by the size when the read began: a file that keeps growing is not read for ever.
    if (stats.size > 0n) {
      for await (const chunk of createReadStream(absolute, { highWaterMark: 1 << 20, end: Number(stats.size) - 1 })) hash.update(chunk as Buffer);
    }
    const digest = hash.digest('hex');
    // Remember only when the file did not change while it was read.
    if (fileIdentity(absolute) === before) this.known.set(absolute, { identity: before, sha256: digest });
    return digest;
  }

  /** Records the hash of a file just written by this process (its content is known without reading it). */
  remember(path: string, sha256Hex: string): void {
    const absolute = resolve(path);
    this.known.set(absolute, { identity: fileIdentity(absolute), sha256: sha256Hex });
  }

  /** The known hashes of these files (to hand to a worker thread, or back from one). */
  entriesFor(paths: readonly string[]): [string, KnownFileHash][] {
    return paths.flatMap((path) => {
      const known = this.known.get(resolve(path));
      return known ? [[resolve(path), known] as [string, KnownFileHash]] : [];
    });
  }

  /** Adds hashes learnt elsewhere (a worker thread); each is still checked against the file's identity on use. */
  seed(entries: readonly [string, KnownFileHash][]): void {
    for (const [path, entry] of entries) this.known.set(path, entry);
  }

  /** Loads known hashes saved by an earlier run (a missing, unreadable or older file is an empty cache). */
  load(cacheFile: string): void {
    if (!existsSync(cacheFile)) return;
    try {
      const saved = JSON.parse(readFileSync(cacheFile, 'utf8')) as { version?: number; files?: Record<string, KnownFileHash> };
      if (saved.version !== FILE_HASHES_VERSION || !saved.files) return;
      for (const [path, entry] of Object.entries(saved.files)) if (!this.known.has(path)) this.known.set(path, entry);
    } catch {
      // A damaged cache only costs re-hashing.
    }
  }

  /**
   * The known hashes of the given files (those that still exist unchanged and that `vouched`
   * accepts: the runner passes the hashes its manifest recorded), as JSON for load.
   */
  json(files: readonly string[], vouched: (file: string, sha256: string) => boolean = () => true): string {
    const saved: Record<string, KnownFileHash> = {};
    for (const file of files) {
      const absolute = resolve(file);
      const known = this.known.get(absolute);
      if (known && existsSync(absolute) && fileIdentity(absolute) === known.identity && vouched(file, known.sha256)) saved[absolute] = known;
    }
    return JSON.stringify({ version: FILE_HASHES_VERSION, files: saved }, null, 1) + '\n';
  }
}

/** JSON with object keys sorted, so equal values always give equal text (and equal hashes). */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}
