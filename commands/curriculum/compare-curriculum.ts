/**
 * Compares one programme's curriculum profile with what industry in its region demands (pure).
 *
 *   profile ─┐
 *   industry importance estimates of every region of the chain ─┼─▶ one row per competency, ranked
 *   education respondents' coverage answers ─┘
 *
 * Per competency k:
 * - demand D_k: industry's weighted mean importance of k with its 95% CI and unweighted n, from the
 *   analysis stage (design-based, see stages/analyse/stats/domain-means.ts), taken from the first region
 *   of the chain (region-chain.ts: region → wider region → Global) whose cell is published, i.e.
 *   not suppressed and n ≥ the wave's suppression minN. That region is the row's `basis`. When no
 *   region qualifies, demand stays empty: a suppressed value is never shown or used.
 * - coverage C_k: the profile's coverage, on the same answer scale.
 * - gap G_k = D_k − C_k: positive when industry values k more than the programme covers it.
 * - priority P_k = D_k · (D_k − C_k): the Borich (1980) weighted discrepancy with one respondent,
 *   MWDS = Ī · D̄ (stages/analyse/stats/borich-mwds.ts), where importance is industry's regional mean and
 *   the "competence" is the programme's coverage. Weighting the gap by demand puts a gap on a
 *   competency industry values highly before an equal gap on one it values less; a negative P_k
 *   means the programme covers k beyond what industry asks.
 * - peer percentile: the mid-rank percentile (peer-percentile.ts) of C_k among the coverage answers
 *   of education respondents for k in the first region of the chain with at least minN of them
 *   (the row's `peerBasis`); the profile's own answer is left out when it is a survey row.
 *
 * Ranking: rows with a priority, by priority descending, then gap descending, then demand
 * descending, then framework order; every such row gets a distinct rank 1, 2, …. Rows without a
 * priority (competency not rated, or no published demand) follow unranked, in framework order.
 */
import type { Competency, EstimateRow } from '../../contracts/types.ts';
import { borichMwds } from '../../stages/analyse/stats/borich-mwds.ts';
import type { CurriculumProfile } from './curriculum-profile.ts';
import { midRankPercentile } from './peer-percentile.ts';
import type { CrosswalkNote, UnitActionRow } from './framework-profile.ts';

/** One education respondent's coverage answer, with every region of the chain it counts in. */
export interface PeerCoverageAnswer {
  respondentId: string;
  competency: string;
  value: number;
  regions: readonly string[];
}

export interface CurriculumComparisonInput {
  profile: CurriculumProfile;
  /** Framework order. */
  competencies: readonly Competency[];
  /** Regions to try, narrowest first, ending with Global (region-chain.ts). */
  regionChain: readonly string[];
  /** Industry importance estimates of (at least) every region of the chain; other rows are ignored. */
  demand: readonly EstimateRow[];
  peers: readonly PeerCoverageAnswer[];
  suppression: { minN: number; lowReliabilityN: number };
}

export interface CurriculumRow {
  /** 1 = act first; null when the row cannot be ranked (see `note`). */
  rank: number | null;
  competency: string;
  label: string;
  kind: Competency['kind'];
  demandMean: number | null;
  demandCiLow: number | null;
  demandCiHigh: number | null;
  demandN: number | null;
  /** Region whose industry answers give the demand; `` when no region has enough. */
  basis: string;
  /** Fewer than lowReliabilityN industry answers in the basis region. */
  demandLowReliability: boolean;
  coverage: number | null;
  hours: number | null;
  ects: number | null;
  gap: number | null;
  priority: number | null;
  /** Mid-rank percentile 0–100 of the coverage among peers; null when not computable or too few peers. */
  peerPercentile: number | null;
  peerN: number | null;
  peerBasis: string;
  note: '' | 'not_rated' | 'demand_suppressed';
}

