/**
 * The rows figures and tables may show. Suppressed cells keep their place (so a chart can mark
 * them) but never carry their mean, interval or exact small n: the values are dropped here, once,
 * before any spec or table sees them.
 */
import type { AnalysisResult, Competency, EstimatePopulation, Measure } from '../../contracts/types.ts';
import { isPrimaryFlag, SECONDARY_FLAG } from '../../contracts/disclosure/disclosure-rule.ts';

export interface PublishableEstimate {
  region: string;
  competency: string;
  /** Unweighted n; only present when the cell is published. */
  n: number | null;
  mean: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  suppressed: boolean;
  /** The wave did not ask the competency (flag `not_asked`): no value, and not for a small n. */
  notAsked: boolean;
  /** Why a suppressed cell is hidden: `primary` (n < k: "n < k" may be printed), `secondary` or `derived` (nothing about n may be printed). */
  suppressedBy: '' | 'primary' | 'secondary' | 'derived';
  lowReliability: boolean;
}

/** Estimates of one population and measure, suppressed values removed. */
export function publishableEstimates(
  analysis: AnalysisResult,
  population: EstimatePopulation,
  measure: Measure,
  region?: string,
): PublishableEstimate[] {
  return analysis.estimates
    .filter((row) => row.population === population && row.measure === measure && (region === undefined || row.region === region))
    .map((row) => {
      const hidden = row.suppressed || !Number.isFinite(row.mean);
      return {
        region: row.region,
        competency: row.competency,
        n: hidden ? null : row.n,
        mean: hidden ? null : row.mean,
        ciLow: hidden || !Number.isFinite(row.ciLow) ? null : row.ciLow,
        ciHigh: hidden || !Number.isFinite(row.ciHigh) ? null : row.ciHigh,
        suppressed: hidden,
        notAsked: row.flag === 'not_asked',
        suppressedBy: !hidden ? '' : isPrimaryFlag(row.flag) ? 'primary' : row.flag === SECONDARY_FLAG ? 'secondary' : 'derived',
        lowReliability: !hidden && row.flag === 'low_reliability',
      };
    });
}

/** The text a table or chart prints for a suppressed cell's n: "< k" only when the cell itself has n < k. */
export function suppressedNText(cell: Pick<PublishableEstimate, 'suppressedBy'>, minN: number): string {
  return cell.suppressedBy === 'primary' ? `< ${minN}` : '\u2013';
}

/** Rounds for inlined chart data: 3 decimals is finer than any printed value and keeps specs small. */
export function roundForChart(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 1000;
}

/** The regions of an analysis in a stable order: `Global` first, then alphabetical. */
export function regionsOf(analysis: AnalysisResult): string[] {
  const regions = [...new Set(analysis.estimates.map((row) => row.region))].filter((region) => region !== 'Global');
  regions.sort((a, b) => a.localeCompare(b, 'en'));
  return analysis.estimates.some((row) => row.region === 'Global') ? ['Global', ...regions] : regions;
}

/** The two published estimates of one competency that a chart compares (the same competency, two measures or two waves). */
export interface PublishedPair {
  competency: Competency;
  first: PublishableEstimate & { mean: number };
  second: PublishableEstimate & { mean: number };
}

/**
 * Pairs two lists of estimates by competency, in framework order, keeping only competencies
 * published on both sides: a chart that compares two values never shows half a comparison.
 */
export function publishedPairs(competencies: readonly Competency[], first: PublishableEstimate[], second: PublishableEstimate[]): PublishedPair[] {
  return competencies.flatMap((competency) => {
    const one = first.find((row) => row.competency === competency.id);
    const other = second.find((row) => row.competency === competency.id);
    if (!one || !other || one.suppressed || other.suppressed || one.mean === null || other.mean === null) return [];
    return [{ competency, first: one as PublishedPair['first'], second: other as PublishedPair['second'] }];
  });
}
