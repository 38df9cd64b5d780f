/**
 * Final clean-up of a header shared by every adapter: trailing columns with no name at all
 * (a trailing delimiter on every line, as in legacy Qualtrics exports) are not columns; a column
 * with an empty name gets `unnamed_<position>`; duplicate names get ` (2)`, ` (3)`… in file order.
 * Every rename is reported, so a codebook author can find the column again.
 */
import type { RawColumn } from '../../../contracts/types.ts';
import * as messages from '../../../contracts/messages/ingest.ts';

export function finishColumns(columns: RawColumn[]): { columns: RawColumn[]; warnings: string[] } {
  const warnings: string[] = [];
  let width = columns.length;
  while (width > 0 && columns[width - 1].key.trim() === '' && columns[width - 1].label.trim() === '' && !columns[width - 1].importId) width--;
  const seen = new Map<string, number>();
  const finished = columns.slice(0, width).map((column, index) => {
    let key = column.key;
    if (key.trim() === '') {
      key = `unnamed_${index + 1}`;
      warnings.push(messages.unnamedColumn(index + 1, key));
    }
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count > 1) {
      let renamed = `${key} (${count})`;
      while (seen.has(renamed)) renamed = `${renamed}'`;
      seen.set(renamed, 1);
      warnings.push(messages.duplicateColumn(key, renamed));
      key = renamed;
    }
    return { ...column, key };
  });
  return { columns: finished, warnings };
}

/** The cell of a header record, `` past its end. */
export function headerCell(record: string[] | undefined, index: number): string {
  return record?.[index] ?? '';
}

/** Header width: the longest of the header records. */
export function headerWidth(records: string[][]): number {
  return records.reduce((widest, record) => Math.max(widest, record.length), 0);
}

/** The columns of an export whose single header row holds the keys (generic CSV, Kobo). */
export function singleHeaderRow(records: string[][]): { headerRows: number; columns: RawColumn[]; warnings: string[] } {
  const columns = Array.from({ length: headerWidth(records.slice(0, 1)) }, (_, index) => ({
    key: headerCell(records[0], index).trim(),
    label: '',
  }));
  return { headerRows: 1, ...finishColumns(columns) };
}
