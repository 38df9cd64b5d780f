import { describe, expect, it } from 'vitest';
import type { AnswerTable, Respondent } from '../../pipeline/types.ts';
import { writeAnswersWideCsv } from '../../pipeline/io/table-files.ts';

const respondent = (respondentId: string): Respondent => ({
  respondentId, population: 'industry', country: 'DE', region: 'Europe', organisationType: '', weight: 1, wave: 'w', sourceFile: 'f.csv', sourceRow: 4,
});

describe('writeAnswersWideCsv', () => {
  it('writes one line per respondent with value and missing reason per competency × dimension', () => {
    // respondent 0: c1.importance 4, c1.preparedness missing (blank); respondent 1: c1.importance 2.5, c1.preparedness 4
    const answers: AnswerTable = {
      length: 4,
      competencies: ['c1'],
      respondentIndex: Int32Array.from([0, 0, 1, 1]),
      competencyIndex: Uint16Array.from([0, 0, 0, 0]),
      dimension: Uint8Array.from([0, 1, 0, 1]),
      value: Float64Array.from([4, NaN, 2.5, 4]),
      missingReason: Uint8Array.from([0, 1, 0, 0]),
    };
    const chunks: string[] = [];
    writeAnswersWideCsv({ write: (text) => chunks.push(text) }, answers, [respondent('a:=1'), respondent('a:2')]);
    expect(chunks.join('')).toBe(
      'respondent_id,c1.importance,c1.importance.missing,c1.preparedness,c1.preparedness.missing\n' +
      'a:=1,4,,,blank\n' +
      'a:2,2.5,,4,\n',
    );
  });
});
