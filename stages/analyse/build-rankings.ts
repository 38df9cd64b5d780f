import type { Quadrant, ScoredRankingRow, WaveConfig } from '../../contracts/types.ts';
import type { DomainMeans } from './stats/index.ts';
import { borichMwds, importancePerformanceQuadrant, ipaCrosshair } from './stats/index.ts';

/**
 * Rankings per region block (and Global): Borich MWDS on the industry preparedness gap
 * (Ī_k,w · D̄_k,w), rank 1 = largest need among the block's non-suppressed competencies (ties
 * mid-ranked), the marginal and simultaneous 95% confidence sets for the rank (integer bounds,
 * stats/mwds-rank-sets.ts, computed by the caller), the IPA quadrant (x = preparedness,
 * y = importance; crosshair from config.analysis.ipaCrosshair) and the ranked-discrepancy score.
 * Suppressed cells (eligible = 0) get NaN values and no quadrant: nothing derived from them shows.
 */
export function buildRankings(input: {
  wave: string;
  blocks: string[];
  competencies: string[];
  config: WaveConfig;
  scale: { min: number; max: number };
  industry: { importanceMeans: DomainMeans; otherMeans: DomainMeans; gapMeans: DomainMeans };
  eligible: Uint8Array;
  /** 95% confidence sets for the rank per (block, competency) cell, NaN where not eligible. */
  rankSets: { marginalLow: Float64Array; marginalHigh: Float64Array; simultaneousLow: Float64Array; simultaneousHigh: Float64Array };
  rankedDiscrepancy: Float64Array;
}): ScoredRankingRow[] {
  const { blocks, competencies, config, industry, eligible } = input;
  const K = competencies.length;
  const sets = input.rankSets;
  const rows: ScoredRankingRow[] = [];
  for (let block = 0; block < blocks.length; block++) {
    const offset = block * K;
    const mwds = new Float64Array(K).fill(NaN);
    const importance = new Float64Array(K).fill(NaN);
    const preparedness = new Float64Array(K).fill(NaN);
    for (let k = 0; k < K; k++) {
      if (!eligible[offset + k]) continue;
      mwds[k] = borichMwds(industry.importanceMeans.mean[offset + k], industry.gapMeans.mean[offset + k]);
      importance[k] = industry.importanceMeans.mean[offset + k];
      preparedness[k] = industry.otherMeans.mean[offset + k];
    }
    const ranks = midRanksDescending(mwds);
    const crosshair = ipaCrosshair(importance, preparedness, config.analysis.ipaCrosshair, input.scale);
    for (let k = 0; k < K; k++) {
      const cell = offset + k;
      const shown = eligible[cell] === 1;
      rows.push({
        wave: input.wave, region: blocks[block], competency: competencies[k],
        mwds: shown ? mwds[k] : NaN, rank: shown ? ranks[k] : NaN,
        rankCiLow: shown ? sets.marginalLow[cell] : NaN, rankCiHigh: shown ? sets.marginalHigh[cell] : NaN,
        rankSimultaneousLow: shown ? sets.simultaneousLow[cell] : NaN, rankSimultaneousHigh: shown ? sets.simultaneousHigh[cell] : NaN,
        quadrant: shown ? (importancePerformanceQuadrant(importance[k], preparedness[k], crosshair) as Quadrant | '') : '',
        suppressed: !shown,
        rankedDiscrepancy: shown ? input.rankedDiscrepancy[cell] : NaN,
      });
    }
  }
  return rows;
}

/** Rank 1 = largest; ties share the mean of their ranks; NaN stays NaN and is not counted. */
function midRanksDescending(scores: Float64Array): Float64Array {
  const ranks = new Float64Array(scores.length).fill(NaN);
  const order = [...scores.keys()].filter((k) => Number.isFinite(scores[k])).sort((a, b) => scores[b] - scores[a]);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && scores[order[end]] === scores[order[start]]) end++;
    for (let position = start; position < end; position++) ranks[order[position]] = (start + 1 + end) / 2;
    start = end;
  }
  return ranks;
}
