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

export const COLUMNAR_CACHE_MAGIC = 'SKGCOL1\n';
/** Distinct texts above which a column is stored as plain text (ids, timestamps). */
export const MAX_DICTIONARY = 4096;
/** Rows per group: 16,384 rows (the plain texts of a group keep their parser chunks alive until it is written). */
export const ROWS_PER_GROUP = 1 << 14;

/** Dictionaries up to this many texts are searched by comparison rather than through the Map. */
const SCANNED_DICTIONARY = 12;

const DICTIONARY = 0;
const PLAIN = 1;

interface ColumnState {
  /** null once the column is plain. */
  lookup: Map<string, number> | null;
  dictionary: string[];
  /** Index into `dictionary` of the first text not yet written. */
  written: number;
  /** This group's codes (dictionary) or texts (plain, or turned plain in this group). */
  codes: Uint32Array;
  texts: string[] | null;
}

/** Writes a columnar cache from row batches; `commit()` writes the last group and renames the file into place. */
export class ColumnarCacheWriter {
  private readonly writer: BufferedFileWriter;
  private columns: ColumnState[] | null = null;
  private readonly sourceRows = new Uint32Array(ROWS_PER_GROUP);
  private rowsInGroup = 0;
  private scratch = Buffer.alloc(1 << 20);

  constructor(path: string, private readonly rowsPerGroup = ROWS_PER_GROUP) {
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
        if (column.texts !== null) {
          column.texts[r] = text;
          continue;
        }
        // A short dictionary (a rating scale's labels) is scanned: comparing a fresh cell with a
        // few texts is cheaper than hashing it for the Map, which serves the longer dictionaries
        // (on the 100k education export, rating columns only: 2-3x faster than the Map).
        const dictionary = column.dictionary;
        let code: number | undefined;
        if (dictionary.length <= SCANNED_DICTIONARY) {
          for (let i = 0; i < dictionary.length; i++) {
            if (dictionary[i] === text) {
              code = i;
              break;
            }
          }
        } else code = column.lookup!.get(text);
        if (code === undefined) {
          if (column.dictionary.length >= MAX_DICTIONARY) {
            this.turnPlain(column, r);
            column.texts![r] = text;
            continue;
          }
          code = dictionary.length;
          const owned = ownCopy(text);
          dictionary.push(owned);
          column.lookup!.set(owned, code);
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

  private start(columnCount: number): void {
    this.columns = Array.from({ length: columnCount }, () => ({
      lookup: new Map<string, number>(),
      dictionary: [],
      written: 0,
      codes: new Uint32Array(this.rowsPerGroup),
      texts: null,
    }));
    const header = Buffer.alloc(COLUMNAR_CACHE_MAGIC.length + 4);
    header.write(COLUMNAR_CACHE_MAGIC, 0, 'latin1');
    header.writeUInt32LE(columnCount, COLUMNAR_CACHE_MAGIC.length);
    this.writer.writeBytes(header);
  }

  private turnPlain(column: ColumnState, rowsSoFar: number): void {
    const texts = new Array<string>(this.rowsPerGroup);
    for (let r = 0; r < rowsSoFar; r++) texts[r] = column.dictionary[column.codes[r]];
    column.texts = texts;
    column.lookup = null;
    column.dictionary = [];
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
      if (column.texts === null) {
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
        const ends = new Uint32Array(rows);
        let used = 0;
        for (let r = 0; r < rows; r++) {
          const text = column.texts[r];
          if (used + text.length * 3 > this.scratch.length) this.growScratch(used + text.length * 3);
          used += this.scratch.write(text, used, 'utf8');
          ends[r] = used;
        }
        add(Uint8Array.of(PLAIN));
        add(uint32(used));
        pad();
        add(new Uint8Array(ends.buffer));
        add(Uint8Array.prototype.slice.call(this.scratch, 0, used) as Uint8Array);
      }
    }
    this.writer.writeBytes(uint32(length));
    for (const piece of pieces) this.writer.writeBytes(piece);
    this.rowsInGroup = 0;
  }

  private growScratch(needed: number): void {
    const grown = Buffer.alloc(Math.max(needed, this.scratch.length * 2));
    this.scratch.copy(grown);
    this.scratch = grown;
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

/**
 * A dictionary text as a string of its own. The parser's cells are slices of its chunk of text:
 * kept in a dictionary, a slice would keep that whole chunk (≈ 1 MiB) alive, and comparing fresh
 * cells with a slice is slower than with a flat string. A string used as a property key is
 * internalised by V8, which makes a flat copy.
 */
function ownCopy(text: string): string {
  const holder: Record<string, true> = Object.create(null) as Record<string, true>;
  holder[text] = true;
  return Object.keys(holder)[0];
}

function uint32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value, true);
  return bytes;
}

function copyBytes(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice();
}
