import { mkdirSync, renameSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { rememberFileHash, sha256 } from './hash.ts';

/**
 * Writes a file atomically: the bytes go to a temporary file beside the target, which is then
 * renamed over it. A killed run leaves either the old file or the new one, never half of one.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
    rememberFileHash(path, sha256(data));
  } finally {
    if (existsSync(temporary)) rmSync(temporary, { force: true });
  }
}
