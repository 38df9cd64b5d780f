/**
 * Two waves side by side: the analysis's own comparison (stages/analyse/compare-waves.ts, the one the
 * wave-change figure uses), fed from waves loaded with `loadWave`.
 */
import { compareWaves, type WaveChangeRow } from '../stages/analyse/compare-waves.ts';
import type { WaveData } from './load-wave.ts';

export type { WaveChangeRow };

/**
 * Change of every gap between two waves (Δ = now − before with its Wald CI and p-value) and, for
 * the preparedness gap, whether a competency entered or left its region's top 5 of the ranking.
 *
 * @example
 * ```ts
 * const changes = compareWaveResults(loadWave({ wave: '2022' }), loadWave({ wave: '2023' }));
 * changes.filter((c) => c.region === 'Global' && c.top5 === 'entered').map((c) => c.competency);
 * ```
 */
export function compareWaveResults(previous: WaveData, current: WaveData): WaveChangeRow[] {
  const asResult = (wave: WaveData) => ({
    wave: wave.wave, estimates: wave.estimates, tests: wave.tests, rankings: wave.rankings, weighting: wave.weighting, warnings: [],
  });
  return compareWaves(asResult(previous), asResult(current));
}
