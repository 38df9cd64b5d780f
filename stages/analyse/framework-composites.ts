import { ABSENT_STATE, type EncodedPopulation } from './encode-answers.ts';

/**
 * Respondent-level composites of a framework unit: for respondent i and unit u with competencies C_u,
 *   importance_i = mean of I_ik over k ∈ C_u with an importance rating,
 *   other_i      = mean of P_ik (preparedness, or coverage) over k ∈ C_u with that rating,
 *   gap_i        = mean of I_ik − P_ik over k ∈ C_u with both ratings,
 * NaN where the respondent rated none. Each is a column of n values (local rows of the population),
 * ready for estimateDomainMeans. Level codes below levelValues.length are ratings; the missing and
 * absent states (encode-answers.ts) are not.
 */
export interface UnitComposites {
  importance: Float64Array;
  other: Float64Array;
  gap: Float64Array;
}

export function unitComposites(population: EncodedPopulation, levelValues: Float64Array, competencies: number, unitMembers: readonly Int32Array[]): UnitComposites[] {
  const rows = population.importanceStates.length / competencies;
  const levels = levelValues.length;
  const value = new Float64Array(256).fill(NaN);
  value.set(levelValues);
  value[ABSENT_STATE] = NaN;
  return unitMembers.map((members) => {
    const importance = new Float64Array(rows);
    const other = new Float64Array(rows);
    const gap = new Float64Array(rows);
    for (let row = 0; row < rows; row++) {
      let importanceSum = 0, importanceCount = 0, otherSum = 0, otherCount = 0, gapSum = 0, gapCount = 0;
      const base = row * competencies;
      for (let m = 0; m < members.length; m++) {
        const first = population.importanceStates[base + members[m]];
        const second = population.otherStates[base + members[m]];
        if (first < levels) { importanceSum += value[first]; importanceCount++; }
        if (second < levels) { otherSum += value[second]; otherCount++; }
        if (first < levels && second < levels) { gapSum += value[first] - value[second]; gapCount++; }
      }
      importance[row] = importanceCount > 0 ? importanceSum / importanceCount : NaN;
      other[row] = otherCount > 0 ? otherSum / otherCount : NaN;
      gap[row] = gapCount > 0 ? gapSum / gapCount : NaN;
    }
    return { importance, other, gap };
  });
}

/**
 * The distinct non-missing values of some composite columns, ascending, so counts of each value can
 * stand in for the values (the *-counts.ts rank tests, the bootstrap's joint codes). Means of the
 * same ratings are the same double whatever the order of division, so equal composites share an index.
 */
export class ValueIndex {
  readonly values: Float64Array;
  private readonly indexOfValue: Map<number, number>;
  constructor(columns: readonly Float64Array[]) {
    const distinct = new Set<number>();
    for (const column of columns) for (let i = 0; i < column.length; i++) if (column[i] === column[i]) distinct.add(column[i]);
    this.values = Float64Array.from(distinct).sort();
    this.indexOfValue = new Map(Array.from(this.values, (v, index) => [v, index]));
  }
  get size(): number {
    return this.values.length;
  }
  /** Index of a value, −1 for NaN. */
  indexOf(value: number): number {
    return value === value ? this.indexOfValue.get(value)! : -1;
  }
  /** Counts of each value per domain (0..domainCount−1) and, last, the whole column: (domainCount + 1) × size. */
  countsByDomain(column: Float64Array, rowDomain: Int32Array, domainCount: number): Float64Array {
    const counts = new Float64Array((domainCount + 1) * this.size);
    for (let row = 0; row < column.length; row++) {
      const index = this.indexOf(column[row]);
      if (index < 0) continue;
      counts[domainCount * this.size + index]++;
      if (rowDomain[row] >= 0) counts[rowDomain[row] * this.size + index]++;
    }
    return counts;
  }
}
