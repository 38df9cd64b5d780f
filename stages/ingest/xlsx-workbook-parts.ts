/**
 * The parts of an XLSX workbook (ECMA-376 Part 1) that its worksheets' cells need, read from the
 * ZIP's central directory: the relationships and workbook.xml (sheets in tab order, the 1904 date
 * system), styles.xml (number formats: which numbers are dates) and sharedStrings.xml, parsed with
 * exceljs's own parsers where it has them, so the cells come out as its whole-workbook reader
 * made them; and the merged ranges of a worksheet. The worksheet rows themselves are streamed by
 * read-xlsx.ts.
 */
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

export type SaxEvent =
  | { eventType: 'opentag'; value: { name: string; attributes: Record<string, string> } }
  | { eventType: 'text'; value: string }
  | { eventType: 'closetag'; value: { name: string } };

const require = createRequire(import.meta.url);
/** unzipper: exceljs's own ZIP library, a direct dependency pinned to the version exceljs 4.4.0 installs. */
const unzipper = require('unzipper') as { Open: { file(path: string): Promise<{ files: ZipEntry[] }> } };
/** exceljs's saxes wrapper: yields the SAX events of each chunk of XML text. */
export const parseSax = require('exceljs/lib/utils/parse-sax.js') as (iterable: AsyncIterable<string>) => AsyncIterable<SaxEvent[]>;
type PartParser = { parseStream(stream: AsyncIterable<string>): Promise<unknown> };
/** exceljs's parsers of workbook.xml.rels, workbook.xml and styles.xml, as its whole-workbook reader uses them. */
const RelationshipsXform = require('exceljs/lib/xlsx/xform/core/relationships-xform.js') as new () => PartParser;
const WorkbookXform = require('exceljs/lib/xlsx/xform/book/workbook-xform.js') as new () => PartParser & {
  map: { workbookPr?: { model?: { date1904?: boolean } } };
};
const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform.js') as new () => WorkbookState['styles'] & PartParser & { init(): void };
export const excelUtils = require('exceljs/lib/utils/utils.js') as {
  isDateFmt(format: string | undefined): boolean;
  excelToDate(serial: unknown, date1904?: boolean): Date;
  xmlDecode(text: string): string;
};

/** What a worksheet's cells need from the rest of the workbook. */
export interface WorkbookState {
  sharedStrings: ExcelJS.CellValue[];
  styles: { getStyleModel(id: number): { numFmt?: string } | null | undefined };
  date1904: boolean;
}

/** A ZIP entry as unzipper's central-directory reader gives it. */
export interface ZipEntry {
  path: string;
  stream(): AsyncIterable<Uint8Array>;
}

/** Parses a small workbook part with one of exceljs's own parsers (the model the whole-workbook reader builds). */
async function parsePart(xform: { parseStream(stream: AsyncIterable<string>): Promise<unknown> }, entry: ZipEntry | undefined): Promise<unknown> {
  return entry ? xform.parseStream(decodeUtf8(entry.stream())) : undefined;
}

/** UTF-8 text of a byte stream, decoded across chunk boundaries. */
export async function* decodeUtf8(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
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

/** A merged range (ECMA-376 Part 1 §18.3.1.55), 1-based and inclusive, with its top-left text once read. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
  masterText: string;
}

/**
 * The merged ranges of a worksheet (`mergeCell`, after `sheetData`), found by a scan of its
 * bytes: `<mergeCell` cannot occur inside cell text (a `<` there is escaped), so no XML parsing
 * is needed, and a chunk's last bytes are kept to catch an element split between chunks.
 */
export async function readMergedRanges(chunks: AsyncIterable<Uint8Array>): Promise<MergedRange[]> {
  const ranges: MergedRange[] = [];
  const pattern = /<mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g;
  let carry = '';
  for await (const chunk of chunks) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    if (carry === '' && buffer.indexOf('<mergeCell') < 0) {
      carry = buffer.toString('latin1', Math.max(0, buffer.length - 256));
      continue;
    }
    const text = carry + buffer.toString('latin1');
    let consumed = 0;
    for (const match of text.matchAll(pattern)) {
      const [first, second] = [columnOf(match[1]), columnOf(match[3])];
      const [top, bottom] = [Number(match[2]), Number(match[4])];
      ranges.push({ top: Math.min(top, bottom), left: Math.min(first, second), bottom: Math.max(top, bottom), right: Math.max(first, second), masterText: '' });
      consumed = (match.index ?? 0) + match[0].length;
    }
    carry = text.slice(Math.max(consumed, text.length - 256));
  }
  return ranges.sort((a, b) => a.top - b.top);
}

