import { describe, expect, it } from 'vitest';
import type { AnswerTable, Respondent } from '../../contracts/types.ts';
import { answersToCsv, answersWideToCsv } from '../../io/table-files.ts';
import { answerTableFromLong } from '../../contracts/answer-table.ts';

const respondent = (respondentId: string): Respondent => ({
  respondentId, population: 'industry', country: 'DE', region: 'Europe', organisationType: '', weight: 1, wave: 'w', sourceFile: 'f.csv', sourceRow: 4,
});

describe('writeAnswersWideCsv', () => {
  it('writes one line per respondent with value and missing reason per competency × dimension', () => {
    // respondent 0: c1.importance 4, c1.preparedness missing (blank); respondent 1: c1.importance 2.5, c1.preparedness 4
    const answers: AnswerTable = answerTableFromLong(2, ['c1'], { min: 1, max: 5 }, [
      { respondent: 0, competency: 0, dimension: 'importance', value: 4 },
      { respondent: 0, competency: 0, dimension: 'preparedness', value: NaN, missingReason: 'blank' },
      { respondent: 1, competency: 0, dimension: 'importance', value: 2.5 },
      { respondent: 1, competency: 0, dimension: 'preparedness', value: 4 },
    ]);
    expect(answersWideToCsv(answers, [respondent('a:=1'), respondent('a:2')])).toBe(
      'respondent_id,c1.importance,c1.importance.missing,c1.preparedness,c1.preparedness.missing\n' +
      'a:=1,4,,,blank\n' +
      'a:2,2.5,,4,\n',
    );
  });
});
