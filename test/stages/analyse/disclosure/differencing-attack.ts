/**
 * A differencing attack on published tables, written independently of stages/analyse/disclosure/ (which
 * uses closed forms): the reader knows a published total, the published parts, the flags and, in
 * the worst case, the exact n of every suppressed part; it solves the linear relations for each
 * suppressed part by enumeration (vertices of the feasible polytope for means, integer solutions for
 * counts, compositions for answer distributions). It reports what the reader can pin down.
 */
import type { DistributionRow, EstimateRow } from '../../../../contracts/types.ts';

export interface Interval { low: number; high: number }

/**
 * Feasible values of m_a given Σ_{c∈S} n_c m_c = V and m_c ∈ [lo, hi]: the extremes of a linear
 * function over a polytope lie at its vertices, where every variable but at most one sits at a bound.
 * For this polytope (one equality, a box) the extremes have a closed form: m_a is largest when every
 * other m_c is at lo, smallest when every other is at hi, each clipped to [lo, hi]; it is empty when V
 * lies outside [lo Σn, hi Σn]. (The vertex enumeration, meanByVertexEnumeration, is exponential in
 * the number of hidden cells; the test checks that both agree.)
 */
export function meanByVertices(V: number, n: number[], a: number, lo: number, hi: number): Interval | null {
  const slack = 1e-9 * (Math.abs(V) + 1);
  const total = n.reduce((sum, value) => sum + value, 0);
  if (V < lo * total - slack || V > hi * total + slack) return null;
  const others = total - n[a];
  const high = Math.min(hi, (V - lo * others) / n[a]);
  const low = Math.max(lo, (V - hi * others) / n[a]);
  return low <= high + slack ? { low, high: Math.max(low, high) } : null;
}

/** meanByVertices by enumerating the vertices (every variable but one at a bound): the reference. */
export function meanByVertexEnumeration(V: number, n: number[], a: number, lo: number, hi: number): Interval | null {
  const k = n.length;
  let low = Infinity;
  let high = -Infinity;
  const slack = 1e-9 * (Math.abs(V) + 1);
  for (let free = 0; free < k; free++) {
    const others = [...Array(k).keys()].filter((c) => c !== free);
    for (let mask = 0; mask < 1 << others.length; mask++) {
      const values = new Array<number>(k);
      let rest = V;
      others.forEach((c, bit) => {
        values[c] = mask & (1 << bit) ? hi : lo;
        rest -= n[c] * values[c];
      });
      values[free] = rest / n[free];
      if (values[free] < lo - slack || values[free] > hi + slack) continue;
      low = Math.min(low, values[a]);
      high = Math.max(high, values[a]);
    }
  }
  return low <= high ? { low: Math.max(lo, low), high: Math.min(hi, high) } : null;
}

/**
 * Per index, the values x_i can take in an integer vector with Σ = total and
 * bounds[i].low ≤ x_i ≤ bounds[i].high. The sums of the other entries cover every integer between
 * the sum of their lows and the sum of their highs (a sum of integer intervals is an integer
 * interval), so x_i = v is feasible exactly when total − v lies in that range: no enumeration is
 * needed, and the answer does not grow with the number of hidden cells (the enumeration this
 * replaces gave up on the 2023 wave once countries hid more region cells).
 */
export function integerSolutions(total: number, bounds: Interval[]): Set<number>[] {
  const capped = bounds.map((b) => ({ low: b.low, high: Math.min(b.high, total) }));
  const lowSum = capped.reduce((sum, b) => sum + b.low, 0);
  const highSum = capped.reduce((sum, b) => sum + b.high, 0);
  return capped.map((b) => {
    const values = new Set<number>();
    if (total < lowSum || total > highSum) return values;
    const from = Math.max(b.low, total - (highSum - b.high));
    const to = Math.min(b.high, total - (lowSum - b.low));
    for (let v = from; v <= to; v++) values.add(v);
    return values;
  });
}

/** Every count vector x with Σx = size and 0 ≤ x_j ≤ remainder_j (the other cells, of known sizes, absorb the rest). */
export function answerVectors(remainder: number[], size: number, limit = 200_000): number[][] {
  const vectors: number[][] = [];
  const current: number[] = [];
  const walk = (j: number, left: number) => {
    if (vectors.length > limit) throw new Error('attack search too large');
    if (j === remainder.length) {
      if (left === 0) vectors.push([...current]);
      return;
    }
    for (let x = 0; x <= Math.min(remainder[j], left); x++) {
      current[j] = x;
      walk(j + 1, left - x);
    }
  };
  walk(0, size);
  return vectors;
}

export interface Finding {
  what: string;
  primary: boolean;
  /** Width of the feasible interval as a share of the a-priori range (means), or feasible values (counts). */
  width: number;
  exposed: boolean;
}

const RATED = new Set(['importance', 'preparedness', 'coverage']);

/**
 * Attacks every column (population × measure × competency) of published estimates against its
 * Global total. `trueN` gives the attacker (worst case) the exact n of suppressed cells; the true
 * values are used only to check that the attack is valid (the truth lies in the interval).
 */
