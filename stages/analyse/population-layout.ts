import type { Respondent } from '../../contracts/types.ts';

/**
 * How a wave's respondents fall into the two populations and the regions: the layout the weights
 * (population-weights.ts, given memberIndex) and every per-population matrix are built on, the same
 * for the competency analysis (analyse-wave.ts) and the framework roll-ups (framework-rollups.ts).
 * Typed arrays indexed by respondent or by local row, not filtered copies of the respondents: at a
 * million respondents an array of references is garbage the collector must trace.
 */
export interface PopulationLayout {
  /** Respondent → population code: 0 industry, 1 education. */
  populationCode: Uint8Array;
  /** Respondent → its row in its population's matrices (file order within the population). */
  localRow: Int32Array;
  /** Respondents per population code. */
  counts: [number, number];
  /** The respondents' regions, sorted; a region's code is its index. */
  regions: string[];
  regionCode: Map<string, number>;
  /** Per population code: the respondents' indices in local-row order. */
  memberIndex: [Int32Array, Int32Array];
  /** Per population code: the region code of each local row (the row's domain). */
  rowDomains: [Int32Array, Int32Array];
}

export function layOutPopulations(respondents: readonly Respondent[]): PopulationLayout {
  const populationCode = new Uint8Array(respondents.length);
  const localRow = new Int32Array(respondents.length);
  const counts: [number, number] = [0, 0];
  const regionSet = new Set<string>();
  respondents.forEach((respondent, index) => {
    const code = respondent.population === 'industry' ? 0 : 1;
    populationCode[index] = code;
    localRow[index] = counts[code]++;
    regionSet.add(respondent.region);
  });
  const regions = [...regionSet].sort();
  const regionCode = new Map(regions.map((region, index) => [region, index]));
  const memberIndex: [Int32Array, Int32Array] = [new Int32Array(counts[0]), new Int32Array(counts[1])];
  const rowDomains: [Int32Array, Int32Array] = [new Int32Array(counts[0]), new Int32Array(counts[1])];
  respondents.forEach((respondent, index) => {
    memberIndex[populationCode[index]][localRow[index]] = index;
    rowDomains[populationCode[index]][localRow[index]] = regionCode.get(respondent.region)!;
  });
  return { populationCode, localRow, counts, regions, regionCode, memberIndex, rowDomains };
}
