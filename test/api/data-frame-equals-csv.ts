/**
 * The acceptance check of toDataFrame: a DataFrame has the same rows and values as a CSV read with
 * papaparse. A CSV cell is text, so "the same value" means: a number column holds Number(cell),
 * NaN for an empty cell; a boolean column holds cell === 'true'; a text column holds the cell.
 */
import Papa from 'papaparse';
import type { DataFrame } from 'danfojs-node';

/** Differences between a DataFrame and a CSV text (empty when they agree), at most `limit`. */
export function differencesFromCsv(frame: DataFrame, csvText: string, limit = 10): string[] {
  const parsed = Papa.parse<string[]>(csvText, { skipEmptyLines: true });
  const [header, ...records] = parsed.data;
  const differences: string[] = [];
  if (JSON.stringify(frame.columns) !== JSON.stringify(header)) differences.push(`columns ${frame.columns} ≠ ${header}`);
  if (frame.shape[0] !== records.length) differences.push(`${frame.shape[0]} rows ≠ ${records.length} CSV records`);
  const values = frame.values as unknown[][];
  for (let row = 0; row < Math.min(values.length, records.length) && differences.length < limit; row++) {
    for (let c = 0; c < header.length; c++) {
      const cell = records[row][c];
      const value = values[row][c];
      const same =
        typeof value === 'number' ? (cell === '' ? Number.isNaN(value) : value === Number(cell))
        : typeof value === 'boolean' ? String(value) === cell
        : value === cell;
      if (!same) differences.push(`row ${row + 1}, column ${header[c]}: DataFrame ${String(value)} ≠ CSV "${cell}"`);
    }
  }
  return differences;
}
