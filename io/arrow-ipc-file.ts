/**
 * Arrow IPC files (the "file" format, also called Feather v2; uncompressed), the one columnar
 * format of skillgap's caches: the ingest caches (ingested/<source>.arrow) and the normalised
 * tables the analyse stage reads (normalised/respondents.arrow, normalised/answers.arrow). Other
 * tools open them directly: R `arrow::read_ipc_file`, pandas `read_feather`, polars `read_ipc`,
 * DuckDB (`arrow` extension). Written and read with the `apache-arrow` package.
 *
 * Writing goes through BufferedFileWriter (temporary file renamed into place, every write
 * checked, the bytes hashed as written): the Arrow writer's byte sink is replaced by one that
 * hands each piece straight to it, so no file is ever assembled in memory. Reading maps the whole
 * file into one Buffer and lets `tableFromIPC` take views of it: the columns are not copied.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import {
  AsyncByteQueue,
  DataType,
  Dictionary,
  Int16,
  Int32,
  Int8,
  makeData,
  makeVector,
  RecordBatch,
  RecordBatchFileWriter,
  Schema,
  Struct,
  tableFromIPC,
  Utf8,
  type Data,
  type Field,
  type Table,
  type Vector,
} from 'apache-arrow';
import { ValidationError } from '../contracts/errors.ts';
import { runMessages } from '../contracts/messages/index.ts';
import { BufferedFileWriter } from './buffered-file-writer.ts';
import type { FileHashCache } from './hash.ts';

/** The first bytes of every Arrow IPC file. */
const ARROW_MAGIC = 'ARROW1';

/** The Arrow writer's sink, made to pass every piece on to a BufferedFileWriter at once. */
class FileSink extends AsyncByteQueue {
  constructor(private readonly target: BufferedFileWriter) {
    super();
  }

  override write(value: Uint8Array): void {
    this.target.writeBytes(value);
  }
}

/**
 * Writes `batches` (each with `schema`) as one Arrow IPC file, atomically. Every dictionary
 * column must carry the same dictionary in every batch: the file format has no replacements.
 */
export function writeArrowFile(path: string, schema: Schema, batches: Iterable<RecordBatch>, knownHashes?: FileHashCache): void {
  const file = new BufferedFileWriter(path, knownHashes);
  try {
    const writer = new RecordBatchFileWriter();
    writer.reset(new FileSink(file), schema);
    for (const batch of batches) writer.write(batch);
    writer.finish();
    file.commit();
  } catch (error) {
    file.abort();
    throw error;
  }
}

/** Reads an Arrow IPC file; `what` names it in the message when it is not one (a damaged cache). */
export function readArrowFile(path: string, what: string): Table {
  const fd = openSync(path, 'r');
  let bytes: Buffer;
  try {
    // Only the size the file has now: a file still growing is not read past it.
    const size = fstatSync(fd).size;
    bytes = Buffer.allocUnsafe(size);
    for (let done = 0; done < size; ) {
      const read = readSync(fd, bytes, done, Math.min(size - done, 1 << 30), done);
      if (read === 0) throw new ValidationError(runMessages.cacheUnreadable(what, 'is truncated'), { file: path });
      done += read;
    }
  } finally {
    closeSync(fd);
  }
  const ends = bytes.length >= 12 && bytes.toString('latin1', bytes.length - 6) === ARROW_MAGIC;
  if (bytes.toString('latin1', 0, 6) !== ARROW_MAGIC || !ends) throw new ValidationError(runMessages.cacheUnreadable(what, 'is not a whole Arrow IPC file'), { file: path });
  try {
    return tableFromIPC(bytes);
  } catch (error) {
    throw new ValidationError(runMessages.cacheUnreadable(what, `could not be read as Arrow (${(error as Error).message})`), { file: path });
  }
}

/** A record batch of `schema` from one Data per field. */
export function recordBatchOf(schema: Schema, length: number, children: Data[]): RecordBatch {
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length, nullCount: 0, children }));
}

/** The smallest signed index type that holds `size` dictionary codes (signed: every reader takes them). */
export function dictionaryIndexType(size: number): Int8 | Int16 | Int32 {
  return size <= 0x80 ? new Int8() : size <= 0x8000 ? new Int16() : new Int32();
}

/** A dictionary of texts as an Arrow Utf8 vector (entries in code order). */
export function utf8Vector(texts: readonly string[]): Vector<Utf8> {
  const encoded = texts.map((text) => Buffer.from(text, 'utf8'));
  const valueOffsets = new Int32Array(texts.length + 1);
  for (let i = 0; i < encoded.length; i++) valueOffsets[i + 1] = valueOffsets[i] + encoded[i].length;
  const data = Buffer.concat(encoded);
  return makeVector(makeData({ type: new Utf8(), length: texts.length, nullCount: 0, valueOffsets, data }));
}

/** Dictionary-encoded text column data: `codes` index `dictionary` (the dictionary's type decides the codes' width). */
export function dictionaryData(type: Dictionary<Utf8, Int8 | Int16 | Int32>, codes: Int8Array | Int16Array | Int32Array, dictionary: Vector<Utf8>): Data {
  return makeData({ type, length: codes.length, nullCount: 0, data: codes, dictionary });
}

/** Plain text column data from UTF-8 bytes and Int32 offsets (rows + 1 of them, the first 0). */
export function utf8Data(bytes: Uint8Array, valueOffsets: Int32Array): Data<Utf8> {
  return makeData({ type: new Utf8(), length: valueOffsets.length - 1, nullCount: 0, valueOffsets, data: bytes });
}

/** The texts of a Utf8 dictionary vector, decoded once each. */
export function dictionaryTexts(dictionary: Vector<Utf8> | Data<Utf8>): string[] {
  const datas = 'data' in dictionary && Array.isArray(dictionary.data) ? dictionary.data : [dictionary as Data<Utf8>];
  const texts: string[] = [];
  for (const data of datas as Data<Utf8>[]) {
    const offsets = data.valueOffsets;
    const values = Buffer.from(data.values.buffer, data.values.byteOffset, data.values.byteLength);
    for (let i = 0; i < data.length; i++) texts.push(values.toString('utf8', offsets[data.offset + i], offsets[data.offset + i + 1]));
  }
  return texts;
}

/** Whether a type read from a file is the unsigned integer of `bitWidth` bits (read types are plain Int, not Uint8…). */
export function isUnsignedInt(type: DataType, bitWidth: 8 | 16 | 32): boolean {
  return DataType.isInt(type) && !type.isSigned && type.bitWidth === bitWidth;
}

/** A field's metadata value, or a ValidationError naming the file when absent. */
export function requiredMetadata(schema: Schema | Field, key: string, path: string, what: string): string {
  const value = schema.metadata.get(key);
  if (value === undefined) throw new ValidationError(runMessages.cacheUnreadable(what, `has no ${key}`), { file: path });
  return value;
}

export { Dictionary, Schema };
