import type { DistributionRow, EstimateRow } from '../../../contracts/types.ts';
import { answerCountBounds, suppressedCountInterval, suppressedMeanInterval, type Interval } from '../../../contracts/disclosure/feasible-interval.ts';
import { DERIVED_FLAG, SECONDARY_FLAG, isPrimaryFlag, unitKey, unitsOfRow, type DisclosureRule, type Relation } from '../../../contracts/disclosure/disclosure-rule.ts';

/**
 * Secondary (complementary) suppression for linear tables. Wherever a total and its parts are
 * published (Global and the regions), the parts' values add up: n_total = Σ n_c, and for a weighted
 * mean n_total·m_total = Σ n_c·m_c (exact with equal weights; the weights themselves are not
 * published, so a reader weights by n), answer counts add up per answer. A suppressed part must
 * not be derivable from the others, so further parts are suppressed, the least informative first
 * (the region with the fewest respondents of the population), until for every suppressed unit of every column (population × competency):
 *   - each mean, gap and top-two-box share of a primary-suppressed unit has a feasible interval
 *     (contracts/disclosure/feasible-interval.ts, the reader knowing the unit's exact n: worst case) covering at least
 *     rule.protectionShare of its a-priori range (scale range; ±(max − min) for gaps; [0, 1] for
 *     shares), and that of a secondary unit is not a single value;
 *   - no answer, "no value" included, of any suppressed unit is certain: for every answer j the
 *     other suppressed units hold enough answers that the unit may have given none (lower bound 0;
 *     for secondary units: the answer counts are not determined);
 *   - the n of every suppressed row is not determined (its feasible interval holds two values or more).
 * When every part is suppressed and a unit is still exposed, the total is suppressed too (the
 * relation is then unpublished). Units, not rows, are suppressed: see contracts/disclosure/disclosure-rule.ts.
 * This is the classic greedy heuristic (Cox 1980; τ-Argus "hypercube" in spirit), not an optimal
 * (fewest cells) solution. Reference: Hundepool et al. (2012), Statistical Disclosure Control §4.3;
 * Cox, L. H. (1980), Suppression methodology and statistical disclosure control, JASA 75, 377–385.
 */
export function suppressComplementaryCells(
  rows: readonly EstimateRow[],
  distributions: readonly DistributionRow[],
  rule: DisclosureRule,
  relations: readonly Relation[],
  suppressedUnits: ReadonlySet<string>,
): { rows: EstimateRow[]; suppressedUnits: Set<string>; secondaryUnits: Set<string> } {
  const suppressed = new Set(suppressedUnits);
  const secondary = new Set<string>();
  const primary = new Set<string>();
  rows.forEach((row) => {
    if (row.suppressed && isPrimaryFlag(row.flag)) for (const unit of unitsOfRow(row)) primary.add(unit);
  });
  const rowsOfUnit = new Map<string, EstimateRow[]>();
  for (const row of rows) {
    if (row.population === 'both') continue;
    const unit = unitsOfRow(row)[0];
    (rowsOfUnit.get(unit) ?? rowsOfUnit.set(unit, []).get(unit)!).push(row);
  }
  const distributionsOfUnit = new Map<string, DistributionRow[]>();
  for (const row of distributions) {
    const unit = unitKey(row.population, row.region, row.competency);
    (distributionsOfUnit.get(unit) ?? distributionsOfUnit.set(unit, []).get(unit)!).push(row);
  }
  // Least informative first: the part whose population has the fewest respondents in that region
  // (its largest n over all competencies), the same order in every column, so that a region tends to
  // be hidden as a whole and its respondent total is not published through another column.
  const regionOf = (unit: string) => unit.split('\u0000').slice(0, 2).join('\u0000');
  const regionSize = new Map<string, number>();
  for (const [unit, unitRows] of rowsOfUnit) regionSize.set(regionOf(unit), Math.max(regionSize.get(regionOf(unit)) ?? 0, unitSize(unitRows)));
  const columns = [...new Set(rows.filter((row) => row.population !== 'both').map((row) => `${row.population}\u0000${row.competency}`))];
  let changed = true;
  while (changed) {
    changed = false;
    for (const relation of relations) {
      for (const column of columns) {
        const [population, competency] = column.split('\u0000');
        const totalUnit = unitKey(population, relation.total, competency);
        const partUnits = relation.parts.map((part) => unitKey(population, part, competency)).filter((unit) => rowsOfUnit.has(unit));
        for (;;) {
          if (!rowsOfUnit.has(totalUnit) || suppressed.has(totalUnit)) break;
          const exposed = columnIsExposed({ totalUnit, partUnits, suppressed, primary, rowsOfUnit, distributionsOfUnit, rule });
          if (!exposed) break;
          const candidates = partUnits.filter((unit) => !suppressed.has(unit)).sort((a, b) => regionSize.get(regionOf(a))! - regionSize.get(regionOf(b))! || a.localeCompare(b));
          const chosen = candidates[0] ?? totalUnit;
          suppressed.add(chosen);
          secondary.add(chosen);
          changed = true;
        }
      }
    }
  }
  const result = rows.map((row) => {
    if (row.suppressed) return row;
    const units = unitsOfRow(row);
    if (!units.some((unit) => suppressed.has(unit))) return row;
    return { ...row, suppressed: true, flag: row.population === 'both' ? DERIVED_FLAG : SECONDARY_FLAG };
  });
  return { rows: result, suppressedUnits: suppressed, secondaryUnits: secondary };
}

