/**
 * The ingest → normalise cache of an export (ingested/<source>.arrow): the table stored by column
 * as an Arrow IPC file (io/arrow-ipc-file.ts) that R, pandas, polars and DuckDB open as
 * it is, built while the export is parsed, so that no side ever holds the table as strings.
 *
 * Before, the cache was JSON lines: ingest paid one JSON.stringify per row and normalise one
 * JSON.parse per row plus a string per cell (≈ 80 million short-lived strings at a million
 * respondents per population), which with the garbage collection they caused was most of both
 * stages. Now a rating cell is one byte on disk and one array copy when read; only the columns
 * whose texts are nearly all distinct (response ids, timestamps, open text) are stored as text.
 *
 *   schema: source_row (uint32: the row's record number in the export), then one field per kept
 *           column (named by its header), either
 *     dictionary<utf8, int8|int16>: codes into the column's distinct texts, in order of first
 *                                   appearance (int8 up to 128 texts), or
 *     utf8:                         the text itself, for a column with more than MAX_DICTIONARY
 *                                   distinct texts
 *   record batches of ROWS_PER_GROUP rows; each dictionary is written once, whole.
 *
 * The rows are collected column by column in row groups (a rating column costs a byte per row)
 * and the file is written when the export ends, since the file format has one dictionary per
 * column and a column's kind is only known then. A column turns plain (never back) when its
 * distinct texts exceed MAX_DICTIONARY: the same rule ColumnarBuilder applies, so the columns read
 * back equal what it would have built.
 */
import { Dictionary, Field, makeData, Uint32, Utf8, type Data, type Int16, type Int8 } from 'apache-arrow';
import { ownCopy, PlainBytes, TextTable } from './columnar-cache-texts.ts';
import type { FileHashCache } from './hash.ts';
import { isUnsignedInt, dictionaryData, dictionaryIndexType, dictionaryTexts, readArrowFile, recordBatchOf, Schema, utf8Data, utf8Vector, writeArrowFile } from './arrow-ipc-file.ts';

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

/** One column of one finished row group: dictionary codes (8 bits while the dictionary fits), or text. */
type ColumnChunk = Uint8Array | Uint16Array | { bytes: Uint8Array; offsets: Int32Array };

interface ColumnState {
  /** Cleaned text → code; null once the column is plain. */
  lookup: Map<string, number> | null;
  /** The column's distinct cleaned texts, in order of first appearance. */
  dictionary: string[];
  /** The finished row groups of this column. */
  chunks: ColumnChunk[];
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
  /** The run's known hashes (ctx.fileHashes, or a worker's own), which learn the file's hash on commit. */
  knownHashes?: FileHashCache;
}

/** Builds a columnar cache from row batches; `commit()` writes the Arrow file and renames it into place. */
export class ColumnarCacheWriter {
  private columns: ColumnState[] | null = null;
  private readonly rowsPerGroup: number;
  private readonly cleanText: ((text: string) => string) | null;
  private sourceRows: Uint32Array;
  private readonly sourceRowChunks: Uint32Array[] = [];
  private rowsInGroup = 0;
  private finished = false;
  private readonly knownHashes: FileHashCache | undefined;