export interface CurriculumComparison {
  institution: string;
  programme: string;
  country: string;
  regionChain: string[];
  rows: CurriculumRow[];
  /** Actions ranked per unit of a framework (framework-profile.ts), when one was chosen. */
  byFramework?: FrameworkActions;
}

export interface FrameworkActions {
  framework: string;
  name: string;
  version: string;
  unitLabel: string;
  /** How the unit coverage and the competency coverage were obtained, in words (printed in the report). */
  how: string;
  /** For a profile in units: how each competency's coverage came from the units (crosswalk). */
  crosswalk: CrosswalkNote[];
  rows: UnitActionRow[];
}

const isPublished = (row: EstimateRow | undefined, minN: number): row is EstimateRow =>
  row !== undefined && !row.suppressed && Number.isFinite(row.mean) && row.n >= minN;

export function compareCurriculum(input: CurriculumComparisonInput): CurriculumComparison {
  const { profile, suppression } = input;
  const demandCell = new Map<string, EstimateRow>();
  for (const row of input.demand) {
    if (row.population === 'industry' && row.measure === 'importance') demandCell.set(`${row.region}\u0000${row.competency}`, row);
  }
  const peerValues = new Map<string, number[]>();
  for (const answer of input.peers) {
    if (answer.respondentId === profile.source.respondentId || !Number.isFinite(answer.value)) continue;
    for (const region of answer.regions) {
      const key = `${region}\u0000${answer.competency}`;
      const values = peerValues.get(key) ?? [];
      values.push(answer.value);
      peerValues.set(key, values);
    }
  }

  const rows: CurriculumRow[] = [];
  for (const competency of input.competencies) {
    const entry = profile.competencies.find((item) => item.competency === competency.id);
    if (!entry) continue;
    const basis = input.regionChain.find((region) => isPublished(demandCell.get(`${region}\u0000${competency.id}`), suppression.minN)) ?? '';
    const demand = basis ? demandCell.get(`${basis}\u0000${competency.id}`)! : undefined;
    const coverage = entry.coverage;
    const peerBasis = coverage === null ? '' : (input.regionChain.find((region) => (peerValues.get(`${region}\u0000${competency.id}`)?.length ?? 0) >= suppression.minN) ?? '');
    const peers = peerBasis ? peerValues.get(`${peerBasis}\u0000${competency.id}`)! : [];
    const gap = demand && coverage !== null ? demand.mean - coverage : null;
    rows.push({
      rank: null,
      competency: competency.id,
      label: competency.label,
      kind: competency.kind,
      demandMean: demand ? demand.mean : null,
      demandCiLow: demand && Number.isFinite(demand.ciLow) ? demand.ciLow : null,
      demandCiHigh: demand && Number.isFinite(demand.ciHigh) ? demand.ciHigh : null,
      demandN: demand ? demand.n : null,
      basis,
      demandLowReliability: demand !== undefined && demand.n < suppression.lowReliabilityN,
      coverage,
      hours: entry.hours,
      ects: entry.ects,
      gap,
      priority: demand && gap !== null ? borichMwds(demand.mean, gap) : null,
      peerPercentile: coverage !== null && peerBasis ? midRankPercentile(coverage, peers) : null,
      peerN: peerBasis ? peers.length : null,
      peerBasis,
      note: coverage === null ? 'not_rated' : demand ? '' : 'demand_suppressed',
    });
  }

  const order = new Map(input.competencies.map((competency, index) => [competency.id, index]));
  const ranked = rows
    .filter((row) => row.priority !== null)
    .sort(
      (a, b) =>
        b.priority! - a.priority! || b.gap! - a.gap! || b.demandMean! - a.demandMean! || order.get(a.competency)! - order.get(b.competency)!,
    );
  ranked.forEach((row, index) => (row.rank = index + 1));
  const unranked = rows.filter((row) => row.priority === null);
  return {
    institution: profile.institution,
    programme: profile.programme,
    country: profile.country,
    regionChain: [...input.regionChain],
    rows: [...ranked, ...unranked],
  };
}