/** How much a unit tells: its largest n. */
function unitSize(rows: readonly EstimateRow[]): number {
  return Math.max(0, ...rows.map((row) => (Number.isFinite(row.n) ? row.n : 0)));
}

const RATED = new Set(['importance', 'preparedness', 'coverage']);

/** A-priori range of a measure's mean: the scale, or ±(max − min) for a gap. */
function rangeOf(measure: string, scale: { min: number; max: number }): Interval {
  return RATED.has(measure) ? { low: scale.min, high: scale.max } : { low: scale.min - scale.max, high: scale.max - scale.min };
}

function columnIsExposed(input: {
  totalUnit: string;
  partUnits: string[];
  suppressed: ReadonlySet<string>;
  primary: ReadonlySet<string>;
  rowsOfUnit: ReadonlyMap<string, EstimateRow[]>;
  distributionsOfUnit: ReadonlyMap<string, DistributionRow[]>;
  rule: DisclosureRule;
}): boolean {
  const { totalUnit, partUnits, suppressed, primary, rowsOfUnit, distributionsOfUnit, rule } = input;
  const hidden = partUnits.filter((unit) => suppressed.has(unit));
  if (hidden.length === 0) return false;
  const shown = partUnits.filter((unit) => !suppressed.has(unit));
  const tiny = 1e-9;
  for (const total of rowsOfUnit.get(totalUnit)!) {
    const rowOf = (unit: string) => rowsOfUnit.get(unit)!.find((row) => row.measure === total.measure)!;
    const shownRows = shown.map(rowOf);
    const hiddenRows = hidden.map(rowOf);
    const hiddenN = total.n - shownRows.reduce((sum, row) => sum + row.n, 0);
    // n: a hidden n lies in [0, k − 1] when flagged suppressed_small_n, else in [k, hiddenN] (the flags are published).
    const bounds = hiddenRows.map((row) => (row.flag === 'suppressed_small_n' ? { low: 0, high: rule.minN - 1 } : { low: rule.minN, high: hiddenN }));
    for (let index = 0; index < hiddenRows.length; index++) {
      if (hiddenRows[index].n === 0) continue; // an empty cell has nothing to disclose
      const interval = suppressedCountInterval(hiddenN, bounds, index);
      if (interval.high - interval.low < 1) return true;
    }
    const quantities: [keyof EstimateRow, Interval][] = [['mean', rangeOf(total.measure, rule.scale)]];
    if (RATED.has(total.measure)) quantities.push(['top2Share', { low: 0, high: 1 }]);
    for (const [field, range] of quantities) {
      const totalValue = total[field] as number;
      if (!Number.isFinite(totalValue) || !(hiddenN > 0)) continue;
      const hiddenSum = total.n * totalValue - shownRows.reduce((sum, row) => sum + (row.n > 0 ? row.n * (row[field] as number) : 0), 0);
      const hiddenMean = hiddenSum / hiddenN;
      for (let index = 0; index < hidden.length; index++) {
        const n = hiddenRows[index].n;
        if (!(n > 0)) continue;
        const interval = suppressedMeanInterval(hiddenMean, hiddenN, n, range.low, range.high);
        const needed = primary.has(hidden[index]) ? rule.protectionShare * (range.high - range.low) : tiny;
        if (interval.high - interval.low < needed - tiny) return true;
      }
    }
  }
  return distributionsExposed(totalUnit, hidden, shown, primary, distributionsOfUnit);
}

function distributionsExposed(totalUnit: string, hidden: string[], shown: string[], primary: ReadonlySet<string>, distributionsOfUnit: ReadonlyMap<string, DistributionRow[]>): boolean {
  for (const total of distributionsOfUnit.get(totalUnit) ?? []) {
    const rowOf = (unit: string) => distributionsOfUnit.get(unit)?.find((row) => row.dimension === total.dimension && row.population === total.population);
    const answers = (row: DistributionRow | undefined) => (row ? [...row.counts, row.missing] : []);
    const remainder = answers(total);
    for (const unit of shown) answers(rowOf(unit)).forEach((count, j) => (remainder[j] -= count));
    for (const unit of hidden) {
      const own = answers(rowOf(unit));
      const cellAnswers = own.reduce((sum, count) => sum + count, 0);
      if (cellAnswers === 0) continue;
      const bounds = answerCountBounds(remainder, cellAnswers);
      if (primary.has(unit) ? bounds.some((bound) => bound.low > 0) : bounds.every((bound) => bound.low === bound.high)) return true;
    }
  }
  return false;
}
