/**
 * CSV writing that is safe to open in a spreadsheet and identical on every machine.
 *
 * - Text cells starting with `=`, `+`, `-`, `@`, tab or carriage return are prefixed with `'`
 *   (OWASP "CSV injection" advice) so a spreadsheet never runs them as formulas; numbers,
 *   including negative ones, are written as numbers.
 * - Numbers use JavaScript's shortest round-trip form; NaN and missing values are empty cells.
 * - Fields are quoted only when they contain a delimiter, quote or line break. Lines end in `\n`.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
/** Text that is a plain decimal number (e.g. "-99", "3.5") is a number to a spreadsheet, not a formula. */
const PLAIN_NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function formatCsvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  let text = cell;
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  if (/[",\n\r]/.test(text)) text = `"${text.replaceAll('"', '""')}"`;
  return text;
}

export function formatCsvLine(cells: readonly CsvCell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    line += formatCsvCell(cells[i]);
  }
  return line + '\n';
}

/** A whole CSV document: header, then one line per row. */
export function formatCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const parts: string[] = [formatCsvLine(header)];
  for (const row of rows) parts.push(formatCsvLine(row));
  return parts.join('');
}
