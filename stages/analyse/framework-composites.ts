import type { EncodedPopulation } from './encode-answers.ts';

/**
 * Respondent-level composites of framework units, and their weighted histograms per domain — what
 * every framework roll-up estimate, test and ranking is read from (framework-rollups.ts).
 *
 * For respondent i and unit u with competencies C_u:
 *   importance_i = mean of I_ik over k ∈ C_u with an importance rating,
 *   other_i      = mean of P_ik (preparedness, or coverage) over k ∈ C_u with that rating,
 *   gap_i        = mean of I_ik − P_ik over k ∈ C_u with both ratings,
 * missing where the respondent rated none. A composite takes few distinct values (means of a few
 * ratings), so, as the competency path does with rating levels (cell-histograms.ts), each composite
 * is kept as a small integer key, and the estimates come from weighted histograms (count, Σw, Σw²)
 * per (domain, unit, value) through stats/histogram-mean.ts — the same numbers as
 * estimateDomainMeans over the composite columns, up to rounding (tested). The histogram lists the
 * values that occur, ascending, and the code of each key among them (keys of equal value share it).
 *
 * How the keys are found: the ratings of a scale built by normalise are integers, so a composite
 * is fixed by (c, S), the number of ratings and their integer sum, and its key is read from a
 * table indexed by (c, S) — integer arithmetic per respondent and unit, no division, no hash
 * lookup, in one pass over the respondents for all units (the codes of a million respondents are
 * 26 MB per dimension). The value of key (c, S) is S / c, the double the plain definition gives
 * (an integer sum is exact). Level values that are not all integers (a table built for another
 * scale) take the plain path: the composite columns as doubles (plainUnitComposites), keyed by
 * their distinct values. Both paths' keys stand for the same composites, bit for bit (tested).
 */
export interface CompositeMeasure {
  /** Key per respondent × unit, row-major rows × units; MISSING_COMPOSITE where the respondent rated none. */
  keys: Uint16Array;
  /** The composite a key stands for (keys of equal value, 3/1 and 6/2, stand for the same double). */
  valueOfKey: Float64Array;
}

export interface UnitComposites {
  units: number;
  rows: number;
  importance: CompositeMeasure;
  other: CompositeMeasure;
  gap: CompositeMeasure;
}

/** The code of a missing composite. */
export const MISSING_COMPOSITE = 0xffff;

/** Bits of each packed (count, sum) field; three fields fit a double's 53-bit integers. */
const FIELD_BITS = 17;

/** Largest number of (c, S) keys or distinct values per measure the 16-bit codes can hold. */
const MAX_KEYS = MISSING_COMPOSITE;

export function unitComposites(population: Pick<EncodedPopulation, 'importanceCodes' | 'otherCodes'>, levelValues: Float64Array, competencies: number, unitMembers: readonly Int32Array[]): UnitComposites {
  const keys = integerCompositeKeys(levelValues, Math.max(1, ...unitMembers.map((members) => members.length)));
  if (!keys) return keysOfPlainComposites(plainUnitComposites(population, levelValues, competencies, unitMembers), unitMembers.length);
  const rows = population.importanceCodes.length / competencies;
  const units = unitMembers.length;
  const levels = levelValues.length;
  const { importanceCodes, otherCodes } = population;
  const { ratingStart, gapStart, minimum, range, shift } = keys;
  // Each rating adds a packed (1, value − min) to its sum: the count above the integer sum's
  // excess over its minimum, in a field of FIELD_BITS bits (the low `shift` bits hold up to
  // 2·c·range); each complete pair adds (1, I − P + range). The three fields (importance, other,
  // gap) share one double, exact below 2^53, so a member adds one number: its competency's
  // contribution, worked out once per row. key = start[count] + low bits; start[0] =
  // MISSING_COMPOSITE with low bits 0 gives the missing code.
  const part = (level: number) => (level < levels ? (1 << shift) + levelValues[level] - minimum : 0);
  const contributionOfPair = new Float64Array((levels + 1) * (levels + 1));
  for (let first = 0; first <= levels; first++) {
    for (let second = 0; second <= levels; second++) {
      const gap = first < levels && second < levels ? (1 << shift) + levelValues[first] - levelValues[second] + range : 0;
      contributionOfPair[first * (levels + 1) + second] = part(first) * 2 ** (2 * FIELD_BITS) + part(second) * 2 ** FIELD_BITS + gap;
    }
  }
  const levelOfCode = Uint8Array.from({ length: 256 }, (_, code) => (code < levels ? code : levels));
  const importanceKeys = new Uint16Array(rows * units);
  const otherKeys = new Uint16Array(rows * units);
  const gapKeys = new Uint16Array(rows * units);
  // The members of all units in one array (unit u's are at start[u] … start[u + 1] − 1), and the
  // respondents in the outer loop: each row's codes are read from memory once for every unit.
  const start = new Int32Array(units + 1);
  unitMembers.forEach((members, unit) => (start[unit + 1] = start[unit] + members.length));
  const member = new Int32Array(start[units]);
  unitMembers.forEach((members, unit) => member.set(members, start[unit]));
  fillKeys(rows, competencies, units, start, member, levelOfCode, contributionOfPair, levels + 1, importanceCodes, otherCodes, ratingStart, gapStart, shift, importanceKeys, otherKeys, gapKeys);
  return {
    units, rows,
    importance: { keys: importanceKeys, valueOfKey: keys.ratingValue },
    other: { keys: otherKeys, valueOfKey: keys.ratingValue },
    gap: { keys: gapKeys, valueOfKey: keys.gapValue },
  };
}

