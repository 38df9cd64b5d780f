/**
 * Reads the first worksheet with data of an XLSX workbook into text records, streaming: the
 * worksheet XML is parsed row by row and records are handed on in batches, so memory holds the
 * shared strings, the styles and one batch, never the whole sheet (issue 8; an export may have
 * Excel's 1,048,576 rows).
 *
 * Cell text follows what the CSV export of the same tool writes, so CSV and XLSX of one survey
 * give the same RawTable: absent cells → "", booleans → "True"/"False" (Kobo/pandas spelling),
 * dates (cells whose number format is a date, i.e. Excel serial days since 1899-12-30; ECMA-376
 * Part 1 §18.17.4) → ISO 8601 `YYYY-MM-DDTHH:MM:SS` without zone (Excel stores local time),
 * `YYYY-MM-DD` when there is no time of day; numbers → shortest round-trip decimal; rich text,
 * hyperlinks and formulas → their displayed text/result; error values → their code (`#N/A`).
 * The text is exactly what exceljs's whole-workbook reader gave (the reader used before).
 *
 *   ZIP central directory (unzipper 0.10.14, exceljs's own ZIP library, random access)
 *     ──▶ workbook.xml.rels, workbook.xml (sheet order, 1904 dates), sharedStrings.xml, styles.xml
 *     ──▶ each worksheet in tab order: one pass for its merged ranges, one pass of SAX events
 *         (exceljs's saxes wrapper) typed as the whole-workbook reader typed them
 *         (ECMA-376 §18.3.1.4 `c`: t = s|str|inlineStr|b|e|n) ──cellText──▶ records in batches
 *
 * exceljs's streaming WorkbookReader is not used: it defers a worksheet that precedes the shared
 * strings to a temporary file and then, depending on timing, drops every ZIP entry after it (the
 * same hand-made workbook lost its styles in one run and not in the next); it decodes each chunk
 * of XML on its own (a UTF-8 character split between chunks became U+FFFD in the Google Forms
 * fixture); its shared strings skip `_xHHHH_` escapes and read phonetic runs as text; and its
 * WorksheetReader loses a formula's `t` (a boolean or error result became 1 or NaN).
 *
 * Width: the whole-workbook reader padded every record to the sheet's widest row. Streaming cannot
 * know that before the end, so the first batch (header rows and the first data rows) is padded to
 * its widest record, and that width holds for the sheet: a later row that is wider has its empty
 * extra cells cut and its filled extra cells passed on, which the table assembler reports as a
 * ragged row ("the extra non-empty cells were not read") instead of inventing unnamed columns.
 * Merged ranges (written after the rows) are read in a first pass over the worksheet, so their
 * other cells repeat the top-left cell's text as before.
 */
import type ExcelJS from 'exceljs';
import { ValidationError } from '../../contracts/errors.ts';
import * as messages from '../../contracts/messages/ingest.ts';
import { columnOf, decodeUtf8, excelUtils, fillMergedCells, openWorkbook, parseSax, readMergedRanges, type MergedRange, type WorkbookPlace, type WorkbookState } from './xlsx-workbook-parts.ts';

/** Receives the next records of the sheet with their 1-based worksheet row numbers. */
export type XlsxRecordHandler = (records: string[][], rowNumbers: number[]) => void;

/** Records per batch handed to the handler; the first batch also fixes the width. */
export const XLSX_BATCH_ROWS = 5000;

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

/**
 * Streams the records of the first worksheet with data (in tab order) to `onRecords` in batches
 * of XLSX_BATCH_ROWS; returns the sheet's name. Rows missing from the XML inside the data are
 * records of empty cells with their worksheet row numbers, as before.
 */
export async function streamXlsxRecords(path: string, file: string, onRecords: XlsxRecordHandler): Promise<{ sheetName: string }> {
  let consumerError: unknown;
  const guardedHandler: XlsxRecordHandler = (records, rowNumbers) => {
    try {
      onRecords(records, rowNumbers);
    } catch (error) {
      consumerError = error;
      throw error;
    }
  };
  const place: WorkbookPlace = { part: '', file };
  try {
    const { sheets, state } = await openWorkbook(path, place);
    for (const { name, entry } of sheets) {
      place.part = `worksheet ${JSON.stringify(name)} (${entry.path})`;
      place.row = undefined;
      const merges = await readMergedRanges(entry.stream());
      if (await streamWorksheet(entry.stream(), state, merges, guardedHandler, place)) return { sheetName: name };
    }
  } catch (error) {
    if (error === consumerError) throw error;
    if (error instanceof ValidationError) throw error;
    throw new ValidationError(messages.xlsxUnreadable(reasonOf(error), place.part), { file, row: place.row });
  }
  throw new ValidationError(messages.xlsxNoSheet(), { file });
}

