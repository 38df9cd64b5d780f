import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { sha256, type FileHashCache } from './hash.ts';
import { closeQuietly, finishFile, openTemporary, writeAllSync, writeFailure } from './checked-write.ts';

/** The temporary name a file is written under before it is renamed into place (one per process). */
export const temporaryPath = (path: string) => `${path}.${process.pid}.tmp`;

/**
 * Writes a file atomically: the bytes go to a temporary file beside the target, which is then
 * renamed over it. A killed run leaves either the old file or the new one, never half of one.
 * Every byte is checked written and the size on disk compared (checked-write.ts): a full disk or
 * an I/O error throws a WriteError naming the file and the free space, and leaves the old file.
 * Only then is the content's hash remembered in `knownHashes` (the run's, for a file the runner
 * records: ctx.fileHashes), so the runner's record is of the bytes on disk without reading them again.
 * A link at `path` is replaced by the file (rename), never written through.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, knownHashes?: FileHashCache): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw writeFailure(path, error);
  }
  const temporary = temporaryPath(path);
  let renamed = false;
  const fd = openTemporary(temporary);
  try {
    try {
      writeAllSync(fd, bytes, path);
    } catch (error) {
      closeQuietly(fd);
      throw error;
    }
    finishFile(fd, bytes.length, path);
    try {
      renameSync(temporary, path);
    } catch (error) {
      throw writeFailure(path, error);
    }
    renamed = true;
    knownHashes?.remember(path, sha256(bytes));
  } finally {
    if (!renamed) rmSync(temporary, { force: true });
  }
}
