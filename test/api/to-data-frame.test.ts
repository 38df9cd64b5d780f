import { describe, expect, it } from 'vitest';
import { toDataFrame } from '../../api/to-data-frame.ts';
import type { AnswerTable, EstimateRow, Respondent, RankingRow } from '../../contracts/types.ts';
import { answersToCsv, estimatesToCsv, rankingsToCsv, respondentsToCsv, ESTIMATE_COLUMNS } from '../../io/table-files.ts';
import { differencesFromCsv } from './data-frame-equals-csv.ts';
import { answerTableFromLong } from '../../contracts/answer-table.ts';

const estimate = (overrides: Partial<EstimateRow>): EstimateRow => ({
  wave: '2022', region: 'Global', competency: 'incident-response', population: 'industry', measure: 'importance',
  n: 120, mean: 4.21, sd: 0.83, se: 0.081, ciLow: 4.05, ciHigh: 4.37, top2Share: 0.81, suppressed: false, flag: '',
  ...overrides,
});

const estimates: EstimateRow[] = [
  estimate({}),
  estimate({ region: 'Africa', n: 3, mean: NaN, sd: NaN, se: NaN, ciLow: NaN, ciHigh: NaN, top2Share: NaN, suppressed: true, flag: 'suppressed_small_n' }),
  estimate({ region: 'Europe', measure: 'gap_preparedness', mean: 1.1, sd: 0.9, se: 0.1, ciLow: 0.9, ciHigh: 1.3, top2Share: NaN, flag: 'low_reliability', n: 8 }),
];

const respondents: Respondent[] = [
  { respondentId: 'industry-qualtrics:R_1', population: 'industry', country: 'TR', region: 'Asia', organisationType: 'Private', weight: 1.5, wave: '2022', sourceFile: 'data/raw/2022/industry.csv', sourceRow: 4 },
  { respondentId: 'education-limesurvey:7', population: 'education', country: '', region: 'Unknown', organisationType: '', weight: 1, wave: '2022', sourceFile: 'data/raw/2022/education.csv', sourceRow: 2 },
];

const answers: AnswerTable = answerTableFromLong(2, ['incident-response', 'cryptography'], { min: 1, max: 5 }, [
  { respondent: 0, competency: 0, dimension: 'importance', value: 5 },
  { respondent: 0, competency: 1, dimension: 'preparedness', value: NaN, missingReason: 'dont_know' },
  { respondent: 1, competency: 1, dimension: 'coverage', value: 3 },
]);

describe('toDataFrame', () => {
  it('gives estimates the CSV columns, rows and values, NaN where the CSV cell is empty', () => {
    const frame = toDataFrame(estimates);
    expect(frame.columns).toEqual([...ESTIMATE_COLUMNS]);
    expect(frame.shape).toEqual([3, ESTIMATE_COLUMNS.length]);
    expect(differencesFromCsv(frame, estimatesToCsv(estimates))).toEqual([]);
    expect(frame.column('mean').values).toEqual([4.21, NaN, 1.1]);
    expect(frame.column('suppressed').values).toEqual([false, true, false]);
    expect(frame.column('flag').values).toEqual(['', 'suppressed_small_n', 'low_reliability']);
  });

  it('keeps text that looks like a number as text (wave ids, empty country codes)', () => {
    const frame = toDataFrame(respondents);
    expect(frame.column('wave').values).toEqual(['2022', '2022']);
    expect(frame.column('country').values).toEqual(['TR', '']);
    expect(frame.column('weight').values).toEqual([1.5, 1]);
    expect(differencesFromCsv(frame, respondentsToCsv(respondents))).toEqual([]);
  });

  it('turns the columnar answers into one row per answer, with the missing reason where there is no value', () => {
    const frame = toDataFrame(answers, { respondents });
    expect(frame.values).toEqual([
      ['industry-qualtrics:R_1', 'incident-response', 'importance', 5, ''],
      ['industry-qualtrics:R_1', 'cryptography', 'preparedness', NaN, 'dont_know'],
      ['education-limesurvey:7', 'cryptography', 'coverage', 3, ''],
    ]);
    expect(differencesFromCsv(frame, answersToCsv(answers, respondents))).toEqual([]);
  });

  it('asks for the respondents when answers come without them', () => {
    expect(() => toDataFrame(answers)).toThrow(/pass \{ respondents: wave.respondents \}/);
  });

  it('keeps an empty table\'s columns when told its kind', () => {
    const frame = toDataFrame([] as RankingRow[], { kind: 'rankings' });
    expect(frame.columns).toEqual(['wave', 'region', 'competency', 'mwds', 'rank', 'rank_ci_low', 'rank_ci_high', 'rank_simultaneous_low', 'rank_simultaneous_high', 'quadrant', 'suppressed']);
    expect(frame.shape[0]).toBe(0);
  });

  it('gives rankings with a suppressed row the CSV values', () => {
    const rankings: RankingRow[] = [
      { wave: '2022', region: 'Global', competency: 'cryptography', mwds: 4.5, rank: 1, rankCiLow: 1, rankCiHigh: 3, rankSimultaneousLow: 1, rankSimultaneousHigh: 4, quadrant: 'concentrate_here', suppressed: false },
      { wave: '2022', region: 'Oceania', competency: 'cryptography', mwds: NaN, rank: NaN, rankCiLow: NaN, rankCiHigh: NaN, rankSimultaneousLow: NaN, rankSimultaneousHigh: NaN, quadrant: '', suppressed: true },
    ];
    expect(differencesFromCsv(toDataFrame(rankings), rankingsToCsv(rankings))).toEqual([]);
  });

  it('takes other rows as they are, for a researcher\'s own summaries', () => {
    const frame = toDataFrame([{ competency: 'cryptography', change: 0.4 }, { competency: 'forensics', change: -0.2 }]);
    expect(frame.columns).toEqual(['competency', 'change']);
    expect(frame.column('change').values).toEqual([0.4, -0.2]);
  });

  it('is told apart from CSV by the comparison when a value differs', () => {
    const csv = estimatesToCsv(estimates).replace('4.21', '4.22');
    expect(differencesFromCsv(toDataFrame(estimates), csv)).toEqual(['row 1, column mean: DataFrame 4.21 ≠ CSV "4.22"']);
  });
});
