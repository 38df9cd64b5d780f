import type { AnalysisResult, GapMeasure, WaveChangeRow } from '../../contracts/types.ts';
import { differenceOfIndependentMeans, normalUpperTail } from './stats/index.ts';

export type { WaveChangeRow } from '../../contracts/types.ts';

const GAPS: GapMeasure[] = ['gap_preparedness', 'gap_curriculum', 'gap_education'];

/**
 * The change of every gap between two waves (WaveChangeRow in contracts/types.ts has the formulas):
 * independent samples, so SE = √(SE_now² + SE_before²), with a Wald test and the MWDS top-5 movements.
 */
export function compareWaves(previous: AnalysisResult, current: AnalysisResult): WaveChangeRow[] {
  const key = (region: string, competency: string, measure: string) => `${region}\u0000${competency}\u0000${measure}`;
  const before = new Map(previous.estimates.filter((row) => GAPS.includes(row.measure as GapMeasure)).map((row) => [key(row.region, row.competency, row.measure), row]));
  const inTop5 = (result: AnalysisResult) => new Map(result.rankings.map((row) => [key(row.region, row.competency, ''), !row.suppressed && row.rank <= 5]));
  const previousTop5 = inTop5(previous);
  const currentTop5 = inTop5(current);
  const rows: WaveChangeRow[] = [];
  for (const now of current.estimates) {
    if (!GAPS.includes(now.measure as GapMeasure)) continue;
    const then = before.get(key(now.region, now.competency, now.measure));
    if (!then) continue;
    const suppressed = now.suppressed || then.suppressed;
    const change = differenceOfIndependentMeans(now.mean, now.se, then.mean, then.se);
    const z = change.difference / change.se;
    let top5 = '';
    const rankKey = key(now.region, now.competency, '');
    if (now.measure === 'gap_preparedness' && previousTop5.has(rankKey) && currentTop5.has(rankKey)) {
      const was = previousTop5.get(rankKey)!;
      const is = currentTop5.get(rankKey)!;
      top5 = was && is ? 'stayed_in' : is ? 'entered' : was ? 'left' : 'stayed_out';
    }
    rows.push({
      previousWave: previous.wave, wave: current.wave, region: now.region, competency: now.competency, measure: now.measure as GapMeasure,
      previousMean: suppressed ? NaN : then.mean, mean: suppressed ? NaN : now.mean,
      change: suppressed ? NaN : change.difference, se: suppressed ? NaN : change.se,
      ciLow: suppressed ? NaN : change.ciLow, ciHigh: suppressed ? NaN : change.ciHigh,
      z: suppressed ? NaN : z, pValue: suppressed ? NaN : Math.min(1, 2 * normalUpperTail(Math.abs(z))),
      top5, suppressed,
    });
  }
  return rows;
}
