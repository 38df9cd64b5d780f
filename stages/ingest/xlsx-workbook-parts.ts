/**
 * The parts of an XLSX workbook (ECMA-376 Part 1) that its worksheets' cells need, read from the
 * ZIP's central directory (unzipper) and parsed with saxes, a streaming SAX parser, through their
 * public APIs: the relationships and workbook.xml (sheets in tab order, the 1904 date system),
 * styles.xml (number formats: which numbers are dates), sharedStrings.xml, and the merged ranges
 * of a worksheet. The worksheet rows themselves are streamed by read-xlsx.ts.
 */
import { createRequire } from 'node:module';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

const require = createRequire(import.meta.url);
/** unzipper's central-directory reader (random access to each entry's inflated bytes). */
const unzipper = require('unzipper') as { Open: { file(path: string): Promise<{ files: ZipEntry[] }> } };

/** A ZIP entry as unzipper's central-directory reader gives it. */
export interface ZipEntry {
  path: string;
  stream(): AsyncIterable<Uint8Array>;
}

/** What a worksheet's cells need from the rest of the workbook. */
export interface WorkbookState {
  /** Each shared string's text (rich-text runs joined). */
  sharedStrings: string[];
  /** Number format code of each cell style (`s` attribute), undefined when it has none. */
  numberFormatOfStyle: (string | undefined)[];
  date1904: boolean;
}

/** Callbacks of one XML part, element by element (names as written, prefixes included). */
export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

const OPEN = 0;
const TEXT = 1;
const CLOSE = 2;

/**
 * Feeds an XML part's UTF-8 bytes to saxes and calls the handlers. The events of each chunk are
 * collected and handed on only once the parser has accepted the whole chunk, so the parser's own
 * error (its message begins `line:column: `) comes first and the handlers never see events from
 * past it. `wholePart`: the root element must be closed (saxes `close()`); a worksheet instead
 * checks its own end, to say which row it lost.
 */
