/**
 * Competencies a wave did not ask are "not asked", never "suppressed (n < 5)" (issue 12): in the
 * estimates, the heatmap, the region chart, the narrative and `compare`'s warnings.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult, EstimateRow, NormalisedWave } from '../../../contracts/types.ts';
import { askedCells, flagNotAsked } from '../../../stages/analyse/not-asked.ts';
import { askedDifferently } from '../../../stages/analyse/compare-asked.ts';
import { ABSENT_CODE, DIMENSION_COUNT } from '../../../contracts/answer-table.ts';

const competencies = ['c1', 'c2'];
/** Two industry respondents asked c1 (importance, preparedness) but not c2; one education respondent asked c2 importance only. */
function wave(): Pick<NormalisedWave, 'answers' | 'respondents'> {
  const rowWidth = competencies.length * DIMENSION_COUNT;
  const codes = new Uint8Array(3 * rowWidth).fill(ABSENT_CODE);
  for (const r of [0, 1]) codes.set([2, 3], r * rowWidth); // c1 importance, preparedness
  codes[2 * rowWidth + DIMENSION_COUNT] = 4; // c2 importance
  const respondent = (population: 'industry' | 'education') => ({ population }) as NormalisedWave['respondents'][number];
  return { answers: { respondentCount: 3, competencies, levelValues: [1, 2, 3, 4, 5], codes }, respondents: [respondent('industry'), respondent('industry'), respondent('education')] };
}

const row = (competency: string, population: EstimateRow['population'], measure: EstimateRow['measure'], n: number): EstimateRow => ({
  wave: 'w', region: 'Global', competency, population, measure, n, mean: n > 0 ? 1 : NaN, sd: NaN, se: NaN, ciLow: NaN, ciHigh: NaN, top2Share: NaN,
  suppressed: n < 5, flag: n < 5 ? 'suppressed_small_n' : '',
});

describe('not asked', () => {
  it('finds the cells a population was asked from the answer table', () => {
    expect([...askedCells(wave())].sort()).toEqual(['education:c2:importance', 'industry:c1:importance', 'industry:c1:preparedness']);
  });

  it('flags not-asked estimates, gaps by the dimensions they need; asked cells with a small n stay suppressed_small_n', () => {
    const flagged = flagNotAsked([
      row('c1', 'industry', 'gap_preparedness', 2),
      row('c2', 'industry', 'gap_preparedness', 0),
      row('c2', 'education', 'importance', 1),
      row('c2', 'education', 'gap_education', 0),
      row('c1', 'both', 'gap_curriculum', 2),
    ], askedCells(wave()));
    expect(flagged.map((r) => r.flag)).toEqual(['suppressed_small_n', 'not_asked', 'suppressed_small_n', 'not_asked', 'not_asked']);
    expect(flagged.every((r) => r.suppressed)).toBe(true);
  });

  it('makes compare warn when two waves asked different competencies or scales', () => {
    const analysis = (waveId: string, notAsked: string[]): AnalysisResult => ({
      wave: waveId, tests: [], rankings: [], weighting: [], warnings: [],
      estimates: competencies.map((c) => ({ ...row(c, 'industry', 'preparedness', 50), wave: waveId, ...(notAsked.includes(c) ? { flag: 'not_asked', suppressed: true } : {}) })),
    });
    const warnings = askedDifferently(analysis('2022', []), analysis('2023', ['c2']), { previous: { min: 1, max: 5 }, current: { min: 1, max: 7 } });
    expect(warnings).toEqual([
      'wave 2023 did not ask what wave 2022 asked: c2 (industry preparedness); their changes are not computed (not asked, not suppressed)',
      'the waves use different answer scales (2022: 1–5, 2023: 1–7): gaps are in different units, so their changes mix scales; rescale one wave\'s codebook before comparing',
    ]);
    expect(askedDifferently(analysis('2022', []), analysis('2023', []), { previous: { min: 1, max: 5 }, current: { min: 1, max: 5 } })).toEqual([]);
  });
});
