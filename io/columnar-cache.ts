/**
 * The ingest → normalise cache of an export (ingested/<source>.cols): the table already stored
 * by column and dictionary-encoded, written while the export is parsed, in row groups so that
 * neither side ever holds the whole table as strings.
 *
 * Before, the cache was JSON lines: ingest paid one JSON.stringify per row and normalise one
 * JSON.parse per row plus a string per cell (≈ 80 million short-lived strings at a million
 * respondents per population), which with the garbage collection they caused was most of both
 * stages. Now a rating cell is one byte on disk and one array copy when read; only the columns
 * whose texts are nearly all distinct (response ids, timestamps, open text) are stored as text.
 *
 *   file   := "SKGCOL1\n" · columnCount (uint32) · group* · end (uint32 0)
 *   group  := byteLength (uint32, of what follows) · rowCount (uint32) · sourceRows (uint32 × rows)
 *             · column × columnCount
 *   column := kind (uint8) ·
 *     0 dictionary: newTextCount (uint32) · (byteLength (uint32) · UTF-8)* · codeWidth (uint8: 1|2|4)
 *                   · padding to 4 (from the group start) · codes (uintN × rows)
 *     1 plain:      blobBytes (uint32) · padding to 4 · ends (uint32 × rows, end offsets) · UTF-8 blob
 *   all integers little-endian.
 *
 * A dictionary column's codes index the column's distinct texts in order of first appearance;
 * each group carries only the texts first seen in it. A column with more than MAX_DICTIONARY
 * distinct texts turns plain from the group where that happens onwards (never back): the same
 * rule ColumnarBuilder applies, so the columns read back equal what it would have built.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { BufferedFileWriter } from './buffered-file-writer.ts';
import { ownCopy, PlainBytes, TextTable } from './columnar-cache-texts.ts';

export const COLUMNAR_CACHE_MAGIC = 'SKGCOL1\n';
/** Distinct texts above which a column is stored as plain text (ids, timestamps). */
export const MAX_DICTIONARY = 4096;
/** Rows per group: 16,384 rows. */
export const ROWS_PER_GROUP = 1 << 14;

/**
 * Raw texts remembered per column with the code their cleaned text got (see `cleanText`): beyond
 * this many (a free-text column whose texts clean to few, e.g. all e-mail addresses) the rest are
 * cleaned cell by cell, so the memo cannot grow without bound.
 */
const MAX_REMEMBERED_RAW = 2 * MAX_DICTIONARY;

const DICTIONARY = 0;
const PLAIN = 1;

interface ColumnState {
  /** Cleaned text → code; null once the column is plain. */
  lookup: Map<string, number> | null;
  /** The column's distinct cleaned texts, in order of first appearance. */
  dictionary: string[];
  /** Index into `dictionary` of the first text not yet written. */
  written: number;
  /** Raw cell texts seen, and the code of each one's cleaned text. */
  rawTexts: TextTable;
  rawCodes: number[];
  /** This group's codes, while the column is a dictionary column. */
  codes: Uint32Array;
  /** This group's cells as UTF-8, once the column is plain. */
  plain: PlainBytes | null;
}

export interface ColumnarCacheWriterOptions {
  rowsPerGroup?: number;
  /**
   * Applied to every cell before it is stored, as if the rows had been pushed with it applied:
   * for a dictionary column once per distinct raw text (the redaction of personal data, which
   * would otherwise look at every one of a million identical scale labels), for a plain column to
   * each cell. Must be a pure function of the text.
   */
  cleanText?: (text: string) => string;
}

/** Writes a columnar cache from row batches; `commit()` writes the last group and renames the file into place. */
export class ColumnarCacheWriter {
  private readonly writer: BufferedFileWriter;
  private columns: ColumnState[] | null = null;
  private readonly rowsPerGroup: number;
  private readonly cleanText: ((text: string) => string) | null;
  private readonly sourceRows: Uint32Array;
  private rowsInGroup = 0;

  constructor(path: string, options: ColumnarCacheWriterOptions | number = {}) {
    const settings = typeof options === 'number' ? { rowsPerGroup: options } : options;
    this.rowsPerGroup = settings.rowsPerGroup ?? ROWS_PER_GROUP;
    this.cleanText = settings.cleanText ?? null;
    this.sourceRows = new Uint32Array(this.rowsPerGroup);
    this.writer = new BufferedFileWriter(path);
  }

