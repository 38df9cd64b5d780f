/**
 * A raw export table stored by column, the form the normalise stage works on:
 *
 *   dictionary column: codes (Uint32Array, one per row) into the column's distinct texts
 *   plain column:      one text per row (ids, timestamps: nearly every value distinct)
 *
 * A Likert column of a million rows has a dozen distinct labels, so each label is recoded once per
 * column instead of once per cell, and a row costs 4 bytes per column instead of a string object.
 * A column whose distinct texts outgrow MAX_DICTIONARY turns plain, so the lookup map of a
 * response-id column never holds a million keys for nothing.
 *
 * Local to normalise (RawTable in pipeline/types.ts stays the row contract the other tools use);
 * `columnarFromRows` converts a RawTable, so both forms go through one normalise code path.
 */
import type { RawTable } from '../types.ts';

export const MAX_DICTIONARY = 4096;

export type ColumnCells =
  | { kind: 'dictionary'; codes: Uint32Array; dictionary: string[] }
  | { kind: 'plain'; values: string[] };

export interface ColumnarRawTable extends Omit<RawTable, 'rows'> {
  rowCount: number;
  /** One per entry of `columns`. */
  cells: ColumnCells[];
}

/** The text of row `row` in a column. */
export function cellText(column: ColumnCells, row: number): string {
  return column.kind === 'dictionary' ? column.dictionary[column.codes[row]] : column.values[row];
}

/** Builds the columns row by row; rows shorter than the header read as empty cells. */
export class ColumnarBuilder {
  private readonly cells: ColumnCells[];
  private readonly lookups: (Map<string, number> | null)[];
  private rows = 0;

  constructor(columnCount: number, private readonly capacity: number) {
    this.cells = Array.from({ length: columnCount }, () => ({ kind: 'dictionary', codes: new Uint32Array(capacity), dictionary: [] }));
    this.lookups = Array.from({ length: columnCount }, () => new Map<string, number>());
  }

  /** Appends a row; `offset` skips leading entries that are not cells (the cache's row number). */
  push(row: readonly unknown[], offset = 0): void {
    if (this.rows >= this.capacity) throw new Error(`columnar table: more rows than the ${this.capacity} announced`);
    const r = this.rows++;
    for (let c = 0; c < this.cells.length; c++) {
      const text = (row[c + offset] as string | undefined) ?? '';
      const column = this.cells[c];
      if (column.kind === 'plain') {
        column.values[r] = text;
        continue;
      }
      const lookup = this.lookups[c]!;
      let code = lookup.get(text);
      if (code === undefined) {
        if (column.dictionary.length >= MAX_DICTIONARY) {
          this.makePlain(c, r);
          (this.cells[c] as { values: string[] }).values[r] = text;
          continue;
        }
        code = column.dictionary.length;
        column.dictionary.push(text);
        lookup.set(text, code);
      }
      column.codes[r] = code;
    }
  }

  finish(): { rowCount: number; cells: ColumnCells[] } {
    if (this.rows !== this.capacity) {
      for (const [c, column] of this.cells.entries()) {
        if (column.kind === 'dictionary') this.cells[c] = { ...column, codes: column.codes.slice(0, this.rows) };
      }
    }
    return { rowCount: this.rows, cells: this.cells };
  }

  private makePlain(c: number, rowsSoFar: number): void {
    const column = this.cells[c] as Extract<ColumnCells, { kind: 'dictionary' }>;
    const values = new Array<string>(this.capacity);
    for (let r = 0; r < rowsSoFar; r++) values[r] = column.dictionary[column.codes[r]];
    this.cells[c] = { kind: 'plain', values };
    this.lookups[c] = null;
  }
}

/** A row table as columns (tests, tools and small waves hand normalise RawTables). */
export function columnarFromRows(table: RawTable): ColumnarRawTable {
  const builder = new ColumnarBuilder(table.columns.length, table.rows.length);
  for (const row of table.rows) builder.push(row);
  const { rows: _rows, ...rest } = table;
  return { ...rest, ...builder.finish() };
}
