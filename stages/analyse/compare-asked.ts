/**
 * What two waves asked differently, for `skillgap compare`: a competency one wave asked and the
 * other did not (its change cannot be computed: not asked, which is not "suppressed"), and answer
 * scales of different length (a gap on 1–5 and one on 1–7 are not the same unit).
 */
import type { AnalysisResult } from '../../contracts/types.ts';
import { NOT_ASKED_FLAG } from './not-asked.ts';

const RATED_MEASURES = new Set(['importance', 'preparedness', 'coverage']);

/** `population measure competency` of the rated cells a wave did not ask (Global rows). */
function notAskedCells(analysis: AnalysisResult): Set<string> {
  return new Set(
    analysis.estimates
      .filter((row) => row.region === 'Global' && RATED_MEASURES.has(row.measure) && row.flag === NOT_ASKED_FLAG)
      .map((row) => `${row.population} ${row.measure} ${row.competency}`),
  );
}

export function askedDifferently(
  previous: AnalysisResult,
  current: AnalysisResult,
  scales?: { previous: { min: number; max: number }; current: { min: number; max: number } },
): string[] {
  const warnings: string[] = [];
  const before = notAskedCells(previous);
  const now = notAskedCells(current);
  const describe = (cells: string[]) =>
    cells.map((cell) => {
      const [population, measure, competency] = cell.split(' ');
      return `${competency} (${population} ${measure})`;
    }).join(', ');
  const onlyNow = [...now].filter((cell) => !before.has(cell)).sort();
  const onlyBefore = [...before].filter((cell) => !now.has(cell)).sort();
  if (onlyNow.length > 0) warnings.push(`wave ${current.wave} did not ask what wave ${previous.wave} asked: ${describe(onlyNow)}; their changes are not computed (not asked, not suppressed)`);
  if (onlyBefore.length > 0) warnings.push(`wave ${previous.wave} did not ask what wave ${current.wave} asked: ${describe(onlyBefore)}; their changes are not computed (not asked, not suppressed)`);
  if (scales && (scales.previous.min !== scales.current.min || scales.previous.max !== scales.current.max)) {
    warnings.push(`the waves use different answer scales (${previous.wave}: ${scales.previous.min}–${scales.previous.max}, ${current.wave}: ${scales.current.min}–${scales.current.max}): gaps are in different units, so their changes mix scales; rescale one wave's codebook before comparing`);
  }
  return warnings;
}
