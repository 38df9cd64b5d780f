/**
 * Number formats shared by figures, tables and the executive summary, so a number quoted in the
 * text is the same string as in the tables (the tests compare them).
 */

/** Means and gaps on the answer scale: two decimals; negative numbers with a true minus sign (U+2212). */
export function formatEstimate(value: number): string {
  const fixed = Math.abs(value).toFixed(2);
  return value < 0 && fixed !== '0.00' ? `\u2212${fixed}` : fixed;
}

/** A 95% confidence interval as `low to high` (a dash would read as a minus sign). */
export function formatInterval(low: number, high: number): string {
  return `${formatEstimate(low)} to ${formatEstimate(high)}`;
}

/**
 * A respondent count safe to publish: counts from 1 to minN − 1 are shown as `< minN`, never
 * exactly (statistical disclosure control, see BRIEF §3.7); 0 and counts ≥ minN are exact.
 */
export function formatCount(count: number, minN: number): string {
  if (count > 0 && count < minN) return `< ${minN}`;
  return String(count);
}

/**
 * The total of several counts when some are binned: the exact total would let a reader recover
 * the binned count by subtraction (secondary disclosure), so it is shown as the range it can take.
 */
export function formatTotal(counts: number[], minN: number): string {
  const binned = counts.filter((count) => count > 0 && count < minN).length;
  const known = counts.filter((count) => count === 0 || count >= minN).reduce((sum, count) => sum + count, 0);
  if (binned === 0) return String(known);
  const low = known + binned;
  const high = known + binned * (minN - 1);
  return known === 0 && binned === 1 ? `< ${minN}` : `${low}\u2013${high}`;
}
