import { median } from 'simple-statistics';

/**
 * Speeders: duration below `fraction` × the median duration of the source's responses with a
 * duration (the common "one third of the median" rule, e.g. Greszki, Meyer & Schoen 2015).
 * Returns the threshold in seconds, NaN when the rule is off or there are no durations.
 */
export function speederThreshold(durations: Float64Array, include: Uint8Array, fraction: number): number {
  if (!(fraction > 0)) return NaN;
  const known: number[] = [];
  for (let i = 0; i < durations.length; i++) if (include[i] && Number.isFinite(durations[i])) known.push(durations[i]);
  return known.length === 0 ? NaN : fraction * median(known);
}
