import { describe, expect, it } from 'vitest';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataType, tableFromIPC } from 'apache-arrow';
import { readAnswerTableArrow, writeAnswerTableArrow } from '../../io/answer-table-arrow.ts';
import { ABSENT_CODE, answerTableFromLong, createAnswerTable, missingCode } from '../../contracts/answer-table.ts';
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

describe('answers.arrow and answers.csv', () => {
  const dir = useTempDir();

  it('read back the table they were written from', () => {
    const path = join(dir, 'answers.arrow');
    writeAnswerTableArrow(path, table);
    expect(readAnswerTableArrow(path)).toEqual(table);
    const respondents = ['a:1', 'a:2', 'a:3'].map(respondent);
    const csv = answersToCsv(table, respondents);
    expect(csv).toBe('respondent_id,competency,dimension,value,missing_reason\na:1,c1,importance,4,\na:1,c2,preparedness,,not_shown\na:3,c2,coverage,2.5,\n');
    expect(answersFromCsv(csv, respondents, ['c1', 'c2'], { min: 1, max: 5 })).toEqual(table);
  });

  it('is an Arrow IPC file with one uint8 column of AnswerTable codes per competency × dimension', () => {
    const path = join(dir, 'answers.arrow');
    writeAnswerTableArrow(path, table);
    const arrow = tableFromIPC(readFileSync(path));
    expect(arrow.numRows).toBe(3);
    expect(arrow.schema.fields.map((field) => field.name)).toEqual([
      'c1.importance', 'c1.preparedness', 'c1.coverage', 'c2.importance', 'c2.preparedness', 'c2.coverage',
    ]);
    for (const field of arrow.schema.fields) expect(DataType.isInt(field.type) && !field.type.isSigned && field.type.bitWidth === 8).toBe(true);
    // 4 is level 3 of the 1–5 scale; 2.5 is appended as level 5; not_shown and absent as in contracts/answer-table.ts.
    expect([...arrow.getChild('c1.importance')!.toArray()]).toEqual([3, ABSENT_CODE, ABSENT_CODE]);
    expect([...arrow.getChild('c2.preparedness')!.toArray()]).toEqual([missingCode('not_shown'), ABSENT_CODE, ABSENT_CODE]);
    expect([...arrow.getChild('c2.coverage')!.toArray()]).toEqual([ABSENT_CODE, ABSENT_CODE, 5]);
    expect(JSON.parse(arrow.schema.metadata.get('skillgap.level_values')!)).toEqual([1, 2, 3, 4, 5, 2.5]);
    expect(arrow.schema.metadata.get('skillgap.absent_code')).toBe('255');
  });

  it('round-trips a table larger than one record batch', () => {
    const competencies = Array.from({ length: 7 }, (_, c) => `k${c}`);
    const large = createAnswerTable(70_001, competencies, { min: 1, max: 5 });
    for (let i = 0; i < large.codes.length; i++) large.codes[i] = (i * 31 + (i >> 7)) % 256 === 250 ? ABSENT_CODE : (i * 7) % 5;
    const path = join(dir, 'large.arrow');
    writeAnswerTableArrow(path, large);
    expect(tableFromIPC(readFileSync(path)).batches.length).toBe(2);
    const back = readAnswerTableArrow(path);
    expect(back.respondentCount).toBe(70_001);
    expect(Buffer.from(back.codes).equals(Buffer.from(large.codes))).toBe(true);
  });

  it('reads an empty table', () => {
    const path = join(dir, 'empty.arrow');
    const empty = createAnswerTable(0, ['c1'], { min: 1, max: 4 });
    writeAnswerTableArrow(path, empty);
    expect(readAnswerTableArrow(path)).toEqual(empty);
  });

  it('say so when the cache is truncated or of another kind', () => {
    const path = join(dir, 'answers.arrow');
    writeAnswerTableArrow(path, table);
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 3));
    expect(() => readAnswerTableArrow(path)).toThrow(/this answer cache is not a whole Arrow IPC file.*run --force/);
    writeFileSync(path, Buffer.concat([Buffer.from('SKGANS2\n'), bytes.subarray(8)]));
    expect(() => readAnswerTableArrow(path)).toThrow(/this answer cache is not a whole Arrow IPC file.*run --force/);
  });
});
