/**
 * The normalise → analyse cache of the answer table: the wide AnswerTable's one-byte codes written
 * as they are in memory, after a small JSON header. Reading it back is a few read(2) calls
 * straight into the array: no text to parse, nothing allocated per answer (≈ 160 MB at a million
 * respondents per population). answers.csv (or answers-wide.csv) stays the file other tools
 * read; this one is ours.
 *
 *   "SKGANS2\n" · header length (uint32 LE) · header JSON {respondentCount, competencies,
 *   dimensions, levelValues} · padding to 8 · codes (uint8 × respondents × competencies × dimensions)
 */
import type { AnswerTable } from '../contracts/types.ts';
import { DIMENSIONS } from '../contracts/types.ts';
import { checkAnswerTable } from '../contracts/answer-table.ts';
import { ValidationError } from '../contracts/errors.ts';
import { runMessages } from '../contracts/messages/index.ts';
import { BufferedFileWriter } from './buffered-file-writer.ts';
import { binaryCacheStart, readBinaryCache } from './binary-cache-file.ts';

const MAGIC = 'SKGANS2\n';

interface AnswerCacheHeader {
  respondentCount: number;
  competencies: string[];
  dimensions: readonly string[];
  levelValues: number[];
}

export function writeAnswerTableBinary(path: string, answers: AnswerTable): void {
  const header: AnswerCacheHeader = { respondentCount: answers.respondentCount, competencies: answers.competencies, dimensions: DIMENSIONS, levelValues: answers.levelValues };
  const writer = new BufferedFileWriter(path);
  try {
    writer.writeBytes(binaryCacheStart(MAGIC, header));
    writer.writeBytes(answers.codes);
    writer.commit();
  } catch (error) {
    writer.abort();
    throw error;
  }
}

export function readAnswerTableBinary(path: string): AnswerTable {
  return readBinaryCache<AnswerCacheHeader, AnswerTable>(path, MAGIC, 'answer cache', ({ header, readInto }) => {
    const { respondentCount, competencies, dimensions, levelValues } = header;
    if (dimensions.join() !== DIMENSIONS.join()) throw new ValidationError(runMessages.cacheUnreadable('answer cache', `has dimensions ${dimensions.join(', ')}, not ${DIMENSIONS.join(', ')}`), { file: path });
    const table: AnswerTable = { respondentCount, competencies, levelValues, codes: new Uint8Array(respondentCount * competencies.length * DIMENSIONS.length) };
    readInto(table.codes);
    checkAnswerTable(table, path);
    return table;
  });
}