  /** Appends rows (every row as wide as the first one pushed; missing cells read as ''). */
  push(rows: readonly (readonly string[])[], sourceRows: readonly number[]): void {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (this.columns === null) this.start(row.length);
      const columns = this.columns!;
      const r = this.rowsInGroup++;
      this.sourceRows[r] = sourceRows[i];
      for (let c = 0; c < columns.length; c++) {
        const text = row[c] ?? '';
        const column = columns[c];
        if (column.plain !== null) {
          column.plain.append(r, this.cleanText === null ? text : this.cleanText(text));
          continue;
        }
        const known = column.rawTexts.find(text);
        let code = known < 0 ? -1 : column.rawCodes[known];
        if (code < 0) {
          code = this.codeOfNewText(column, text);
          if (code < 0) {
            this.turnPlain(column, r);
            column.plain!.append(r, this.cleanText === null ? text : this.cleanText(text));
            continue;
          }
        }
        column.codes[r] = code;
      }
      if (this.rowsInGroup === this.rowsPerGroup) this.writeGroup();
    }
  }

  commit(): void {
    if (this.columns === null) this.start(0);
    if (this.rowsInGroup > 0) this.writeGroup();
    this.writer.writeBytes(uint32(0));
    this.writer.commit();
  }

  abort(): void {
    this.writer.abort();
  }

  /**
   * The code of a raw text not seen before in this column: its cleaned text's code, a new one when
   * the cleaned text is new too, or -1 when a new text would exceed MAX_DICTIONARY (the column
   * turns plain). The dictionary is of cleaned texts, so its codes and order are those of the
   * cleaned rows.
   */
  private codeOfNewText(column: ColumnState, text: string): number {
    const cleaned = this.cleanText === null ? text : this.cleanText(text);
    let code = column.lookup!.get(cleaned);
    if (code === undefined) {
      if (column.dictionary.length >= MAX_DICTIONARY) return -1;
      code = column.dictionary.length;
      const owned = ownCopy(cleaned);
      column.dictionary.push(owned);
      column.lookup!.set(owned, code);
    }
    if (column.rawTexts.size < MAX_REMEMBERED_RAW) {
      column.rawTexts.add(text);
      column.rawCodes.push(code);
    }
    return code;
  }

  private start(columnCount: number): void {
    this.columns = Array.from({ length: columnCount }, () => ({
      lookup: new Map<string, number>(),
      dictionary: [],
      written: 0,
      rawTexts: new TextTable(),
      rawCodes: [],
      codes: new Uint32Array(this.rowsPerGroup),
      plain: null,
    }));
    const header = Buffer.alloc(COLUMNAR_CACHE_MAGIC.length + 4);
    header.write(COLUMNAR_CACHE_MAGIC, 0, 'latin1');
    header.writeUInt32LE(columnCount, COLUMNAR_CACHE_MAGIC.length);
    this.writer.writeBytes(header);
  }

  /** From row `rowsSoFar` of this group on, the column is plain; its earlier rows are encoded now. */
  private turnPlain(column: ColumnState, rowsSoFar: number): void {
    const plain = new PlainBytes(this.rowsPerGroup);
    for (let r = 0; r < rowsSoFar; r++) plain.append(r, column.dictionary[column.codes[r]]);
    column.plain = plain;
    column.lookup = null;
    column.dictionary = [];
    column.rawTexts = new TextTable();
    column.rawCodes = [];
  }

  private writeGroup(): void {
    const rows = this.rowsInGroup;
    const pieces: Uint8Array[] = [];
    let length = 0;
    const add = (bytes: Uint8Array) => {
      pieces.push(bytes);
      length += bytes.length;
    };
    const pad = () => {
      if (length % 4 !== 0) add(new Uint8Array(4 - (length % 4)));
    };
    add(uint32(rows));
    add(copyBytes(this.sourceRows.subarray(0, rows)));
    for (const column of this.columns!) {
      if (column.plain === null) {
        const fresh = column.dictionary.slice(column.written);
        column.written = column.dictionary.length;
        add(Uint8Array.of(DICTIONARY));
        add(uint32(fresh.length));
        for (const text of fresh) {
          const bytes = Buffer.from(text, 'utf8');
          add(uint32(bytes.length));
          add(bytes);
        }
        const width = column.dictionary.length <= 0x100 ? 1 : column.dictionary.length <= 0x10000 ? 2 : 4;
        add(Uint8Array.of(width));
        pad();
        const codes = width === 1 ? new Uint8Array(rows) : width === 2 ? new Uint16Array(rows) : new Uint32Array(rows);
        codes.set(column.codes.subarray(0, rows));
        add(new Uint8Array(codes.buffer));
      } else {
        const plain = column.plain;
        add(Uint8Array.of(PLAIN));
        add(uint32(plain.used));
        pad();
        add(copyBytes(plain.ends.subarray(0, rows)));
        add(Uint8Array.prototype.slice.call(plain.bytes, 0, plain.used) as Uint8Array);
        plain.used = 0;
      }
    }
    this.writer.writeBytes(uint32(length));
    for (const piece of pieces) this.writer.writeBytes(piece);
    this.rowsInGroup = 0;
  }
}