/** The hot loop of unitComposites, on typed arrays only (a small function V8 optimises whole). */
function fillKeys(
  rows: number, competencies: number, units: number, start: Int32Array, member: Int32Array, levelOfCode: Uint8Array, contributionOfPair: Float64Array, width: number,
  importanceCodes: Uint8Array, otherCodes: Uint8Array, ratingStart: Int32Array, gapStart: Int32Array, shift: number,
  importanceKeys: Uint16Array, otherKeys: Uint16Array, gapKeys: Uint16Array,
): void {
  const mask = (1 << shift) - 1;
  const fieldMask = 2 ** FIELD_BITS - 1;
  // A unit of one competency (most NICE work roles here) has that competency's ratings as its
  // composites: its keys depend on the (importance, other) level pair alone, read from tables.
  const keysOfPair = (table: Int32Array, field: number) => Int32Array.from(contributionOfPair, (packed) => {
    const value = Math.floor(packed / 2 ** (field * FIELD_BITS)) % 2 ** FIELD_BITS;
    return table[value >> shift] + (value & mask);
  });
  const importanceKeyOfPair = keysOfPair(ratingStart, 2);
  const otherKeyOfPair = keysOfPair(ratingStart, 1);
  const gapKeyOfPair = keysOfPair(gapStart, 0);
  const pair = new Int32Array(competencies);
  const contribution = new Float64Array(competencies);
  for (let row = 0; row < rows; row++) {
    const base = row * competencies;
    for (let k = 0; k < competencies; k++) {
      pair[k] = levelOfCode[importanceCodes[base + k]] * width + levelOfCode[otherCodes[base + k]];
      contribution[k] = contributionOfPair[pair[k]];
    }
    const out = row * units;
    for (let unit = 0; unit < units; unit++) {
      const first = start[unit];
      const end = start[unit + 1];
      if (end - first === 1) {
        const only = pair[member[first]];
        importanceKeys[out + unit] = importanceKeyOfPair[only];
        otherKeys[out + unit] = otherKeyOfPair[only];
        gapKeys[out + unit] = gapKeyOfPair[only];
        continue;
      }
      let packed = 0;
      for (let m = first; m < end; m++) packed += contribution[member[m]];
      // The fields: gap in bits 0…16, other in 17…33, importance in 34…50 (low and high 32-bit words).
      const low = packed >>> 0;
      const high = (packed - low) / 4294967296;
      const gap = low & fieldMask;
      const other = ((low >>> FIELD_BITS) | (high << (32 - FIELD_BITS))) & fieldMask;
      const importance = (high >>> (2 * FIELD_BITS - 32)) & fieldMask;
      importanceKeys[out + unit] = ratingStart[importance >> shift] + (importance & mask);
      otherKeys[out + unit] = ratingStart[other >> shift] + (other & mask);
      gapKeys[out + unit] = gapStart[gap >> shift] + (gap & mask);
    }
  }
}

/**
 * The (c, S) key tables for integer level values and units of at most maxMembers competencies:
 * key of a mean of c ratings summing to S is ratingStart[c] + S − c·min (S ∈ [c·min, c·max]); key
 * of a mean of c differences summing to D is gapStart[c] + D + c·range (D ∈ [−c·range, c·range]);
 * start[0] is the missing code. `shift`: bits of the packed sums' low part (it holds up to 2·c·range).
 * Null when a level value is not an integer or the keys would not fit 16-bit codes.
 */
