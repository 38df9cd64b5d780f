/**
 * The disclosure rule: one definition of "publishable" for the analysis, which suppresses by it
 * (stages/analyse/disclosure/), and for render and the commands, which word and count suppressed
 * cells by it. Methods: docs/methods.md, "Small-cell suppression".
 */
import type { EstimateRow, WaveConfig } from '../types.ts';

/**
 * What the disclosure-control verbs need to know: the threshold k, whether Kish's effective n is
 * held to it too, how wide the feasible interval of a suppressed cell must stay (a share of the
 * value's a-priori range), and the answer scale (the a-priori range of means).
 */
export interface DisclosureRule {
  /** Primary rule: a cell with fewer than minN respondents with a value is suppressed. */
  minN: number;
  /** Also suppress a cell whose Kish effective n, (Σw)²/Σw², is below minN. */
  useEffectiveN: boolean;
  /** A primary-suppressed mean's feasible interval must cover at least this share of its a-priori range. */
  protectionShare: number;
  scale: { min: number; max: number };
}

export const DEFAULT_PROTECTION_SHARE = 0.5;

export function disclosureRuleOf(config: WaveConfig, scale: { min: number; max: number }): DisclosureRule {
  return {
    minN: config.suppression.minN,
    useEffectiveN: config.suppression.effectiveN ?? false,
    protectionShare: config.suppression.protectionShare ?? DEFAULT_PROTECTION_SHARE,
    scale,
  };
}

/** Flags of suppressed rows, by the rule that suppressed them. */
export const PRIMARY_FLAGS = ['suppressed_small_n', 'suppressed_low_effective_n'] as const;
export const SECONDARY_FLAG = 'suppressed_secondary';
export const DERIVED_FLAG = 'suppressed_derived';

export const isPrimaryFlag = (flag: string) => (PRIMARY_FLAGS as readonly string[]).includes(flag);

/** How many estimate rows each rule suppressed. */
export interface SuppressionCounts {
  primary: number;
  secondary: number;
  derived: number;
  published: number;
}

export function countSuppressedRows(rows: readonly Pick<EstimateRow, 'suppressed' | 'flag'>[]): SuppressionCounts {
  const counts = { primary: 0, secondary: 0, derived: 0, published: 0 };
  for (const row of rows) {
    if (!row.suppressed) counts.published++;
    else if (isPrimaryFlag(row.flag)) counts.primary++;
    else if (row.flag === SECONDARY_FLAG) counts.secondary++;
    else counts.derived++;
  }
  return counts;
}

/**
 * The suppression unit of a row: one population's answers in one region × competency. Every
 * measure and answer distribution of a unit comes from the same respondents (a gap is close to
 * importance − preparedness, a distribution gives the unweighted mean), so a unit is published or
 * suppressed as a whole. The curriculum gap (population `both`) belongs to two units.
 */
export function unitsOfRow(row: Pick<EstimateRow, 'population' | 'region' | 'competency'>): string[] {
  const populations = row.population === 'both' ? ['industry', 'education'] : [row.population];
  return populations.map((population) => unitKey(population, row.region, row.competency));
}

export function unitKey(population: string, region: string, competency: string): string {
  return `${population}\u0000${region}\u0000${competency}`;
}

/** A total and the parts that add up to it (e.g. Global and the regions; a region and its countries). */
export interface Relation {
  total: string;
  parts: string[];
}

/** Global over every other region of the rows: the one relation of a wave's analysis tables. */
export function globalOverRegions(rows: readonly Pick<EstimateRow, 'region'>[], globalRegion = 'Global'): Relation[] {
  const parts = [...new Set(rows.map((row) => row.region))].filter((region) => region !== globalRegion).sort();
  return rows.some((row) => row.region === globalRegion) ? [{ total: globalRegion, parts }] : [];
}
