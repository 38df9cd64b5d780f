/**
 * Statistical disclosure control of the published tables, as three verbs applied in order:
 *
 *   rows with n ──suppressPrimaryCells──▶ n < k (and Kish n_eff < k) suppressed, their units follow
 *            ──suppressComplementaryCells──▶ further units until no suppressed value can be derived
 *            ──blankSuppressedCells──▶ suppressed rows keep flag and place, lose every value and n
 *
 * `protectTables` runs them on estimates and answer distributions; any other table of region ×
 * competency rows with n and means (framework roll-ups, country rows) can go through the same
 * verbs with its own relations (a total and the parts that add up to it).
 * The rule itself (k, the flags, the suppression unit, what counts as published), the feasible
 * intervals and the country respondent counts are contracts (contracts/disclosure/): render words
 * and blanks cells by the same definition. Methods: docs/methods.md, "Small-cell suppression".
 */
import type { DistributionRow, EstimateRow } from '../../../contracts/types.ts';
import { blankSuppressedCells, blankSuppressedDistributions } from './blank-suppressed-cells.ts';
import { globalOverRegions, type DisclosureRule, type Relation } from '../../../contracts/disclosure/disclosure-rule.ts';
import { suppressPrimaryCells } from './primary-suppression.ts';
import { suppressComplementaryCells } from './secondary-suppression.ts';

export { suppressPrimaryCells } from './primary-suppression.ts';
export { suppressComplementaryCells } from './secondary-suppression.ts';
export { blankSuppressedCells, blankSuppressedDistributions, blankSuppressedTests } from './blank-suppressed-cells.ts';

/**
 * Estimates and distributions with n (unsuppressed or already primary-flagged) → the published
 * tables. `effectiveNOf` gives a row's Kish effective n (needed when rule.useEffectiveN);
 * `extraSuppressedUnits` are units (unitKey) the caller hides by a rule of its own.
 */
export function protectTables(
  estimates: readonly EstimateRow[],
  distributions: readonly DistributionRow[],
  rule: DisclosureRule,
  options: { relations?: Relation[]; effectiveNOf?: (row: EstimateRow) => number; extraSuppressedUnits?: ReadonlySet<string> } = {},
): { estimates: EstimateRow[]; distributions: DistributionRow[]; suppressedUnits: Set<string> } {
  const primary = suppressPrimaryCells(estimates, rule, options.effectiveNOf);
  // Units hidden by a rule of the caller's (e.g. a framework unit whose competency is hidden) enter
  // as already suppressed; their rows come out flagged suppressed_secondary.
  const suppressedUnits = new Set([...primary.suppressedUnits, ...(options.extraSuppressedUnits ?? [])]);
  const secondary = suppressComplementaryCells(primary.rows, distributions, rule, options.relations ?? globalOverRegions(estimates), suppressedUnits);
  return {
    estimates: blankSuppressedCells(secondary.rows),
    distributions: blankSuppressedDistributions(distributions, secondary.suppressedUnits),
    suppressedUnits: secondary.suppressedUnits,
  };
}
