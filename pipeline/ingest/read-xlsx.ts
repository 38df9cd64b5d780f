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
 *
 *   ZIP ──exceljs WorkbookReader──▶ workbook.xml, rels, shared strings, styles (cached)
 *       ──worksheet XML──▶ SAX (exceljs's saxes wrapper) ──▶ cell values typed as exceljs's
 *       whole-workbook reader types them (ECMA-376 §18.3.1.4 `c`: t = s|str|inlineStr|b|e|n)
 *       ──cellText──▶ records in batches
 *
 * exceljs's own streaming WorksheetReader is not used for the cells: it loses the `t` of a formula
 * (a boolean or error result becomes 1 or NaN), keeps only the last run of inline rich text, and
 * builds a Row and Cell object per cell (about half its time).
 *
 * Width: the whole-workbook reader padded every record to the sheet's widest row. Streaming cannot
 * know that before the end, so the first batch (header rows and the first data rows) is padded to
 * its widest record, and that width holds for the sheet: a later row that is wider has its empty
 * extra cells cut and its filled extra cells passed on, which the table assembler reports as a
 * ragged row ("the extra non-empty cells were not read") instead of inventing unnamed columns.
 *
 * Where a worksheet precedes styles.xml in the ZIP and is not deferred by exceljs (dates would not
 * be recognised), or the stream cannot be typed as above, the workbook is loaded whole instead
 * (`readXlsxRecordsWhole`), exactly as before.
 */
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { ValidationError } from '../errors.ts';
import * as messages from '../messages/ingest.ts';

export interface XlsxRecords {
  sheetName: string;
  records: string[][];
  /** 1-based worksheet row number of each record. */
  recordNumbers: number[];
}

/** Receives the next records of the sheet with their 1-based worksheet row numbers. */
export type XlsxRecordHandler = (records: string[][], rowNumbers: number[]) => void;

/** Records per batch handed to the handler; the first batch also fixes the width. */
export const XLSX_BATCH_ROWS = 5000;

type SaxEvent =
  | { eventType: 'opentag'; value: { name: string; attributes: Record<string, string> } }
  | { eventType: 'text'; value: string }
  | { eventType: 'closetag'; value: { name: string } };

const require = createRequire(import.meta.url);
/** exceljs's saxes wrapper: yields the SAX events of each chunk of an XML byte stream. */
const parseSax = require('exceljs/lib/utils/parse-sax.js') as (iterable: AsyncIterable<unknown>) => AsyncIterable<SaxEvent[]>;
/** exceljs's adapter from a Node stream (unzipper's entries, file streams) to an async iterable. */
const iterateStream = require('exceljs/lib/utils/iterate-stream.js') as (stream: unknown) => AsyncIterable<Uint8Array>;
/** exceljs's styles.xml reader: numFmt of a style id (getStyleModel), as the whole-workbook reader uses it. */
const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform.js') as new () => WorkbookReaderState['styles'] & {
  parseStream(stream: AsyncIterable<string>): Promise<unknown>;
};
const excelUtils = require('exceljs/lib/utils/utils.js') as {
  isDateFmt(format: string | undefined): boolean;
  excelToDate(serial: unknown, date1904?: boolean): Date;
  xmlDecode(text: string): string;
};

