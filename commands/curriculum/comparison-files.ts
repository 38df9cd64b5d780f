/**
 * The comparison as the files an educator opens: comparison.csv (one row per competency, ranked,
 * the same rows as the PDF's action list, spreadsheet-safe through io/csv-write.ts) and
 * comparison.json (the same rows plus the profile and the region chain). Numbers are written
 * unrounded; the PDF rounds them with stages/render/format.ts.
 */
import { formatCsv } from '../../io/csv-write.ts';
import type { CurriculumComparison, FrameworkActions } from './compare-curriculum.ts';

export const COMPARISON_COLUMNS = [
  'rank', 'competency', 'label', 'kind', 'demand_mean', 'demand_ci_low', 'demand_ci_high', 'demand_n', 'basis',
  'coverage', 'hours', 'ects', 'gap', 'priority', 'peer_percentile', 'peer_n', 'peer_basis', 'note',
] as const;

export function comparisonToCsv(comparison: CurriculumComparison): string {
  return formatCsv(
    COMPARISON_COLUMNS,
    comparison.rows.map((row) => [
      row.rank, row.competency, row.label, row.kind, row.demandMean, row.demandCiLow, row.demandCiHigh, row.demandN, row.basis,
      row.coverage, row.hours, row.ects, row.gap, row.priority, row.peerPercentile, row.peerN, row.peerBasis,
      [row.note, row.demandLowReliability ? 'low_reliability' : ''].filter(Boolean).join(';'),
    ]),
  );
}

export interface ComparisonDocument extends CurriculumComparison {
  wave: string;
  regionScheme: string;
  suppression: { minN: number; lowReliabilityN: number };
  scale: { min: number; max: number };
  formulas: Record<string, string>;
}

export const FORMULAS = {
  gap: 'demand_mean − coverage',
  priority: 'demand_mean × (demand_mean − coverage)  (Borich 1980 weighted discrepancy, one programme)',
  peer_percentile: '100 × (below + 0.5 × equal) / peer_n  (mid-rank percentile among the basis region\'s education respondents)',
  basis: 'first region of region_chain whose industry importance cell has n ≥ suppression.minN and is not suppressed',
};

export function comparisonToJson(document: ComparisonDocument): string {
  return JSON.stringify(document, null, 2) + '\n';
}

export const FRAMEWORK_ACTION_COLUMNS = [
  'rank', 'framework', 'unit', 'name', 'competencies', 'demand_mean', 'demand_ci_low', 'demand_ci_high', 'demand_n', 'basis', 'coverage', 'gap', 'priority', 'note',
] as const;

/** comparison-<framework>.csv: the actions ranked per unit of the chosen framework. */
export function frameworkActionsToCsv(actions: FrameworkActions): string {
  return formatCsv(
    FRAMEWORK_ACTION_COLUMNS,
    actions.rows.map((row) => [
      row.rank, actions.framework, row.unit, row.name, row.competencies.join(';'), row.demandMean, row.demandCiLow, row.demandCiHigh, row.demandN, row.basis,
      row.coverage, row.gap, row.priority, row.note,
    ]),
  );
}