/** One column of one group as stored. */
export type CachedColumn =
  | { kind: 'dictionary'; newTexts: string[]; codes: Uint8Array | Uint16Array | Uint32Array }
  /** Row r's text is `blob` bytes ends[r-1] (0 for the first row) to ends[r]. */
  | { kind: 'plain'; blob: Buffer; ends: Uint32Array };

export interface CachedGroup {
  rowCount: number;
  sourceRows: Uint32Array;
  columns: CachedColumn[];
}

/**
 * Calls `onGroup` with each row group of a columnar cache, in order. The arrays handed over are
 * views of a reused buffer: valid until `onGroup` returns.
 */
export function forEachCachedGroup(path: string, onGroup: (group: CachedGroup) => void): { columnCount: number } {
  const fd = openSync(path, 'r');
  let position = 0;
  const readExactly = (bytes: Uint8Array) => {
    for (let done = 0; done < bytes.length; ) {
      const read = readSync(fd, bytes, done, bytes.length - done, position + done);
      if (read === 0) throw new Error(`${path}: the ingest cache is truncated (run the ingest stage again)`);
      done += read;
    }
    position += bytes.length;
  };
  try {
    const header = Buffer.alloc(COLUMNAR_CACHE_MAGIC.length + 4);
    readExactly(header);
    if (header.toString('latin1', 0, COLUMNAR_CACHE_MAGIC.length) !== COLUMNAR_CACHE_MAGIC) throw new Error(`${path} is not an ingest cache`);
    const columnCount = header.readUInt32LE(COLUMNAR_CACHE_MAGIC.length);
    const lengthBytes = Buffer.alloc(4);
    let space = new Uint8Array(0);
    for (;;) {
      readExactly(lengthBytes);
      const length = lengthBytes.readUInt32LE(0);
      if (length === 0) break;
      if (space.length < length) space = new Uint8Array(Math.max(length, space.length * 2));
      const bytes = space.subarray(0, length);
      readExactly(bytes);
      onGroup(decodeGroup(Buffer.from(space.buffer, 0, length), columnCount));
    }
    return { columnCount };
  } finally {
    closeSync(fd);
  }
}

function decodeGroup(group: Buffer, columnCount: number): CachedGroup {
  let at = 0;
  const align = () => {
    at = (at + 3) & ~3;
  };
  const rowCount = group.readUInt32LE(at);
  at += 4;
  const sourceRows = new Uint32Array(group.buffer, group.byteOffset + at, rowCount);
  at += rowCount * 4;
  const columns: CachedColumn[] = [];
  for (let c = 0; c < columnCount; c++) {
    const kind = group[at++];
    if (kind === DICTIONARY) {
      const count = group.readUInt32LE(at);
      at += 4;
      const newTexts: string[] = new Array(count);
      for (let i = 0; i < count; i++) {
        const length = group.readUInt32LE(at);
        at += 4;
        newTexts[i] = group.toString('utf8', at, at + length);
        at += length;
      }
      const width = group[at++];
      align();
      const offset = group.byteOffset + at;
      const codes = width === 1 ? new Uint8Array(group.buffer, offset, rowCount) : width === 2 ? new Uint16Array(group.buffer, offset, rowCount) : new Uint32Array(group.buffer, offset, rowCount);
      at += rowCount * width;
      columns.push({ kind: 'dictionary', newTexts, codes });
    } else {
      const blobBytes = group.readUInt32LE(at);
      at += 4;
      align();
      const ends = new Uint32Array(group.buffer, group.byteOffset + at, rowCount);
      at += rowCount * 4;
      columns.push({ kind: 'plain', blob: group.subarray(at, at + blobBytes), ends });
      at += blobBytes;
    }
  }
  return { rowCount, sourceRows, columns };
}

/** The text of row `row` of a plain cached column. */
export function plainText(column: Extract<CachedColumn, { kind: 'plain' }>, row: number): string {
  return column.blob.toString('utf8', row === 0 ? 0 : column.ends[row - 1], column.ends[row]);
}

/**
 * Whether row `row` of a plain cached column holds anything but white space (String#trim's), read
 * from the bytes: ASCII is decided byte by byte, a cell with any other byte is decoded and trimmed.
 */
export function plainHasText(column: Extract<CachedColumn, { kind: 'plain' }>, row: number): boolean {
  const start = row === 0 ? 0 : column.ends[row - 1];
  const end = column.ends[row];
  const blob = column.blob;
  for (let i = start; i < end; i++) {
    const byte = blob[i];
    if (byte >= 0x80) return blob.toString('utf8', start, end).trim() !== '';
    if (byte !== 0x20 && (byte < 0x09 || byte > 0x0d)) return true;
  }
  return false;
}


function uint32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value, true);
  return bytes;
}

function copyBytes(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice();
}