export async function parseXmlPart(chunks: AsyncIterable<Uint8Array>, handlers: XmlHandlers, wholePart = false): Promise<void> {
  const parser = new SaxesParser();
  let failure: Error | undefined;
  const kinds: number[] = [];
  const values: (SaxesTagPlain | string)[] = [];
  parser.on('error', (error) => {
    failure ??= error;
  });
  if (handlers.open) parser.on('opentag', (tag) => (kinds.push(OPEN), values.push(tag as SaxesTagPlain)));
  if (handlers.text) parser.on('text', (text) => (kinds.push(TEXT), values.push(text)));
  if (handlers.close) parser.on('closetag', (tag) => (kinds.push(CLOSE), values.push(tag.name)));
  const dispatch = (): void => {
    if (failure) throw failure;
    for (let index = 0; index < kinds.length; index++) {
      const kind = kinds[index];
      if (kind === OPEN) {
        const tag = values[index] as SaxesTagPlain;
        handlers.open!(tag.name, tag.attributes);
      } else if (kind === TEXT) handlers.text!(values[index] as string);
      else handlers.close!(values[index] as string);
    }
    kinds.length = 0;
    values.length = 0;
  };
  for await (const text of decodeUtf8(chunks)) {
    parser.write(text);
    dispatch();
  }
  if (wholePart) {
    parser.close();
    dispatch();
  }
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
 * sharedStrings.xml (ECMA-376 Part 1 §18.4.9): an `si` with plain `t` → its text; with runs `r` →
 * the runs' texts joined (a plain `t` beside runs is ignored); phonetic runs (`rPh`) ignored.
 */
async function readSharedStrings(chunks: AsyncIterable<Uint8Array>): Promise<string[]> {
  const strings: string[] = [];
  let plain: string | undefined;
  let runs: string | undefined;
  let runText: string | undefined;
  let inRun = false;
  let inPhonetic = false;
  let text: string | undefined;
  await parseXmlPart(
    chunks,
    {
      open(name) {
        if (name === 'si') {
          plain = undefined;
          runs = undefined;
        } else if (name === 'rPh') inPhonetic = true;
        else if (name === 'r') {
          inRun = true;
          runText = undefined;
        } else if (name === 't' && !inPhonetic) text = '';
      },
      text(value) {
        if (text !== undefined) text += value;
      },
      close(name) {
        if (name === 't' && text !== undefined) {
          if (inRun) runText = decodeEscapes(text);
          else plain = decodeEscapes(text);
          text = undefined;
        } else if (name === 'r') {
          inRun = false;
          runs = (runs ?? '') + (runText ?? '');
        } else if (name === 'rPh') inPhonetic = false;
        else if (name === 'si') strings.push(runs ?? plain ?? '');
      },
    },
    true,
  );
  return strings;
}

/**
 * The built-in number formats of ECMA-376 Part 1 §18.8.30 (ids without a format code of their own
 * in styles.xml); ids 27–36 and 50–81 depend on the locale and are not dates here.
 */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/**
 * styles.xml (ECMA-376 Part 1 §18.8): the number format code of each cell style, i.e. of each `xf`
 * of `cellXfs` in order (a cell's `s`), from `numFmts` (backslash escapes removed) or the built-in
 * table. Without styles.xml every cell has style 0, General.
 */
async function readNumberFormats(chunks: AsyncIterable<Uint8Array>): Promise<(string | undefined)[]> {
  const customFormats = new Map<number, string>();
  const formatIdOfStyle: number[] = [];
  let inNumberFormats = false;
  let inCellStyles = false;
  await parseXmlPart(
    chunks,
    {
      open(name, attributes) {
        if (name === 'numFmts') inNumberFormats = true;
        else if (name === 'cellXfs') inCellStyles = true;
        else if (name === 'numFmt' && inNumberFormats && attributes.formatCode !== undefined) {
          customFormats.set(Number.parseInt(attributes.numFmtId, 10), attributes.formatCode.replace(/\\(.)/g, '$1'));
        } else if (name === 'xf' && inCellStyles) formatIdOfStyle.push(Number.parseInt(attributes.numFmtId, 10));
      },
      close(name) {
        if (name === 'numFmts') inNumberFormats = false;
        else if (name === 'cellXfs') inCellStyles = false;
      },
    },
    true,
  );
  return formatIdOfStyle.map((id) => (id ? customFormats.get(id) || BUILT_IN_FORMATS[id] : undefined));
}

/**
 * Whether a number format shows a date or time: after removing `[…]` sections (colours,
 * conditions, locales, elapsed-time brackets) and quoted text, it holds y, m, d, h, s, M or b
 * (the Buddhist year). Same rule as exceljs's reader, which ingest used before.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/**
 * The date of an Excel serial day number (ECMA-376 Part 1 §18.17.4.1): days since 1899-12-30 in the
 * 1900 date system (25569 = 1970-01-01), since 1904-01-01 in the 1904 system (1462 days later),
 * rounded to the millisecond; the time of day is local time stored as UTC.
 */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
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

/** Which part of the workbook is being read, for messages (`openWorkbook` and the worksheet reader update it). */
export interface WorkbookPlace {
  part: string;
  row?: number;
  /** The workbook's path as the user gave it. */
  file?: string;
}

/** xl/_rels/workbook.xml.rels (ECMA-376 Part 2 §9.3): relationship id → target. */
async function readRelationships(entry: ZipEntry | undefined): Promise<Map<string, string>> {
  const targets = new Map<string, string>();
  if (!entry) return targets;
  await parseXmlPart(entry.stream(), { open: (name, attributes) => void (name === 'Relationship' && targets.set(attributes.Id, attributes.Target)) }, true);
  return targets;
}

/**
 * xl/workbook.xml (ECMA-376 Part 1 §18.2): the sheets of `sheets` in tab order (name and
 * relationship id) and `workbookPr date1904` (true or 1: serial days count from 1904).
 */
async function readWorkbookXml(entry: ZipEntry | undefined): Promise<{ sheets: { name: string; relationshipId: string }[]; date1904: boolean }> {
  const sheets: { name: string; relationshipId: string }[] = [];
  let date1904 = false;
  let inSheets = false;
  if (entry) {
    await parseXmlPart(
      entry.stream(),
      {
        open(name, attributes) {
          if (name === 'sheets') inSheets = true;
          else if (name === 'sheet' && inSheets) sheets.push({ name: attributes.name ?? '', relationshipId: attributes['r:id'] });
          else if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
        },
        close(name) {
          if (name === 'sheets') inSheets = false;
        },
      },
      true,
    );
  }
  return { sheets, date1904 };
}

/** The workbook's worksheets in tab order (name and ZIP entry) and what their cells need. */
export async function openWorkbook(path: string, place: WorkbookPlace = { part: '' }): Promise<{ sheets: { name: string; entry: ZipEntry }[]; state: WorkbookState }> {
  place.part = 'the ZIP directory';
  const zip = await unzipper.Open.file(path);
  const entries = new Map(zip.files.map((entry) => [entry.path, entry]));
  place.part = 'part xl/_rels/workbook.xml.rels';
  const targets = await readRelationships(entries.get('xl/_rels/workbook.xml.rels'));
  place.part = 'part xl/workbook.xml';
  const workbook = await readWorkbookXml(entries.get('xl/workbook.xml'));
  const stylesEntry = entries.get('xl/styles.xml');
  place.part = 'part xl/styles.xml';
  const numberFormatOfStyle = stylesEntry ? await readNumberFormats(stylesEntry.stream()) : [];
  const sharedStringsEntry = entries.get('xl/sharedStrings.xml');
  place.part = 'part xl/sharedStrings.xml';
  const sharedStrings = sharedStringsEntry ? await readSharedStrings(sharedStringsEntry.stream()) : [];
  const sheets: { name: string; entry: ZipEntry }[] = [];
  for (const sheet of workbook.sheets) {
    const target = targets.get(sheet.relationshipId);
    const entry = target ? entries.get(target.startsWith('/') ? target.slice(1) : `xl/${target}`) : undefined;
    if (entry && /^xl\/worksheets\//.test(entry.path)) sheets.push({ name: sheet.name, entry });
  }
  return { sheets, state: { sharedStrings, numberFormatOfStyle, date1904: workbook.date1904 } };
}
