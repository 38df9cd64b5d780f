import type { Quadrant } from '../../../contracts/types.ts';

/**
 * Importance–performance analysis (IPA): each competency is a point (x = mean performance, here
 * industry-rated preparedness; y = mean importance) placed in one of four quadrants by crosshairs:
 *   high importance, low performance → `concentrate_here`; high/high → `keep_up_the_good_work`;
 *   low/low → `low_priority`; low importance, high performance → `possible_overkill`.
 * "High" means ≥ the crosshair. Crosshairs (`ipaCrosshair` in the wave config):
 *   `grand-mean`: the mean over competencies of the item means (data-centred, the usual choice);
 *   `scale-midpoint`: (scale min + scale max)/2 on both axes (scale-centred).
 *
 * Reference: Martilla, J. A. & James, J. C. (1977). Importance-performance analysis. Journal of
 * Marketing 41(1), 77–79. https://doi.org/10.1177/002224297704100112
 *
 * @example importancePerformanceQuadrant(4.6, 2.9, { importance: 4.1, performance: 3.2 }) // => 'concentrate_here'
 */
export interface Crosshair {
  importance: number;
  performance: number;
}

export function importancePerformanceQuadrant(importance: number, performance: number, crosshair: Crosshair): Quadrant | '' {
  if (!Number.isFinite(importance) || !Number.isFinite(performance)) return '';
  const highImportance = importance >= crosshair.importance;
  const highPerformance = performance >= crosshair.performance;
  if (highImportance) return highPerformance ? 'keep_up_the_good_work' : 'concentrate_here';
  return highPerformance ? 'possible_overkill' : 'low_priority';
}

/** Crosshair from the item means (NaN items ignored) or from the scale. */
export function ipaCrosshair(
  importanceMeans: ArrayLike<number>,
  performanceMeans: ArrayLike<number>,
  mode: 'grand-mean' | 'scale-midpoint',
  scale: { min: number; max: number },
): Crosshair {
  if (mode === 'scale-midpoint') {
    const midpoint = (scale.min + scale.max) / 2;
    return { importance: midpoint, performance: midpoint };
  }
  let sumImportance = 0;
  let sumPerformance = 0;
  let items = 0;
  for (let k = 0; k < importanceMeans.length; k++) {
    if (!Number.isFinite(importanceMeans[k]) || !Number.isFinite(performanceMeans[k])) continue;
    sumImportance += importanceMeans[k];
    sumPerformance += performanceMeans[k];
    items++;
  }
  return { importance: sumImportance / items, performance: sumPerformance / items };
}
