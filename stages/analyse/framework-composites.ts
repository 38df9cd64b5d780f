import type { EncodedPopulation } from './encode-answers.ts';

/**
 * Respondent-level composites of a framework unit: for respondent i and unit u with competencies C_u,
 *   importance_i = mean of I_ik over k ∈ C_u with an importance rating,
 *   other_i      = mean of P_ik (preparedness, or coverage) over k ∈ C_u with that rating,
 *   gap_i        = mean of I_ik − P_ik over k ∈ C_u with both ratings,
 * NaN where the respondent rated none. Each is a column of n values (local rows of the population),
 * ready for estimateDomainMeans. AnswerTable codes below levelValues.length are ratings; the
 * missing and absent codes (contracts/answer-table.ts) are not.
 */
export interface UnitComposites {
  importance: Float64Array;
  other: Float64Array;
  gap: Float64Array;
}

export function unitComposites(population: EncodedPopulation, levelValues: Float64Array, competencies: number, unitMembers: readonly Int32Array[]): UnitComposites[] {
  const rows = population.importanceCodes.length / competencies;
  const levels = levelValues.length;
  const value = new Float64Array(256).fill(NaN);
  value.set(levelValues);
  const { importanceCodes, otherCodes } = population;
  const units = unitMembers.length;
  const result = unitMembers.map(() => ({ importance: new Float64Array(rows), other: new Float64Array(rows), gap: new Float64Array(rows) }));
  const importanceOut = result.map((unit) => unit.importance);
  const otherOut = result.map((unit) => unit.other);
  const gapOut = result.map((unit) => unit.gap);
  // The members of all units in one array (unit u's are at start[u] … start[u + 1] − 1), and the
  // respondents in the outer loop: each row's codes are read from memory once for every unit,
  // not once per unit (the codes of a million respondents are 26 MB per dimension).
  const start = new Int32Array(units + 1);
  unitMembers.forEach((members, unit) => (start[unit + 1] = start[unit] + members.length));
  const member = new Int32Array(start[units]);
  unitMembers.forEach((members, unit) => member.set(members, start[unit]));
  for (let row = 0; row < rows; row++) {
    const base = row * competencies;
    for (let unit = 0; unit < units; unit++) {
      let importanceSum = 0, importanceCount = 0, otherSum = 0, otherCount = 0, gapSum = 0, gapCount = 0;
      for (let m = start[unit]; m < start[unit + 1]; m++) {
        const first = importanceCodes[base + member[m]];
        const second = otherCodes[base + member[m]];
        if (first < levels) { importanceSum += value[first]; importanceCount++; }
        if (second < levels) { otherSum += value[second]; otherCount++; }
        if (first < levels && second < levels) { gapSum += value[first] - value[second]; gapCount++; }
      }
      importanceOut[unit][row] = importanceCount > 0 ? importanceSum / importanceCount : NaN;
      otherOut[unit][row] = otherCount > 0 ? otherSum / otherCount : NaN;
      gapOut[unit][row] = gapCount > 0 ? gapSum / gapCount : NaN;
    }
  }
  return result;
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
  /**
   * The index of some columns together with each column's countsByDomain, in one pass over each
   * column instead of two (the index, then the counts): the same index and counts as
   * `new ValueIndex(columns)` and `countsByDomain` (tested), for columns of a million respondents.
   */
  static counting(columns: readonly { column: Float64Array; rowDomain: Int32Array }[], domainCount: number): { index: ValueIndex; counts: Float64Array[] } {
    const width = domainCount + 1;
    const slotOf = new Map<number, number>();
    const distinct: number[] = [];
    const bySlot = columns.map(() => [] as Float64Array[]);
    columns.forEach(({ column, rowDomain }, which) => {
      const mine = bySlot[which];
      for (let row = 0; row < column.length; row++) {
        const value = column[row];
        if (value !== value) continue;
        let slot = slotOf.get(value);
        if (slot === undefined) {
          slot = distinct.length;
          slotOf.set(value, slot);
          distinct.push(value);
        }
        let counts = mine[slot];
        if (counts === undefined) counts = mine[slot] = new Float64Array(width);
        counts[domainCount]++;
        if (rowDomain[row] >= 0) counts[rowDomain[row]]++;
      }
    });
    const index = new ValueIndex([Float64Array.from(distinct)]);
    const counts = bySlot.map((mine) => {
      const table = new Float64Array(width * index.size);
      mine.forEach((slotCounts, slot) => {
        const at = index.indexOf(distinct[slot]);
        for (let domain = 0; domain < width; domain++) table[domain * index.size + at] = slotCounts[domain];
      });
      return table;
    });
    return { index, counts };
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
