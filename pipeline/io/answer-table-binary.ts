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
import type { AnswerTable } from '../types.ts';
import { BufferedFileWriter } from './buffered-file-writer.ts';
import { align8, binaryCacheStart, readBinaryCache } from './binary-cache-file.ts';

const MAGIC = 'SKGANS1\n';

export function writeAnswerTableBinary(path: string, answers: AnswerTable): void {
  const start = binaryCacheStart(MAGIC, { length: answers.length, competencies: answers.competencies });
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
  return readBinaryCache<{ length: number; competencies: string[] }, AnswerTable>(path, MAGIC, 'answer cache', ({ header, readInto, alignTo8 }) => {
    const { length, competencies } = header;
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
    alignTo8();
    readInto(table.value);
    return table;
  });
}