function integerCompositeKeys(levelValues: Float64Array, maxMembers: number) {
  if (levelValues.length === 0 || !levelValues.every((v) => Number.isInteger(v))) return null;
  const minimum = Math.min(...levelValues);
  const range = Math.max(...levelValues) - minimum;
  const shift = Math.max(1, Math.ceil(Math.log2(2 * maxMembers * range + 1)));
  if (shift + Math.ceil(Math.log2(maxMembers + 1)) > FIELD_BITS) return null;
  const ratingStart = new Int32Array(maxMembers + 1);
  const gapStart = new Int32Array(maxMembers + 1);
  ratingStart[0] = gapStart[0] = MISSING_COMPOSITE;
  const ratingValue: number[] = [];
  const gapValue: number[] = [];
  for (let count = 1; count <= maxMembers; count++) {
    ratingStart[count] = ratingValue.length;
    for (let sum = count * minimum; sum <= count * (minimum + range); sum++) ratingValue.push(sum / count);
    gapStart[count] = gapValue.length;
    for (let sum = -count * range; sum <= count * range; sum++) gapValue.push(sum / count);
    if (gapValue.length >= MAX_KEYS || ratingValue.length >= MAX_KEYS) return null;
  }
  return { minimum, range, shift, ratingStart, gapStart, ratingValue: Float64Array.from(ratingValue), gapValue: Float64Array.from(gapValue) };
}

/** The composite columns as doubles (the definition above, written plainly), per unit. */
function plainUnitComposites(population: Pick<EncodedPopulation, 'importanceCodes' | 'otherCodes'>, levelValues: Float64Array, competencies: number, unitMembers: readonly Int32Array[]) {
  const rows = population.importanceCodes.length / competencies;
  const levels = levelValues.length;
  const mean = (sum: number, count: number) => (count > 0 ? sum / count : NaN);
  return unitMembers.map((members) => {
    const columns = { importance: new Float64Array(rows), other: new Float64Array(rows), gap: new Float64Array(rows) };
    for (let row = 0; row < rows; row++) {
      let importanceSum = 0, importanceCount = 0, otherSum = 0, otherCount = 0, gapSum = 0, gapCount = 0;
      for (const k of members) {
        const first = population.importanceCodes[row * competencies + k];
        const second = population.otherCodes[row * competencies + k];
        if (first < levels) { importanceSum += levelValues[first]; importanceCount++; }
        if (second < levels) { otherSum += levelValues[second]; otherCount++; }
        if (first < levels && second < levels) { gapSum += levelValues[first] - levelValues[second]; gapCount++; }
      }
      columns.importance[row] = mean(importanceSum, importanceCount);
      columns.other[row] = mean(otherSum, otherCount);
      columns.gap[row] = mean(gapSum, gapCount);
    }
    return columns;
  });
}

/** Keys of double composite columns: their distinct values, ascending, and each row × unit's index (NaN → missing). */
function keysOfPlainComposites(columns: ReturnType<typeof plainUnitComposites>, units: number): UnitComposites {
  const rows = columns.length > 0 ? columns[0].importance.length : 0;
  const measure = (pick: (unit: (typeof columns)[number]) => Float64Array): CompositeMeasure => {
    const values = Float64Array.from(new Set(columns.flatMap((unit) => Array.from(pick(unit)).filter((v) => v === v)))).sort();
    if (values.length >= MAX_KEYS) throw new RangeError(`framework roll-up: ${values.length} distinct composite values (at most ${MAX_KEYS - 1})`);
    const codeOf = new Map(Array.from(values, (value, code) => [value, code]));
    const keys = new Uint16Array(rows * units);
    columns.forEach((unit, u) => pick(unit).forEach((value, row) => (keys[row * units + u] = value === value ? codeOf.get(value)! : MISSING_COMPOSITE)));
    return { keys, valueOfKey: values };
  };
  return { units, rows, importance: measure((unit) => unit.importance), other: measure((unit) => unit.other), gap: measure((unit) => unit.gap) };
}

/**
 * Weighted histogram of one composite measure per (block, unit, value): blocks 0..domainCount−1
 * the domains, block domainCount the whole design ("Global", every row); the cell of (block, unit)
 * starts at offset (block · units + unit) · values.length in each array. `values`: the distinct
 * composites that occur, ascending; codeOfKey: a key's index into values (MISSING_COMPOSITE for
 * the missing key and keys that do not occur). domainRows: rows with a positive weight per block
 * (the SD's m); designRows: every row (the SE's n) — as domain-means.ts.
 */
