/**
 * The XLSX reader of ingest before it streamed, kept only as the oracle of the streaming reader's
 * tests (test/stages/ingest/read-xlsx.test.ts) and of tools/bench/xlsx-ingest.ts's comparison.
 */
import ExcelJS from 'exceljs';
import { ValidationError } from '../../../contracts/errors.ts';
import { cellText } from '../../../stages/ingest/read-xlsx.ts';
import * as messages from '../../../contracts/messages/ingest.ts';

export interface WholeWorkbookRecords {
  sheetName: string;
  records: string[][];
  /** 1-based worksheet row number of each record. */
  recordNumbers: number[];
}

/**
 * The reader ingest used before it streamed, kept as the tests' oracle: exceljs loads the
 * workbook whole; every record is padded to the sheet's `columnCount`.
 */
export async function readXlsxRecordsWhole(path: string, file: string): Promise<WholeWorkbookRecords> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new ValidationError(messages.xlsxUnreadable(error instanceof Error ? error.message : 'unknown error'), { file });
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

