/**
 * Curriculum profiles in a framework's units (docs/frameworks.md): an educator may describe a
 * programme per CSEC2017 knowledge area, CyBOK knowledge area or ECSF role profile (any framework of
 * data/frameworks/, or a wave's own) instead of per competency. The comparison then
 *
 *   unit coverage ──through the crosswalk──▶ competency coverage (mean over the rated units the
 *     competency maps to; unrated where it has no home) ──compareCurriculum──▶ competency actions
 *   unit coverage + the wave's roll-up of the same units (industry importance composite, region
 *     fallback as for competencies) ──rankUnitActions──▶ actions ranked per unit of that framework
 *
 * A competency profile can be ranked per unit too: the unit's coverage is then the mean coverage of
 * its competencies the profile rates (`unitCoverageFromCompetencies`). Either way the unit ranking
 * uses the same formulas as the competency ranking (gap = demand − coverage, priority = demand × gap).
 */
import type { Competency, FrameworkEstimateRow, FrameworkRollup } from '../../contracts/types.ts';
import type { ResolvedFramework } from '../../contracts/frameworks/load-frameworks.ts';
import { competenciesOfUnits } from '../../contracts/frameworks/load-frameworks.ts';
import { borichMwds } from '../../stages/analyse/stats/borich-mwds.ts';
import type { ProfileCompetency } from './curriculum-profile.ts';

/** The framework's units dressed as competencies, ids lower-cased as validateProfile compares them. */
export function unitsAsCompetencies(framework: ResolvedFramework): Competency[] {
  return framework.definition.units.map((unit) => ({
    id: unit.id.toLowerCase(), label: unit.name, kind: 'technical', description: unit.name, crosswalk: { nice: [], ecsf: [], csec2017: [], cybok: [] },
  }));
}

/** Back from validateProfile's lower-cased ids to the framework's own spelling. */
export function restoreUnitIds(entries: ProfileCompetency[], framework: ResolvedFramework): ProfileCompetency[] {
  const byLower = new Map(framework.definition.units.map((unit) => [unit.id.toLowerCase(), unit.id]));
  return entries.map((entry) => ({ ...entry, competency: byLower.get(entry.competency) ?? entry.competency }));
}

/** How one competency's coverage was derived from the units. */
export interface CrosswalkNote {
  competency: string;
  units: string[];
  coverage: number | null;
  how: string;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Unit coverage → competency coverage: the mean of the rated units each competency maps to. */
export function profileThroughCrosswalk(units: readonly ProfileCompetency[], framework: ResolvedFramework, competencies: readonly Competency[]): { competencies: ProfileCompetency[]; notes: CrosswalkNote[] } {
  const coverageOf = new Map(units.map((entry) => [entry.competency, entry.coverage]));
  const entries: ProfileCompetency[] = [];
  const notes: CrosswalkNote[] = [];
  const name = framework.definition.shortName ?? framework.definition.id;
  for (const competency of competencies) {
    const mapped = framework.unitsOfCompetency.get(competency.id) ?? [];
    const rated = mapped.filter((unit) => typeof coverageOf.get(unit) === 'number');
    const coverage = rated.length > 0 ? mean(rated.map((unit) => coverageOf.get(unit)!)) : null;
    const how = mapped.length === 0
      ? `no home in ${name}: not rated (${framework.noHome.get(competency.id) ?? ''})`
      : rated.length === 0
        ? `maps to ${mapped.join(', ')}, none rated in the profile: not rated`
        : rated.length === 1
          ? `coverage of ${rated[0]}`
          : `mean coverage of ${rated.join(', ')}`;
    entries.push({ competency: competency.id, coverage, hours: null, ects: null });
    notes.push({ competency: competency.id, units: mapped, coverage, how });
  }
  return { competencies: entries, notes };
}

/** Competency coverage → unit coverage: the mean coverage of the unit's competencies the profile rates. */
export function unitCoverageFromCompetencies(entries: readonly ProfileCompetency[], framework: ResolvedFramework): ProfileCompetency[] {
  const coverageOf = new Map(entries.map((entry) => [entry.competency, entry.coverage]));
  const members = competenciesOfUnits(framework);
  return framework.definition.units.map((unit) => {
    const rated = (members.get(unit.id) ?? []).map((competency) => coverageOf.get(competency)).filter((value): value is number => typeof value === 'number');
    return { competency: unit.id, coverage: rated.length > 0 ? mean(rated) : null, hours: null, ects: null };
  });
}

export interface UnitActionRow {
  rank: number | null;
  unit: string;
  name: string;
  /** Competencies of the survey in the unit. */
  competencies: string[];
  demandMean: number | null;
  demandCiLow: number | null;
  demandCiHigh: number | null;
  demandN: number | null;
  basis: string;
  coverage: number | null;
  gap: number | null;
  priority: number | null;
  note: '' | 'not_rated' | 'demand_suppressed' | 'no_competency';
}

/**
 * Actions per unit: demand D_u = industry's weighted mean importance composite of the unit in the
 * first region of the chain where it is published (n ≥ minN, not suppressed), gap = D_u − C_u,
 * priority = D_u · (D_u − C_u); ranked by priority, then gap, then demand, then framework order.
 */
export function rankUnitActions(input: { rollup: FrameworkRollup; unitCoverage: readonly ProfileCompetency[]; regionChain: readonly string[]; minN: number }): UnitActionRow[] {
  const { rollup, minN } = input;
  const demand = new Map<string, FrameworkEstimateRow>();
  for (const row of rollup.rows) if (row.population === 'industry' && row.measure === 'importance') demand.set(`${row.region}\u0000${row.unit}`, row);
  const published = (row: FrameworkEstimateRow | undefined): row is FrameworkEstimateRow => row !== undefined && !row.suppressed && Number.isFinite(row.mean) && row.n >= minN;
  const units = [...rollup.units, ...rollup.unmappedUnits.map((unit) => ({ ...unit, competencies: [] as string[] }))];
  const rows: UnitActionRow[] = [];
  for (const entry of input.unitCoverage) {
    const unit = units.find((candidate) => candidate.id === entry.competency);
    if (!unit) continue;
    const basis = input.regionChain.find((region) => published(demand.get(`${region}\u0000${unit.id}`))) ?? '';
    const cell = basis ? demand.get(`${basis}\u0000${unit.id}`)! : undefined;
    const gap = cell && entry.coverage !== null ? cell.mean - entry.coverage : null;
    rows.push({
      rank: null, unit: unit.id, name: unit.name, competencies: unit.competencies,
      demandMean: cell ? cell.mean : null, demandCiLow: cell ? cell.ciLow : null, demandCiHigh: cell ? cell.ciHigh : null, demandN: cell ? cell.n : null, basis,
      coverage: entry.coverage, gap, priority: cell && gap !== null ? borichMwds(cell.mean, gap) : null,
      note: unit.competencies.length === 0 ? 'no_competency' : entry.coverage === null ? 'not_rated' : cell ? '' : 'demand_suppressed',
    });
  }
  const order = new Map(units.map((unit, index) => [unit.id, index]));
  const ranked = rows.filter((row) => row.priority !== null)
    .sort((a, b) => b.priority! - a.priority! || b.gap! - a.gap! || b.demandMean! - a.demandMean! || order.get(a.unit)! - order.get(b.unit)!);
  ranked.forEach((row, index) => (row.rank = index + 1));
  return [...ranked, ...rows.filter((row) => row.priority === null)];
}