/**
 * Parses one worksheet; returns false (having handed nothing on) when no cell holds a value, so
 * the caller moves to the next sheet, as `actualRowCount > 0` chose the sheet before.
 */
async function streamWorksheet(
  chunks: AsyncIterable<Uint8Array>,
  workbook: WorkbookState,
  merges: MergedRange[],
  onRecords: XlsxRecordHandler,
  place: WorkbookPlace,
): Promise<boolean> {
  // A worksheet cut short or with a broken row structure loses rows quietly if read on: stop instead.
  const damaged = (reason: string): never => {
    throw new ValidationError(messages.xlsxDamagedSheet(reason, place.part), { file: place.file, row: place.row });
  };
  let sheetDataClosed = false;
  const sharedStrings = workbook.sharedStrings;
  const date1904 = workbook.date1904;
  const dateStyles = new Map<number, boolean>();
  const isDateStyle = (styleId: number): boolean => {
    let isDate = dateStyles.get(styleId);
    if (isDate === undefined) {
      isDate = excelUtils.isDateFmt(workbook.styles.getStyleModel(styleId)?.numFmt);
      dateStyles.set(styleId, isDate);
    }
    return isDate;
  };

  // A merged range's cells count as values, as exceljs's `actualRowCount` counted them.
  let hasData = merges.length > 0;
  let width = -1;
  let batch: string[][] = [];
  let numbers: number[] = [];
  let lastRowNumber = 0;
  let row: string[] | null = null;
  let rowWidth = 0;
  let rowNumber = 0;
  // The cell being parsed (ECMA-376 §18.3.1.4).
  let inCell = false;
  let cellColumn = 0;
  let cellType: string | undefined;
  let cellStyle = 0;
  let formulaText: string | undefined;
  let formulaShareType: string | undefined;
  let valueText: string | undefined;
  let collecting: 'f' | 'v' | null = null;
  let lastColumn = 0;

  const flush = (): void => {
    if (batch.length === 0) return;
    if (width < 0) {
      width = 0;
      for (const record of batch) width = Math.max(width, record.length);
    }
    for (let index = 0; index < batch.length; index++) batch[index] = fitRecord(batch[index], width);
    onRecords(batch, numbers);
    batch = [];
    numbers = [];
  };
  const pushRecord = (record: string[], number: number): void => {
    if (merges.length > 0) fillMergedCells(record, number, merges);
    batch.push(record);
    numbers.push(number);
    if (hasData && batch.length >= XLSX_BATCH_ROWS) flush();
  };

  for await (const events of parseSax(decodeUtf8(chunks))) {
    for (const event of events) {
      if (event.eventType === 'text') {
        if (collecting === 'v') valueText = valueText === undefined ? event.value : valueText + event.value;
        else if (collecting === 'f') formulaText = formulaText === undefined ? event.value : formulaText + event.value;
        continue;
      }
      const name = event.value.name;
      if (event.eventType === 'opentag') {
        const attributes = event.value.attributes;
        if (name === 'row') {
          if (row) damaged(`row ${rowNumber} is not closed before the next row starts`);
          rowNumber = attributes.r ? Number.parseInt(attributes.r, 10) : lastRowNumber + 1;
          if (!(rowNumber > lastRowNumber)) damaged(`row ${attributes.r} comes after row ${lastRowNumber}: rows are repeated or out of order`);
          place.row = rowNumber;
          row = [];
          rowWidth = 0;
          lastColumn = 0;
        } else if (name === 'c' && row) {
          inCell = true;
          cellColumn = attributes.r ? columnOf(attributes.r) : lastColumn + 1;
          lastColumn = cellColumn;
          cellType = attributes.t;
          cellStyle = attributes.s ? Number.parseInt(attributes.s, 10) : 0;
          formulaText = undefined;
          formulaShareType = undefined;
          valueText = undefined;
        } else if (inCell) {
          if (name === 'f') {
            collecting = 'f';
            formulaShareType = attributes.t;
          } else if (name === 'v' || name === 't') collecting = 'v';
        }
      } else if (name === 'c' && inCell && row) {
        inCell = false;
        collecting = null;
        rowWidth = Math.max(rowWidth, cellColumn);
        const value = typedValue(cellType, cellStyle, formulaText, formulaShareType, valueText, sharedStrings, isDateStyle, date1904);
        if (value !== null) {
          hasData = true;
          while (row.length < cellColumn - 1) row.push('');
          row[cellColumn - 1] = cellText(value);
        }
      } else if (name === 'f' || name === 'v' || name === 't') {
        collecting = null;
      } else if (name === 'sheetData') {
        sheetDataClosed = true;
      } else if (name === 'row' && row) {
        for (let gap = lastRowNumber + 1; gap < rowNumber; gap++) pushRecord([], gap);
        while (row.length < rowWidth) row.push('');
        pushRecord(row, rowNumber);
        lastRowNumber = rowNumber;
        row = null;
      }
    }
  }
  if (row) damaged(`the worksheet XML ends inside row ${rowNumber}`);
  if (!sheetDataClosed && (hasData || lastRowNumber > 0)) damaged('the worksheet XML ends before its last row (no </sheetData>)');
  if (!hasData) return false;
  // Rows a merged range reaches below the last row of the XML exist in the sheet (exceljs made them).
  const mergedBottom = merges.reduce((bottom, range) => Math.max(bottom, range.bottom), 0);
  for (let extra = lastRowNumber + 1; extra <= mergedBottom; extra++) pushRecord([], extra);
  flush();
  return true;
}

