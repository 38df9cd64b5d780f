/**
 * Shared helpers of the ingest tests: where the third-party fixtures live (../shared, outside
 * the repository, never copied in) and how to read a cell by column key.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawTable } from '../../../contracts/types.ts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const thirdPartyDir = resolve(repoRoot, '../shared/fixtures/third-party');
export const haveThirdParty = existsSync(thirdPartyDir);
if (!haveThirdParty) {
  console.warn(`[skip] third-party export fixtures not found at ${thirdPartyDir}: their tests are skipped`);
}

export const fixture = (relativePath: string) => join(thirdPartyDir, relativePath);

/** The cell of data row `rowIndex` (0-based) in the column whose key is `key`. */
export function cell(table: RawTable, rowIndex: number, key: string): string {
  const index = table.columns.findIndex((column) => column.key === key);
  if (index < 0) throw new Error(`no column ${key}; have ${table.columns.map((column) => column.key).join(' | ')}`);
  return table.rows[rowIndex][index];
}

/** Writes bytes to a fresh temporary file with the given name and returns its path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'skillgap-ingest-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