/**
 * Gives the cells of the merged ranges that cover row `rowNumber` the text of their range's
 * top-left cell (read when the range's top row passes), widening the record to the range.
 */
export function fillMergedCells(record: string[], rowNumber: number, ranges: MergedRange[]): void {
  for (const range of ranges) {
    if (range.top > rowNumber) break;
    if (range.bottom < rowNumber) continue;
    if (range.top === rowNumber) range.masterText = record[range.left - 1] ?? '';
    while (record.length < range.right) record.push('');
    for (let column = range.left; column <= range.right; column++) {
      if (rowNumber !== range.top || column !== range.left) record[column - 1] = range.masterText;
    }
  }
}

/** Column number (1-based) of a cell reference such as `AB12`. */
export function columnOf(reference: string): number {
  let column = 0;
  for (let index = 0; index < reference.length; index++) {
    const code = reference.charCodeAt(index);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

/** The workbook's worksheets in tab order (name and ZIP entry) and what their cells need. */
/** Which part of the workbook is being read, for messages (`openWorkbook` and the worksheet reader update it). */
export interface WorkbookPlace {
  part: string;
  row?: number;
  /** The workbook's path as the user gave it. */
  file?: string;
}

export async function openWorkbook(path: string, place: WorkbookPlace = { part: '' }): Promise<{ sheets: { name: string; entry: ZipEntry }[]; state: WorkbookState }> {
  place.part = 'the ZIP directory';
  const zip = await unzipper.Open.file(path);
  const entries = new Map(zip.files.map((entry) => [entry.path, entry]));
  place.part = 'part xl/_rels/workbook.xml.rels';
  const relationships = await parsePart(new RelationshipsXform(), entries.get('xl/_rels/workbook.xml.rels'));
  const workbookXml = new WorkbookXform();
  place.part = 'part xl/workbook.xml';
  const workbook = (await parsePart(workbookXml, entries.get('xl/workbook.xml'))) as { sheets?: { name: string; rId: string }[] } | undefined;
  const sharedStringsEntry = entries.get('xl/sharedStrings.xml');
  const stylesEntry = entries.get('xl/styles.xml');
  const styles = new StylesXform();
  place.part = 'part xl/styles.xml';
  if (stylesEntry) await styles.parseStream(decodeUtf8(stylesEntry.stream()));
  else styles.init();
  place.part = 'part xl/sharedStrings.xml';
  const state: WorkbookState = {
    sharedStrings: sharedStringsEntry ? await readSharedStrings(sharedStringsEntry.stream()) : [],
    styles,
    date1904: Boolean(workbookXml.map.workbookPr?.model?.date1904),
  };
  const targets = new Map(((relationships ?? []) as { Id: string; Target: string }[]).map((relationship) => [relationship.Id, relationship.Target]));
  const sheets: { name: string; entry: ZipEntry }[] = [];
  for (const sheet of workbook?.sheets ?? []) {
    const target = targets.get(sheet.rId);
    const entry = target ? entries.get(target.startsWith('/') ? target.slice(1) : `xl/${target}`) : undefined;
    if (entry && /^xl\/worksheets\//.test(entry.path)) sheets.push({ name: sheet.name, entry });
  }
  return { sheets, state };
}