/**
 * The cell's value as exceljs's whole-workbook reader makes it (cell-xform parseClose and
 * reconcile): a formula (text, or a shared-formula follower) → its typed result; else typed by
 * `t`; numbers whose style's number format is a date → Date. Null when the cell holds nothing.
 */
function typedValue(
  type: string | undefined,
  styleId: number,
  formulaText: string | undefined,
  formulaShareType: string | undefined,
  valueText: string | undefined,
  sharedStrings: ExcelJS.CellValue[],
  isDateStyle: (styleId: number) => boolean,
  date1904: boolean,
): ExcelJS.CellValue {
  if (formulaText || formulaShareType) {
    if (!valueText) return null;
    let result: unknown;
    if (type === 'str') result = excelUtils.xmlDecode(valueText);
    else if (type === 'b') result = Number.parseInt(valueText, 10) !== 0;
    else if (type === 'e') result = { error: valueText };
    else result = Number.parseFloat(valueText);
    if (styleId && isDateStyle(styleId)) result = excelUtils.excelToDate(result, date1904);
    return result as ExcelJS.CellValue;
  }
  if (valueText === undefined) return null;
  switch (type) {
    case 's': {
      const index = Number.parseInt(valueText, 10);
      if (!(index >= 0 && index < sharedStrings.length)) throw new SharedStringMissing(valueText, sharedStrings.length);
      return sharedStrings[index] ?? null;
    }
    case 'str':
      return excelUtils.xmlDecode(valueText);
    case 'inlineStr':
      return valueText;
    case 'b':
      return Number.parseInt(valueText, 10) !== 0;
    case 'e':
      return { error: valueText } as ExcelJS.CellValue;
    default: {
      const number = Number.parseFloat(valueText);
      return styleId && isDateStyle(styleId) ? excelUtils.excelToDate(number, date1904) : number;
    }
  }
}

/** Pads a record to the sheet's width; cuts extra cells beyond it when they are all empty. */
function fitRecord(record: string[], width: number): string[] {
  if (record.length < width) {
    while (record.length < width) record.push('');
    return record;
  }
  if (record.length > width) {
    let last = record.length;
    while (last > width && record[last - 1] === '') last--;
    record.length = last;
  }
  return record;
}

/** A cell refers to a shared string the workbook does not have (its text would be lost). */
class SharedStringMissing extends Error {
  constructor(index: string, count: number) {
    super(`a cell refers to shared string ${JSON.stringify(index.slice(0, 20))}, but the workbook has ${count}`);
  }
}

/** The parser's reason, its `line:column:` prefix spelled out. */
function reasonOf(error: unknown): string {
  const reason = error instanceof Error ? error.message.split('\n')[0].slice(0, 120) : 'unknown error';
  return reason.replace(/^(\d+):(\d+): /, 'XML line $1, column $2: ');
}
