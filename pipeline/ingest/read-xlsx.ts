/**
 * Reads the first worksheet with data of an XLSX workbook into text records, through exceljs.
 * Cell text follows what the CSV export of the same tool writes, so CSV and XLSX of one survey
 * give the same RawTable: absent cells → "", booleans → "True"/"False" (Kobo/pandas spelling),
 * dates (cells whose number format is a date, i.e. Excel serial days since 1899-12-30; ECMA-376
 * Part 1 §18.17.4) → ISO 8601 `YYYY-MM-DDTHH:MM:SS` without zone (Excel stores local time),
 * `YYYY-MM-DD` when there is no time of day; numbers → shortest round-trip decimal; rich text,
 * hyperlinks and formulas → their displayed text/result; error values → their code (`#N/A`).
 * The workbook is loaded whole (XLSX is compressed and at most 1,048,576 rows); only CSV streams.
 */
import ExcelJS from 'exceljs';
import { ValidationError } from '../errors.ts';
import * as messages from '../messages/ingest.ts';

export interface XlsxRecords {
  sheetName: string;
  records: string[][];
  /** 1-based worksheet row number of each record. */
  recordNumbers: number[];
}

/**
 * ISO 8601 text of a cell date, rounded to the second as Excel displays it (a serial day is a
 * binary fraction, so 12:02:32 may be stored as 12:02:31.9995).
 */
export function isoFromDate(date: Date): string {
  const iso = new Date(Math.round(date.getTime() / 1000) * 1000).toISOString();
  const dateOnly = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? dateOnly : `${dateOnly}T${time}`;
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoFromDate(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('error' in value) return String(value.error);
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('hyperlink' in value) return cellText((value as { text?: ExcelJS.CellValue }).text ?? (value as { hyperlink: string }).hyperlink);
    if ('text' in value) return cellText((value as { text: ExcelJS.CellValue }).text);
  }
  return String(value);
}

export async function readXlsxRecords(path: string, file: string): Promise<XlsxRecords> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0].slice(0, 120) : 'unknown error';
    throw new ValidationError(messages.xlsxUnreadable(reason), { file });
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0);
  if (!sheet) throw new ValidationError(messages.xlsxNoSheet(), { file });
  const width = sheet.columnCount;
  const records: string[][] = [];
  const recordNumbers: number[] = [];
  // Row 1 … last used row, so blank rows inside the data are kept as records.
  for (let rowNumber = 1; rowNumber <= sheet.rowCount; rowNumber++) {
    const row = sheet.getRow(rowNumber);
    const cells: string[] = new Array(width).fill('');
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (columnNumber <= width) cells[columnNumber - 1] = cellText(cell.value);
    });
    records.push(cells);
    recordNumbers.push(rowNumber);
  }
  return { sheetName: sheet.name, records, recordNumbers };
}
