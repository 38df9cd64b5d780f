/**
 * A raw export table stored by column, the form the normalise stage works on:
 *
 *   dictionary column: codes (Uint16Array, one per row: at most MAX_DICTIONARY texts) into the column's distinct texts
 *   plain column:      one text per row (ids, timestamps: nearly every value distinct)
 *
 * A Likert column of a million rows has a dozen distinct labels, so each label is recoded once per
 * column instead of once per cell, and a row costs 2 bytes per column instead of a string object.
 * A column whose distinct texts outgrow MAX_DICTIONARY turns plain, so the lookup map of a
 * response-id column never holds a million keys for nothing.
 *
 * Local to normalise (RawTable in contracts/types.ts stays the row contract the other tools use);
 * `columnarFromRows` converts a RawTable, so both forms go through one normalise code path.
 */
import type { RawTable } from '../../contracts/types.ts';
import { forEachCachedGroup, MAX_DICTIONARY, plainHasText, plainText } from '../../io/columnar-cache.ts';

export { MAX_DICTIONARY };

export type ColumnCells =
  | { kind: 'dictionary'; codes: Uint16Array; dictionary: string[] }
  | { kind: 'plain'; values: string[] }
  /** Not kept: no rule reads it (timestamps, open text…); only whether it held text counts (blank rows). */
  | { kind: 'skipped' };

export interface ColumnarRawTable extends Omit<RawTable, 'rows'> {
  rowCount: number;
  /** One per entry of `columns`. */
  cells: ColumnCells[];
  /** 1 where a skipped column of the row holds text (so the row is not blank); absent when none is skipped. */
  textInSkipped?: Uint8Array;
}

/** The text of row `row` in a column. */
export function cellText(column: ColumnCells, row: number): string {
  if (column.kind === 'skipped') throw new Error('columnar table: a skipped column was read');
  return column.kind === 'dictionary' ? column.dictionary[column.codes[row]] : column.values[row];
}

/** Builds the columns row by row; rows shorter than the header read as empty cells. */
export class ColumnarBuilder {
  private readonly cells: ColumnCells[];
  private readonly lookups: (Map<string, number> | null)[];
  private rows = 0;
  private readonly textInSkipped?: Uint8Array;

  /** `keep(c)` false: column c is not stored, only whether it holds text (default: keep all). */
  constructor(columnCount: number, private readonly capacity: number, keep: (column: number) => boolean = () => true) {
    this.cells = Array.from({ length: columnCount }, (_, c) =>
      keep(c) ? { kind: 'dictionary', codes: new Uint16Array(capacity), dictionary: [] } : { kind: 'skipped' },
    );
    this.lookups = this.cells.map((column) => (column.kind === 'dictionary' ? new Map<string, number>() : null));
    if (this.cells.some((column) => column.kind === 'skipped')) this.textInSkipped = new Uint8Array(capacity);
  }

  /** Appends a row; `offset` skips leading entries that are not cells (the cache's row number). */
  push(row: readonly unknown[], offset = 0): void {
    if (this.rows >= this.capacity) throw new Error(`columnar table: more rows than the ${this.capacity} announced`);
    const r = this.rows++;
    for (let c = 0; c < this.cells.length; c++) {
      const text = (row[c + offset] as string | undefined) ?? '';
      const column = this.cells[c];
      if (column.kind === 'skipped') {
        if (!this.textInSkipped![r] && text.trim() !== '') this.textInSkipped![r] = 1;
        continue;
      }
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

  finish(): { rowCount: number; cells: ColumnCells[]; textInSkipped?: Uint8Array } {
    if (this.rows !== this.capacity) {
      for (const [c, column] of this.cells.entries()) {
        if (column.kind === 'dictionary') this.cells[c] = { ...column, codes: column.codes.slice(0, this.rows) };
      }
    }
    const textInSkipped = this.textInSkipped?.slice(0, this.rows);
    return { rowCount: this.rows, cells: this.cells, ...(textInSkipped ? { textInSkipped } : {}) };
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

/**
 * Reads an ingest cache (io/columnar-cache.ts) into columns, the same columns
 * ColumnarBuilder would build from the rows: dictionary codes are copied array to array, texts
 * are decoded once per distinct text, and only plain columns that are kept are decoded cell by
 * cell. A skipped column is only checked for text (blank rows), from its bytes.
 */
export function readColumnarCacheTable(
  path: string,
  columnCount: number,
  capacity: number,
  keep: (column: number) => boolean = () => true,
): { sourceRows: number[]; rowCount: number; cells: ColumnCells[]; textInSkipped?: Uint8Array } {
  const cells: ColumnCells[] = Array.from({ length: columnCount }, (_, c) =>
    keep(c) ? { kind: 'dictionary', codes: new Uint16Array(capacity), dictionary: [] } : { kind: 'skipped' },
  );
  // Skipped dictionary columns: 1 per distinct text that is not blank.
  const hasText: number[][] = cells.map(() => []);
  const textInSkipped = cells.some((column) => column.kind === 'skipped') ? new Uint8Array(capacity) : undefined;
  const sourceRows: number[] = new Array(capacity);
  let rows = 0;
  const { columnCount: stored } = forEachCachedGroup(path, (group) => {
    if (rows + group.rowCount > capacity) throw new Error(`${path}: more rows than the ${capacity} announced`);
    for (let r = 0; r < group.rowCount; r++) sourceRows[rows + r] = group.sourceRows[r];
    for (let c = 0; c < columnCount; c++) {
      const stored = group.columns[c];
      const column = cells[c];
      if (column.kind === 'skipped') {
        if (stored.kind === 'dictionary') {
          const flags = hasText[c];
          for (const text of stored.newTexts) flags.push(text.trim() === '' ? 0 : 1);
          for (let r = 0; r < group.rowCount; r++) if (flags[stored.codes[r]]) textInSkipped![rows + r] = 1;
        } else {
          for (let r = 0; r < group.rowCount; r++) if (!textInSkipped![rows + r] && plainHasText(stored, r)) textInSkipped![rows + r] = 1;
        }
        continue;
      }
      if (stored.kind === 'dictionary') {
        if (column.kind !== 'dictionary') throw new Error(`${path}: column ${c} turns from text back to codes`);
        for (const text of stored.newTexts) column.dictionary.push(text);
        column.codes.set(stored.codes, rows);
        continue;
      }
      let values: string[];
      if (column.kind === 'dictionary') {
        values = new Array<string>(capacity);
        for (let r = 0; r < rows; r++) values[r] = column.dictionary[column.codes[r]];
        cells[c] = { kind: 'plain', values };
      } else values = column.values;
      for (let r = 0; r < group.rowCount; r++) values[rows + r] = plainText(stored, r);
    }
    rows += group.rowCount;
  });
  if (stored !== columnCount && rows > 0) throw new Error(`${path}: ${stored} columns cached for ${columnCount} in its description`);
  if (rows !== capacity) {
    sourceRows.length = rows;
    for (const [c, column] of cells.entries()) if (column.kind === 'dictionary') cells[c] = { ...column, codes: column.codes.slice(0, rows) };
  }
  return { sourceRows, rowCount: rows, cells, ...(textInSkipped ? { textInSkipped: textInSkipped.slice(0, rows) } : {}) };
}