  constructor(private readonly path: string, options: ColumnarCacheWriterOptions | number = {}) {
    const settings = typeof options === 'number' ? { rowsPerGroup: options } : options;
    this.knownHashes = settings.knownHashes;
    this.rowsPerGroup = settings.rowsPerGroup ?? ROWS_PER_GROUP;
    this.cleanText = settings.cleanText ?? null;
    this.sourceRows = new Uint32Array(this.rowsPerGroup);
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
      if (this.rowsInGroup === this.rowsPerGroup) this.finishGroup();
    }
  }

  /**
   * Writes the file: `columnNames` name the fields (the export's headers; `column_<i>` where
   * none is given). Throws a WriteError when the disk fails; the previous file stays whole.
   */
  commit(columnNames: readonly string[] = []): void {
    if (this.finished) throw new Error('ColumnarCacheWriter: committed twice');
    this.finished = true;
    if (this.columns === null) this.start(0);
    if (this.rowsInGroup > 0) this.finishGroup();
    const columns = this.columns!;
    const fields: Field[] = [new Field('source_row', new Uint32(), false)];
    const dictionaries = columns.map((column, c) => {
      const name = columnNames[c] ?? `column_${c + 1}`;
      if (column.plain !== null) {
        fields.push(new Field(name, new Utf8(), false));
        return null;
      }
      // Dictionary ids fixed by column (apache-arrow would number them from a process-wide counter): the same rows give the same bytes.
      const type = new Dictionary(new Utf8(), dictionaryIndexType(column.dictionary.length) as Int8 | Int16, c);
      fields.push(new Field(name, type, false));
      return { type, vector: utf8Vector(column.dictionary) };
    });
    const schema = new Schema(fields, new Map([['skillgap.format', 'ingest-cache/1']]));
    const sourceRowChunks = this.sourceRowChunks;
    function* batches() {
      for (let g = 0; g < sourceRowChunks.length; g++) {
        const rows = sourceRowChunks[g].length;
        const children: Data[] = [makeData({ type: new Uint32(), length: rows, nullCount: 0, data: sourceRowChunks[g] })];
        for (let c = 0; c < columns.length; c++) {
          const chunk = columns[c].chunks[g];
          const dictionary = dictionaries[c];
          if (dictionary === null) {
            const { bytes, offsets } = chunk as { bytes: Uint8Array; offsets: Int32Array };
            children.push(utf8Data(bytes, offsets));
          } else children.push(dictionaryData(dictionary.type, signedCodes(chunk as Uint8Array | Uint16Array, dictionary.type.indices.bitWidth), dictionary.vector));
          columns[c].chunks[g] = EMPTY_CHUNK;
        }
        yield recordBatchOf(schema, rows, children);
      }
    }
    writeArrowFile(this.path, schema, batches(), this.knownHashes);
  }

  /** Nothing is on disk before commit(): dropping the collected rows is all there is to undo. */
  abort(): void {
    this.finished = true;
    this.columns = null;
    this.sourceRowChunks.length = 0;
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
      chunks: [],
      rawTexts: new TextTable(),
      rawCodes: [],
      codes: new Uint32Array(this.rowsPerGroup),
      plain: null,
    }));
  }

  /** From row `rowsSoFar` of this group on, the column is plain; its earlier rows are encoded now. */
  private turnPlain(column: ColumnState, rowsSoFar: number): void {
    column.chunks = column.chunks.map((chunk) => {
      const codes = chunk as Uint8Array | Uint16Array;
      const plain = new PlainBytes(codes.length);
      for (let r = 0; r < codes.length; r++) plain.append(r, column.dictionary[codes[r]]);
      return plain.take(codes.length);
    });
    const plain = new PlainBytes(this.rowsPerGroup);
    for (let r = 0; r < rowsSoFar; r++) plain.append(r, column.dictionary[column.codes[r]]);
    column.plain = plain;
    column.lookup = null;
    column.dictionary = [];
    column.rawTexts = new TextTable();
    column.rawCodes = [];
  }

  /** Keeps the group's rows: a byte per cell of a column of up to 256 texts, two bytes above. */
  private finishGroup(): void {
    const rows = this.rowsInGroup;
    this.sourceRowChunks.push(this.sourceRows.slice(0, rows));
    for (const column of this.columns!) {
      if (column.plain === null) {
        const codes = column.dictionary.length <= 0x100 ? new Uint8Array(rows) : new Uint16Array(rows);
        codes.set(column.codes.subarray(0, rows));
        column.chunks.push(codes);
      } else column.chunks.push(column.plain.take(rows));
    }
    this.rowsInGroup = 0;
  }
}