export interface CompositeHistogram {
  values: Float64Array;
  codeOfKey: Uint16Array;
  count: Float64Array;
  sumWeights: Float64Array;
  sumSquaredWeights: Float64Array;
  domainRows: Float64Array;
  designRows: number;
}

/**
 * The histograms of several measures of the same respondents (a population's importance, other
 * and gap composites) in one pass over the rows: each key adds (1, w, w²) to bin (domain, unit,
 * key) of its measure; the bins of keys of equal value are then added together, in O(bins), never
 * per respondent.
 */
export function compositeHistograms(measures: readonly CompositeMeasure[], units: number, weights: Float64Array, rowDomain: Int32Array, domainCount: number): CompositeHistogram[] {
  const rows = weights.length;
  // Domains, then the rows in no domain (rowDomain −1); Global is their sum.
  const none = domainCount;
  const bins = measures.map(({ valueOfKey }) => {
    const size = (domainCount + 1) * units * valueOfKey.length;
    return { count: new Float64Array(size), weight: new Float64Array(size), squared: new Float64Array(size) };
  });
  const domainRows = new Float64Array(domainCount + 1);
  for (let row = 0; row < rows; row++) {
    const weight = weights[row];
    const block = rowDomain[row] >= 0 ? rowDomain[row] : none;
    if (weight > 0) {
      domainRows[domainCount]++;
      if (block !== none) domainRows[block]++;
    }
    const squared = weight * weight;
    for (let which = 0; which < measures.length; which++) {
      const { keys, valueOfKey } = measures[which];
      const { count, weight: sumWeights, squared: sumSquares } = bins[which];
      const K = valueOfKey.length;
      for (let unit = 0, at = row * units, bin = block * units * K; unit < units; unit++, at++, bin += K) {
        const key = keys[at];
        if (key === MISSING_COMPOSITE) continue;
        count[bin + key]++;
        sumWeights[bin + key] += weight;
        sumSquares[bin + key] += squared;
      }
    }
  }
  return measures.map(({ valueOfKey }, which) => gatherByValue(valueOfKey, bins[which], units, domainCount, domainRows, rows));
}

/** Key bins → value bins: the values that occur, ascending, each key's code, and Global = domains + rows in none. */
function gatherByValue(
  valueOfKey: Float64Array, keyBins: { count: Float64Array; weight: Float64Array; squared: Float64Array }, units: number, domainCount: number,
  domainRows: Float64Array, designRows: number,
): CompositeHistogram {
  const K = valueOfKey.length;
  const none = domainCount;
  const occurs = new Uint8Array(K);
  for (let bin = 0; bin < keyBins.count.length; bin++) if (keyBins.count[bin] > 0) occurs[bin % K] = 1;
  const values = Float64Array.from(new Set(valueOfKey.filter((_value, key) => occurs[key] === 1))).sort();
  const codeOfValue = new Map(Array.from(values, (value, code) => [value, code]));
  const codeOfKey = new Uint16Array(MAX_KEYS + 1).fill(MISSING_COMPOSITE);
  valueOfKey.forEach((value, key) => {
    if (occurs[key]) codeOfKey[key] = codeOfValue.get(value)!;
  });
  const V = values.length;
  const size = (domainCount + 1) * units * V;
  const count = new Float64Array(size);
  const sumWeights = new Float64Array(size);
  const sumSquaredWeights = new Float64Array(size);
  const global = domainCount * units;
  for (let block = 0; block <= domainCount; block++) {
    for (let unit = 0; unit < units; unit++) {
      const from = (block * units + unit) * K;
      const cell = block === none ? -1 : (block * units + unit) * V;
      const globalCell = (global + unit) * V;
      for (let key = 0; key < K; key++) {
        if (keyBins.count[from + key] === 0) continue;
        const code = codeOfKey[key];
        if (cell >= 0) {
          count[cell + code] += keyBins.count[from + key];
          sumWeights[cell + code] += keyBins.weight[from + key];
          sumSquaredWeights[cell + code] += keyBins.squared[from + key];
        }
        count[globalCell + code] += keyBins.count[from + key];
        sumWeights[globalCell + code] += keyBins.weight[from + key];
        sumSquaredWeights[globalCell + code] += keyBins.squared[from + key];
      }
    }
  }
  return { values, codeOfKey, count, sumWeights, sumSquaredWeights, domainRows: Float64Array.from(domainRows), designRows };
}
