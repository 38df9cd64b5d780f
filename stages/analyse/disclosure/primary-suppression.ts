import type { EstimateRow } from '../../../contracts/types.ts';
import { DERIVED_FLAG, unitsOfRow, type DisclosureRule } from '../../../contracts/disclosure/disclosure-rule.ts';

/**
 * Primary suppression: a row with fewer than k respondents with a value (n < minN), or, when the
 * rule says so, a Kish effective n (Σw)²/Σw² below k, is suppressed (flag `suppressed_small_n`,
 * `suppressed_low_effective_n`); every other row of the same unit (same population, region and
 * competency) and every row built on it (the curriculum gap) follows as `suppressed_derived`. An
 * empty row (n = 0) is flagged but has nothing to hide, so its unit stays published.
 * Values are left in place: blank-suppressed-cells.ts removes them once secondary suppression
 * has chosen its cells. Returns new rows and the set of suppressed units.
 * Reference: Hundepool et al. (2012), Statistical Disclosure Control, §5.2 (threshold rule).
 */
export function suppressPrimaryCells(
  rows: readonly EstimateRow[],
  rule: DisclosureRule,
  effectiveNOf?: (row: EstimateRow) => number,
): { rows: EstimateRow[]; suppressedUnits: Set<string> } {
  const suppressedUnits = new Set<string>();
  const primaryFlag = rows.map((row) => {
    if (row.population === 'both') return '';
    if (!(row.n >= rule.minN)) return 'suppressed_small_n';
    if (rule.useEffectiveN && effectiveNOf && !(effectiveNOf(row) >= rule.minN)) return 'suppressed_low_effective_n';
    return '';
  });
  // An empty row (n = 0: nobody rated that item) has nothing to hide and does not take its unit with it.
  rows.forEach((row, index) => {
    if (primaryFlag[index] && row.n > 0) for (const unit of unitsOfRow(row)) suppressedUnits.add(unit);
  });
  const result = rows.map((row, index) => {
    if (primaryFlag[index]) return { ...row, suppressed: true, flag: primaryFlag[index] };
    if (unitsOfRow(row).some((unit) => suppressedUnits.has(unit))) return { ...row, suppressed: true, flag: DERIVED_FLAG };
    // Already without a value (e.g. a curriculum gap with an empty side): stays as it came.
    return row;
  });
  return { rows: result, suppressedUnits };
}