const EMPTY_CHUNK = new Uint8Array(0);

/** Codes as the signed index type of the dictionary (a view where the bits already agree). */
function signedCodes(codes: Uint8Array | Uint16Array, bitWidth: number): Int8Array | Int16Array {
  if (bitWidth === 8) return new Int8Array(codes.buffer, codes.byteOffset, codes.length);
  if (codes instanceof Uint16Array) return new Int16Array(codes.buffer, codes.byteOffset, codes.length);
  return Int16Array.from(codes);
}

/** One column of one group as stored. */
export type CachedColumn =
  /** `newTexts`: the dictionary's texts not handed over with an earlier group (all of them with the first). */
  | { kind: 'dictionary'; newTexts: string[]; codes: Int8Array | Int16Array | Int32Array }
  /** Row r's text is `blob` bytes offsets[r] to offsets[r + 1]. */
  | { kind: 'plain'; blob: Buffer; offsets: Int32Array };

export interface CachedGroup {
  rowCount: number;
  sourceRows: Uint32Array;
  columns: CachedColumn[];
}

/**
 * Calls `onGroup` with each record batch of a columnar cache, in order. The arrays handed over
 * are views of the file's bytes: valid while the caller holds them.
 */
export function forEachCachedGroup(path: string, onGroup: (group: CachedGroup) => void): { columnCount: number; columnNames: string[] } {
  const table = readArrowFile(path, 'ingest cache');
  const fields = table.schema.fields;
  if (table.schema.metadata.get('skillgap.format') !== 'ingest-cache/1' || fields[0]?.name !== 'source_row' || !isUnsignedInt(fields[0].type, 32)) {
    throw new Error(`${path} is not an ingest cache (run the ingest stage again)`);
  }
  const columnCount = fields.length - 1;
  const handed = new Array<number>(columnCount).fill(0);
  for (const batch of table.batches) {
    const rowCount = batch.numRows;
    const sourceData = batch.data.children[0];
    const columns: CachedColumn[] = [];
    for (let c = 0; c < columnCount; c++) {
      const data = batch.data.children[c + 1];
      if (data.dictionary) {
        const size = data.dictionary.length;
        const newTexts = size > handed[c] ? dictionaryTexts(data.dictionary).slice(handed[c]) : [];
        handed[c] = Math.max(handed[c], size);
        columns.push({ kind: 'dictionary', newTexts, codes: (data.values as Int8Array | Int16Array | Int32Array).subarray(data.offset, data.offset + rowCount) });
      } else {
        const text = data as Data<Utf8>;
        columns.push({ kind: 'plain', blob: Buffer.from(text.values.buffer, text.values.byteOffset, text.values.byteLength), offsets: text.valueOffsets.subarray(text.offset) });
      }
    }
    onGroup({ rowCount, sourceRows: (sourceData.values as Uint32Array).subarray(sourceData.offset, sourceData.offset + rowCount), columns });
  }
  return { columnCount, columnNames: fields.slice(1).map((field) => field.name) };
}

/** The text of row `row` of a plain cached column. */
export function plainText(column: Extract<CachedColumn, { kind: 'plain' }>, row: number): string {
  return column.blob.toString('utf8', column.offsets[row], column.offsets[row + 1]);
}

/**
 * Whether row `row` of a plain cached column holds anything but white space (String#trim's), read
 * from the bytes: ASCII is decided byte by byte, a cell with any other byte is decoded and trimmed.
 */
export function plainHasText(column: Extract<CachedColumn, { kind: 'plain' }>, row: number): boolean {
  const start = column.offsets[row];
  const end = column.offsets[row + 1];
  const blob = column.blob;
  for (let i = start; i < end; i++) {
    const byte = blob[i];
    if (byte >= 0x80) return blob.toString('utf8', start, end).trim() !== '';
    if (byte !== 0x20 && (byte < 0x09 || byte > 0x0d)) return true;
  }
  return false;
}
