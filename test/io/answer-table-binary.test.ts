import { describe, expect, it } from 'vitest';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAnswerTableBinary, writeAnswerTableBinary } from '../../io/answer-table-binary.ts';
import { answerTableFromLong } from '../../contracts/answer-table.ts';
import { answersFromCsv, answersToCsv } from '../../io/table-files.ts';
import type { Respondent } from '../../contracts/types.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const respondent = (respondentId: string): Respondent => ({
  respondentId, population: 'industry', country: 'DE', region: 'Europe', organisationType: '', weight: 1, wave: 'w', sourceFile: 'f.csv', sourceRow: 4,
});

const table = answerTableFromLong(3, ['c1', 'c2'], { min: 1, max: 5 }, [
  { respondent: 0, competency: 0, dimension: 'importance', value: 4 },
  { respondent: 0, competency: 1, dimension: 'preparedness', value: NaN, missingReason: 'not_shown' },
  { respondent: 2, competency: 1, dimension: 'coverage', value: 2.5 },
]);

describe('answers.bin and answers.csv', () => {
  const dir = useTempDir();

  it('read back the table they were written from', () => {
    const path = join(dir, 'answers.bin');
    writeAnswerTableBinary(path, table);
    expect(readAnswerTableBinary(path)).toEqual(table);
    const respondents = ['a:1', 'a:2', 'a:3'].map(respondent);
    const csv = answersToCsv(table, respondents);
    expect(csv).toBe('respondent_id,competency,dimension,value,missing_reason\na:1,c1,importance,4,\na:1,c2,preparedness,,not_shown\na:3,c2,coverage,2.5,\n');
    expect(answersFromCsv(csv, respondents, ['c1', 'c2'], { min: 1, max: 5 })).toEqual(table);
  });

  it('say so when the cache is truncated or of another kind', () => {
    const path = join(dir, 'answers.bin');
    writeAnswerTableBinary(path, table);
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 3));
    expect(() => readAnswerTableBinary(path)).toThrow(/truncated/);
    writeFileSync(path, Buffer.concat([Buffer.from('SKGANS1\n'), bytes.subarray(8)]));
    expect(() => readAnswerTableBinary(path)).toThrow(/this answer cache was not written by this version of skillgap.*run --force/);
  });
});
