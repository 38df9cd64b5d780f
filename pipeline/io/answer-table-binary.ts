/**
 * The normalise → analyse cache of the answer table: the columnar AnswerTable's typed arrays
 * written as they are in memory, after a small JSON header. Reading it back is a few read(2)
 * calls straight into the arrays: no text to parse, nothing allocated per answer. answers.csv
 * (or answers-wide.csv) stays the file other tools read; this one is ours.
 *
 *   "SKGANS1\n" · header length (uint32 LE) · header JSON {length, competencies} · padding to 8
 *   respondentIndex Int32 · competencyIndex Uint16 · dimension Uint8 · missingReason Uint8 ·
 *   padding to 8 · value Float64 (little-endian, the byte order of every machine Node runs on)
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { AnswerTable } from '../types.ts';
import { BufferedFileWriter } from './buffered-file-writer.ts';

const MAGIC = 'SKGANS1\n';
const align8 = (n: number) => (n + 7) & ~7;

export function writeAnswerTableBinary(path: string, answers: AnswerTable): void {
  const header = Buffer.from(JSON.stringify({ length: answers.length, competencies: answers.competencies }), 'utf8');
  const start = Buffer.alloc(align8(MAGIC.length + 4 + header.length));
  start.write(MAGIC, 0, 'latin1');
  start.writeUInt32LE(header.length, MAGIC.length);
  header.copy(start, MAGIC.length + 4);
  const writer = new BufferedFileWriter(path);
  try {
    writer.writeBytes(start);
    for (const array of [answers.respondentIndex, answers.competencyIndex, answers.dimension, answers.missingReason]) {
      writer.writeBytes(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    }
    const unaligned = answers.length * 8;
    writer.writeBytes(new Uint8Array(align8(unaligned) - unaligned));
    writer.writeBytes(new Uint8Array(answers.value.buffer, answers.value.byteOffset, answers.value.byteLength));
    writer.commit();
  } catch (error) {
    writer.abort();
    throw error;
  }
}

export function readAnswerTableBinary(path: string): AnswerTable {
  const fd = openSync(path, 'r');
  try {
    let position = 0;
    const readInto = (view: ArrayBufferView) => {
      const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
      for (let done = 0; done < bytes.length; ) {
        const read = readSync(fd, bytes, done, Math.min(bytes.length - done, 1 << 30), position + done);
        if (read === 0) throw new Error(`${path}: the answer cache is truncated`);
        done += read;
      }
      position += bytes.length;
    };
    const prefix = Buffer.alloc(MAGIC.length + 4);
    readInto(prefix);
    if (prefix.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error(`${path} is not an answer cache`);
    const header = Buffer.alloc(prefix.readUInt32LE(MAGIC.length));
    readInto(header);
    const { length, competencies } = JSON.parse(header.toString('utf8')) as { length: number; competencies: string[] };
    position = align8(position);
    const table: AnswerTable = {
      length,
      competencies,
      respondentIndex: new Int32Array(length),
      competencyIndex: new Uint16Array(length),
      dimension: new Uint8Array(length),
      value: new Float64Array(length),
      missingReason: new Uint8Array(length),
    };
    for (const array of [table.respondentIndex, table.competencyIndex, table.dimension, table.missingReason]) readInto(array);
    position = align8(position);
    readInto(table.value);
    return table;
  } finally {
    closeSync(fd);
  }
}
