import type { DistributionRow, EstimateRow, TestRow } from '../../../contracts/types.ts';
import { unitKey } from '../../../contracts/disclosure/disclosure-rule.ts';

/**
 * The last step of disclosure control: a suppressed row keeps its place and its flag but loses
 * every value, its n included (the flag says n < k for primary cells; nothing for the others), and
 * the answer distribution of a suppressed unit loses its counts and its count of answers without a
 * value. Tests of a suppressed gap lose their sample sizes too.
 */
export function blankSuppressedCells(rows: readonly EstimateRow[]): EstimateRow[] {
  return rows.map((row) =>
    row.suppressed ? { ...row, n: NaN, mean: NaN, sd: NaN, se: NaN, ciLow: NaN, ciHigh: NaN, top2Share: NaN } : row,
  );
}

export function blankSuppressedDistributions(rows: readonly DistributionRow[], suppressedUnits: ReadonlySet<string>): DistributionRow[] {
  return rows.map((row) =>
    suppressedUnits.has(unitKey(row.population, row.region, row.competency)) ? { ...row, counts: [], missing: NaN, ...(row.weightedCounts ? { weightedCounts: [], weightedMissing: NaN } : {}), suppressed: true } : { ...row, suppressed: false },
  );
}

export function blankSuppressedTests(rows: readonly TestRow[]): TestRow[] {
  return rows.map((row) => (row.suppressed ? { ...row, n1: NaN, n2: NaN, statistic: NaN, pValue: NaN, qValue: NaN, effectSize: NaN } : row));
}