/** The parts of exceljs's WorkbookReader read here (not in its typings). */
interface WorkbookReaderState {
  sharedStrings?: ExcelJS.CellValue[];
  styles: { getStyleModel(id: number): { numFmt?: string } | null | undefined };
  properties?: { model?: { date1904?: boolean } };
}
interface PatchableWorkbookReader extends WorkbookReaderState {
  _parseSharedStrings(entry: unknown): AsyncGenerator<never>;
  _parseStyles(entry: unknown): Promise<void>;
}
interface WorksheetStream {
  name: string;
  iterator: AsyncIterable<unknown>;
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

/** Thrown inside the stream when the sheet must be read whole after all (see the file comment). */
class NeedsWholeWorkbook extends Error {}

/**
 * Streams the records of the first worksheet with data to `onRecords` in batches of
 * XLSX_BATCH_ROWS; returns the sheet's name. Rows missing from the XML inside the data are
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
  let stylesSeen = false;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  // exceljs 4.4's parse-sax decodes every chunk of XML on its own, so a UTF-8 character split
  // between two chunks became two U+FFFD (seen in the Google Forms fixture's shared strings); and
  // its streaming shared strings skip the `_xHHHH_` escapes the whole-workbook reader decodes.
  // The reader's two parsers are replaced on this instance by ones that decode as a stream.
  const patchable = reader as unknown as PatchableWorkbookReader;
  patchable._parseSharedStrings = async function* (entry: unknown) {
    patchable.sharedStrings = await readSharedStrings(iterateStream(entry));
  };
  patchable._parseStyles = async (entry: unknown) => {
    const styles = new StylesXform();
    await styles.parseStream(decodeUtf8(iterateStream(entry)));
    patchable.styles = styles;
    stylesSeen = true;
  };
  try {
    for await (const worksheet of reader as unknown as AsyncIterable<WorksheetStream>) {
      if (!stylesSeen) throw new NeedsWholeWorkbook();
      const found = await streamWorksheet(worksheet, reader as unknown as WorkbookReaderState, guardedHandler);
      if (found) return { sheetName: worksheet.name };
    }
  } catch (error) {
    if (error === consumerError) throw error;
    if (error instanceof NeedsWholeWorkbook) return readWholeInBatches(path, file, onRecords);
    throw new ValidationError(messages.xlsxUnreadable(reasonOf(error)), { file });
  } finally {
    // Leaving the loop early (sheet found) leaves the ZIP stream open; close the file.
    (reader as unknown as { stream?: { destroy(): void } }).stream?.destroy();
  }
  throw new ValidationError(messages.xlsxNoSheet(), { file });
}

async function readWholeInBatches(path: string, file: string, onRecords: XlsxRecordHandler): Promise<{ sheetName: string }> {
  const sheet = await readXlsxRecordsWhole(path, file);
  for (let start = 0; start < sheet.records.length; start += XLSX_BATCH_ROWS) {
    onRecords(sheet.records.slice(start, start + XLSX_BATCH_ROWS), sheet.recordNumbers.slice(start, start + XLSX_BATCH_ROWS));
  }
  return { sheetName: sheet.sheetName };
}

/** UTF-8 text of a byte stream, decoded across chunk boundaries. */
async function* decodeUtf8(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/** Excel's escape of characters XML cannot hold (`_x000D_` = CR), ECMA-376 Part 1 §22.9.2.19. */
function decodeEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
}

/**
 * sharedStrings.xml (ECMA-376 Part 1 §18.4.9) as the whole-workbook reader holds it: an `si` with
 * plain `t` → its text; with runs `r` → `{ richText: [{ text }] }`; phonetic runs (`rPh`) ignored.
 */
async function readSharedStrings(chunks: AsyncIterable<Uint8Array>): Promise<ExcelJS.CellValue[]> {
  const strings: ExcelJS.CellValue[] = [];
  let plain: string | undefined;
  let runs: { text: string }[] | undefined;
  let runText: string | undefined;
  let inRun = false;
  let inPhonetic = false;
  let text: string | undefined;
  for await (const events of parseSax(decodeUtf8(chunks))) {
    for (const event of events) {
      if (event.eventType === 'text') {
        if (text !== undefined) text += event.value;
        continue;
      }
      const name = event.value.name;
      if (event.eventType === 'opentag') {
        if (name === 'si') {
          plain = undefined;
          runs = undefined;
        } else if (name === 'rPh') inPhonetic = true;
        else if (name === 'r') {
          inRun = true;
          runText = undefined;
        } else if (name === 't' && !inPhonetic) text = '';
      } else if (name === 't' && text !== undefined) {
        if (inRun) runText = decodeEscapes(text);
        else plain = decodeEscapes(text);
        text = undefined;
      } else if (name === 'r') {
        inRun = false;
        (runs ??= []).push({ text: runText as string });
      } else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') strings.push(runs ? ({ richText: runs } as ExcelJS.CellValue) : (plain ?? ''));
    }
  }
  return strings;
}

/** Column number (1-based) of a cell reference such as `AB12`. */
function columnOf(reference: string): number {
  let column = 0;
  for (let index = 0; index < reference.length; index++) {
    const code = reference.charCodeAt(index);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

/**
 * Parses one worksheet; returns false (having handed nothing on) when no cell holds a value, so
 * the caller moves to the next sheet, as `actualRowCount > 0` chose the sheet before.
 */
async function streamWorksheet(worksheet: WorksheetStream, workbook: WorkbookReaderState, onRecords: XlsxRecordHandler): Promise<boolean> {
  const sharedStrings = workbook.sharedStrings ?? [];
  const date1904 = workbook.properties?.model?.date1904 ?? false;
  const dateStyles = new Map<number, boolean>();
  const isDateStyle = (styleId: number): boolean => {
    let isDate = dateStyles.get(styleId);
    if (isDate === undefined) {
      isDate = excelUtils.isDateFmt(workbook.styles.getStyleModel(styleId)?.numFmt);
      dateStyles.set(styleId, isDate);
    }
    return isDate;
  };

  let hasData = false;
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
    batch.push(record);
    numbers.push(number);
    if (hasData && batch.length >= XLSX_BATCH_ROWS) flush();
  };

  for await (const events of parseSax(decodeUtf8(worksheet.iterator as AsyncIterable<Uint8Array>))) {
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
          rowNumber = attributes.r ? Number.parseInt(attributes.r, 10) : lastRowNumber + 1;
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
      } else if (name === 'row' && row) {
        for (let gap = lastRowNumber + 1; gap < rowNumber; gap++) pushRecord([], gap);
        while (row.length < rowWidth) row.push('');
        pushRecord(row, rowNumber);
        lastRowNumber = rowNumber;
        row = null;
      }
    }
  }
  if (!hasData) return false;
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
    case 's':
      return sharedStrings[Number.parseInt(valueText, 10)] ?? null;
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

/**
 * The previous reader: loads the workbook whole with exceljs and pads every record to the sheet's
 * `columnCount`. Kept for workbooks the stream cannot type (see the file comment).
 */
export async function readXlsxRecordsWhole(path: string, file: string): Promise<XlsxRecords> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new ValidationError(messages.xlsxUnreadable(reasonOf(error)), { file });
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

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0].slice(0, 120) : 'unknown error';
}