export function attackEstimates(
  published: EstimateRow[], truth: EstimateRow[], scale: { min: number; max: number }, minN: number, protectionShare: number,
): Finding[] {
  const key = (row: EstimateRow) => `${row.population}|${row.measure}|${row.competency}`;
  const trueOf = new Map(truth.map((row) => [`${key(row)}|${row.region}`, row]));
  const columns = new Map<string, EstimateRow[]>();
  for (const row of published) if (row.population !== 'both') (columns.get(key(row)) ?? columns.set(key(row), []).get(key(row))!).push(row);
  const findings: Finding[] = [];
  for (const [column, rows] of columns) {
    const total = rows.find((row) => row.region === 'Global');
    if (!total || total.suppressed) continue;
    const parts = rows.filter((row) => row.region !== 'Global');
    const hidden = parts.filter((row) => row.suppressed);
    if (hidden.length === 0) continue;
    const shown = parts.filter((row) => !row.suppressed);
    const hiddenN = total.n - shown.reduce((sum, row) => sum + row.n, 0);
    const value = (row: EstimateRow, field: keyof EstimateRow) => (row.n > 0 ? row.n * (row[field] as number) : 0);
    // n: integer solutions within the bounds the flags give.
    const nBounds = hidden.map((row) => (row.flag === 'suppressed_small_n' ? { low: 0, high: minN - 1 } : { low: minN, high: hiddenN }));
    const nFeasible = integerSolutions(hiddenN, nBounds);
    hidden.forEach((row, i) => {
      const trueN = trueOf.get(`${column}|${row.region}`)!.n;
      if (!nFeasible[i].has(trueN)) throw new Error(`invalid attack: n of ${column}|${row.region}`);
      if (trueN === 0) return; // an empty cell (nobody rated the item) has nothing to disclose
      findings.push({ what: `n ${column} ${row.region}`, primary: row.flag === 'suppressed_small_n', width: nFeasible[i].size, exposed: nFeasible[i].size < 2 });
    });
    const measure = column.split('|')[1];
    const fields: [keyof EstimateRow, number, number][] = RATED.has(measure)
      ? [['mean', scale.min, scale.max], ['top2Share', 0, 1]]
      : [['mean', scale.min - scale.max, scale.max - scale.min]];
    for (const [field, lo, hi] of fields) {
      if (!Number.isFinite(total[field] as number)) continue; // not published for this table (e.g. no top-two-box share of a framework unit)
      const trueRows = hidden.map((row) => trueOf.get(`${column}|${row.region}`)!);
      const withValue = trueRows.map((row, i) => ({ row, i })).filter(({ row }) => row.n > 0);
      if (withValue.length === 0) continue;
      const V = total.n * (total[field] as number) - shown.reduce((sum, row) => sum + value(row, field), 0);
      const n = withValue.map(({ row }) => row.n);
      withValue.forEach(({ row, i }, a) => {
        const interval = meanByVertices(V, n, a, lo, hi);
        const value = row[field] as number;
        if (!interval || value < interval.low - 1e-6 || value > interval.high + 1e-6) throw new Error(`invalid attack: ${String(field)} of ${column}|${row.region}`);
        const share = (interval.high - interval.low) / (hi - lo);
        const primary = hidden[i].flag === 'suppressed_small_n' || hidden[i].flag === 'suppressed_low_effective_n' || hidden[i].flag === 'suppressed_derived';
        findings.push({ what: `${String(field)} ${column} ${row.region}`, primary, width: share, exposed: primary ? share < protectionShare - 1e-9 : share < 1e-9 });
      });
    }
  }
  return findings;
}

/**
 * Attacks the published answer distributions (answers per scale point, plus answers without a
 * value) of each population × dimension × competency against Global. For a suppressed cell of a
 * primary unit (n < k) every count vector the relation allows is enumerated: the counts must not be
 * determined and no answer may be certain (some feasible vector has none of it). For other cells:
 * the counts must not be determined.
 */
export function attackDistributions(published: DistributionRow[], truth: DistributionRow[], primaryUnits: Set<string>): Finding[] {
  const key = (row: DistributionRow) => `${row.population}|${row.dimension}|${row.competency}`;
  const trueOf = new Map(truth.map((row) => [`${key(row)}|${row.region}`, row]));
  const columns = new Map<string, DistributionRow[]>();
  for (const row of published) (columns.get(key(row)) ?? columns.set(key(row), []).get(key(row))!).push(row);
  const findings: Finding[] = [];
  const answers = (row: DistributionRow) => [...row.counts, row.missing];
  for (const [column, rows] of columns) {
    const total = rows.find((row) => row.region === 'Global');
    if (!total || total.suppressed) continue;
    const hidden = rows.filter((row) => row.region !== 'Global' && row.suppressed);
    if (hidden.length === 0) continue;
    const remainder = answers(total);
    for (const row of rows) if (row.region !== 'Global' && !row.suppressed) answers(row).forEach((count, j) => (remainder[j] -= count));
    for (const row of hidden) {
      const own = answers(trueOf.get(`${column}|${row.region}`)!);
      const size = own.reduce((sum, count) => sum + count, 0);
      if (size === 0) continue;
      const primary = primaryUnits.has(`${row.population}|${row.region}|${row.competency}`);
      if (primary) {
        const vectors = answerVectors(remainder, size);
        if (!vectors.some((vector) => vector.every((x, j) => x === own[j]))) throw new Error(`invalid attack: answers of ${column}|${row.region}`);
        const certain = own.map((_, j) => vectors.every((vector) => vector[j] > 0)).some(Boolean);
        findings.push({ what: `answers ${column} ${row.region}`, primary, width: vectors.length, exposed: vectors.length < 2 || certain });
      } else {
        const rest = remainder.reduce((sum, count) => sum + count, 0) - size;
        const determined = remainder.every((count) => Math.max(0, count - rest) === Math.min(count, size));
        findings.push({ what: `answers ${column} ${row.region}`, primary, width: determined ? 1 : 2, exposed: determined });
      }
    }
  }
  return findings;
}
