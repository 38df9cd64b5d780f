/**
 * Competencies a wave did not ask. A cell whose competency no respondent of the population was
 * asked about (every answer of the answer table is ABSENT_CODE, i.e. the codebook maps no column
 * to it) has n = 0 and is suppressed, but for another reason than a small n: it is flagged
 * `not_asked`, so tables, figures, the narrative and `compare` say "not asked", never
 * "suppressed (n < 5)" (issue 12).
 *
 * A measure needs the dimensions it is computed from: importance, preparedness and coverage their
 * own; gap_preparedness industry importance and preparedness; gap_curriculum industry importance
 * and education coverage; gap_education education importance and coverage.
 */
import type { Dimension, EstimateRow, NormalisedWave, Population } from '../../contracts/types.ts';
import { DIMENSIONS } from '../../contracts/types.ts';
import { ABSENT_CODE, DIMENSION_COUNT } from '../../contracts/answer-table.ts';

export const NOT_ASKED_FLAG = 'not_asked';

/** `population:competency:dimension` of every cell at least one respondent of the population was asked. */
export function askedCells(wave: Pick<NormalisedWave, 'answers' | 'respondents'>): Set<string> {
  const { codes, competencies } = wave.answers;
  const rowWidth = competencies.length * DIMENSION_COUNT;
  const asked = new Set<string>();
  const seen = { industry: new Uint8Array(rowWidth), education: new Uint8Array(rowWidth) };
  const remaining = { industry: rowWidth, education: rowWidth };
  for (let r = 0; r < wave.respondents.length; r++) {
    const population = wave.respondents[r].population;
    if (remaining[population] === 0) {
      if (remaining.industry === 0 && remaining.education === 0) break;
      continue;
    }
    const flags = seen[population];
    const offset = r * rowWidth;
    for (let cell = 0; cell < rowWidth; cell++) {
      if (!flags[cell] && codes[offset + cell] !== ABSENT_CODE) {
        flags[cell] = 1;
        remaining[population]--;
        asked.add(`${population}:${competencies[Math.floor(cell / DIMENSION_COUNT)]}:${DIMENSIONS[cell % DIMENSION_COUNT]}`);
      }
    }
  }
  return asked;
}

const NEEDS: Record<EstimateRow['measure'], [Population, Dimension][]> = {
  importance: [],
  preparedness: [['industry', 'preparedness']],
  coverage: [['education', 'coverage']],
  gap_preparedness: [['industry', 'importance'], ['industry', 'preparedness']],
  gap_curriculum: [['industry', 'importance'], ['education', 'coverage']],
  gap_education: [['education', 'importance'], ['education', 'coverage']],
};

/** The (population, dimension) pairs an estimate is computed from. */
export function cellsOfEstimate(row: Pick<EstimateRow, 'population' | 'measure'>): [Population, Dimension][] {
  if (row.measure === 'importance') return row.population === 'both' ? [] : [[row.population, 'importance']];
  return NEEDS[row.measure];
}

/** The estimates with the cells of competencies not asked flagged `not_asked` (suppressed, no value). */
export function flagNotAsked(estimates: EstimateRow[], asked: ReadonlySet<string>): EstimateRow[] {
  return estimates.map((row) => {
    const needs = cellsOfEstimate(row);
    if (needs.length === 0 || needs.every(([population, dimension]) => asked.has(`${population}:${row.competency}:${dimension}`))) return row;
    return { ...row, suppressed: true, flag: NOT_ASKED_FLAG, mean: NaN, sd: NaN, se: NaN, ciLow: NaN, ciHigh: NaN, top2Share: NaN };
  });
}
