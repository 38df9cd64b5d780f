/**
 * `likert-<population>`: diverging stacked bars of the answer distribution per competency (Heiberger
 * & Robbins 2014, "Design of diverging stacked bar charts for Likert scales and other
 * applications", J. Stat. Softw. 57(5), doi:10.18637/jss.v057.i05), one panel per dimension the
 * population rated (industry: importance and preparedness; education: importance and coverage),
 * Global, competencies in framework order.
 *
 * Each bar is the distribution of the answers with a value (missing answers such as "don't know"
 * are left out and counted in the subtitle): weighted (shares of the sum of final weights) when the
 * wave's weights vary, unweighted otherwise; `analysis.weightedDistributions` (true/false) in the
 * wave config overrides. The unweighted count of answers stays beside each bar (tooltip, subtitle). Answers below the scale midpoint go
 * left of zero, answers above it right, and a midpoint answer (odd scales) is split half and half
 * across zero, so a bar's position reads as the balance of opinion. Segment ends are computed
 * here (x = start share, x2 = end share), so the spec is plain data a reader can edit.
 * Suppressed cells (fewer than minN answers with a value) are not drawn and are counted in the
 * subtitle.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult, Dimension, DistributionRow, Population } from '../../../contracts/types.ts';
import { roundForChart } from '../figure-data.ts';
import { DEFAULT_SCALE, type FigureInput } from '../report-input.ts';
import { translator } from '../i18n/translator.ts';
import { chartConfigFor, competencyLabelOrder, competencyRowStep, wrappedLabelAxis } from '../theme.ts';
import { tooltipField } from './tooltip-fields.ts';

/** The dimensions each population rates, in panel order. */
export const LIKERT_DIMENSIONS: Record<Population, Dimension[]> = {
  industry: ['importance', 'preparedness'],
  education: ['importance', 'coverage'],
};

const DIMENSION_TITLES: Record<Dimension, string> = {
  importance: 'Importance',
  preparedness: 'Preparedness of graduates',
  coverage: 'Curriculum coverage',
};

/**
 * ColorBrewer PuOr (Brewer 2002, colour-blind safe), its white centre made light grey so the
 * midpoint segment shows on white paper; light at the midpoint and dark at both ends;
 * in greyscale the side of zero tells the two ends apart.
 */
const DIVERGING = ['#b35806', '#e08214', '#fdb863', '#fee0b6', '#d4d4d4', '#d8daeb', '#b2abd2', '#8073ac', '#542788'];

/** `points` colours from the diverging palette, symmetric about its centre. */
function divergingColours(points: number): string[] {
  const centre = (DIVERGING.length - 1) / 2;
  const half = Math.floor(points / 2);
  const step = Math.max(1, Math.floor(centre / Math.max(1, half)));
  const left = Array.from({ length: half }, (_, index) => DIVERGING[centre - (half - index) * step]!);
  const right = Array.from({ length: half }, (_, index) => DIVERGING[centre + (index + 1) * step]!);
  return points % 2 === 1 ? [...left, DIVERGING[centre]!, ...right] : [...left, ...right];
}

/** The distribution rows of one population in one region (Global by default; all of them, suppressed included). */
export function likertRows(analysis: AnalysisResult, population: Population, region = 'Global'): DistributionRow[] {
  const dimensions = LIKERT_DIMENSIONS[population];
  return (analysis.distributions ?? []).filter((row) => row.region === region && row.population === population && dimensions.includes(row.dimension));
}

/** Whether the analysis has anything to draw for this population. */
export function hasLikertData(analysis: AnalysisResult, population: Population, region = 'Global'): boolean {
  return likertRows(analysis, population, region).some((row) => !row.suppressed);
}

export interface LikertSegment {
  competency: string;
  dimension: string;
  answer: string;
  start: number;
  end: number;
  share: number;
  n: number;
}

/**
 * Segment ends of one distribution: shares of the answers with a value; those below the midpoint
 * stacked leftwards from zero, those above rightwards, the midpoint (odd scales) centred on zero.
 */
export function likertSegments(counts: readonly number[], scaleMin: number): { answer: string; start: number; end: number; share: number }[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return [];
  const shares = counts.map((count) => count / total);
  const middle = (counts.length - 1) / 2;
  const neutralHalf = counts.length % 2 === 1 ? shares[middle]! / 2 : 0;
  let cursor = -(shares.slice(0, Math.floor(middle + 0.5)).reduce((sum, share) => sum + share, 0) + neutralHalf);
  return shares.map((share, index) => {
    const segment = { answer: String(scaleMin + index), start: cursor, end: cursor + share, share };
    cursor += share;
    return segment;
  });
}

/**
 * Whether the Likert bars show weighted shares: the wave config's `analysis.weightedDistributions`
 * when set, else whenever a population's weights vary (Kish design effect above 1) or were raked.
 */
export function likertWeighted(input: Pick<FigureInput, 'analysis' | 'config'>): boolean {
  const setting = (input.config.analysis as { weightedDistributions?: boolean }).weightedDistributions;
  if (typeof setting === 'boolean') return setting;
  return input.analysis.weighting.some((row) => row.designEffect > 1 + 1e-9) || (input.analysis.marginFit ?? []).length > 0;
}

export function buildLikert(input: FigureInput, population: Population, region = 'Global'): TopLevelSpec {
  const minN = input.config.suppression.minN;
  const tr = translator(input.config.language);
  const { t, tp } = tr;
  const dimensionTitle = (dimension: Dimension) => (tr.lang === 'en' ? DIMENSION_TITLES[dimension] : t(`likert.dimension.${dimension}`));
  const weighted = likertWeighted(input);
  const scale = input.scale ?? DEFAULT_SCALE;
  const labels = new Map(input.competencies.map((competency) => [competency.id, competency.label]));
  const rows = likertRows(input.analysis, population, region);
  const shown = rows.filter((row) => !row.suppressed && row.counts.length > 0);
  const suppressedCount = rows.length - shown.length;
  const missing = shown.reduce((sum, row) => sum + row.missing, 0);
  const answered = shown.reduce((sum, row) => sum + row.counts.reduce((total, count) => total + count, 0), 0);
  const values: LikertSegment[] = shown.flatMap((row) => {
    const n = row.counts.reduce((sum, count) => sum + count, 0);
    const shares = weighted && row.weightedCounts && row.weightedCounts.length === row.counts.length ? row.weightedCounts : row.counts;
    return likertSegments(shares, scale.min).map((segment) => ({
      competency: labels.get(row.competency) ?? row.competency,
      dimension: dimensionTitle(row.dimension),
      answer: segment.answer,
      start: roundForChart(segment.start)!,
      end: roundForChart(segment.end)!,
      share: roundForChart(segment.share)!,
      n,
    }));
  });
  const answers = Array.from({ length: scale.max - scale.min + 1 }, (_, index) => String(scale.min + index));
  const order = competencyLabelOrder(input.competencies).filter((label) => values.some((value) => value.competency === label));
  const subtitle = [
    t('likert.subtitle1', {
      region: tr.region(region),
      weighting: weighted ? t('likert.weighted') : t('likert.unweighted'),
      min: scale.min,
      max: scale.max,
      midpoint: answers.length % 2 === 1 ? t('likert.midpoint', { midpoint: answers[(answers.length - 1) / 2]! }) : '',
    }),
    tp('likert.missing', missing, { answered: tr.integer(answered), unweighted: weighted ? t('likert.unweightedCounts') : '' }),
  ];
  if (suppressedCount > 0) subtitle.push(tp('likert.suppressed', suppressedCount, { minN: tr.integer(minN) }));
  const x = {
    field: 'start', type: 'quantitative' as const, title: t('likert.share'),
    scale: { domain: [-1, 1], nice: false },
    axis: { values: [-1, -0.5, 0, 0.5, 1], labelExpr: "format(abs(datum.value), '.0%')" },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: chartConfigFor(tr),
    title: { text: tr.lang === 'en' ? `How ${population} answered` : t(`likert.title.${population}`), subtitle },
    data: { values },
    facet: { column: { field: 'dimension', type: 'nominal', sort: LIKERT_DIMENSIONS[population].map(dimensionTitle), title: null, header: { labelFontSize: 11, labelFontWeight: 'bold' } } },
    spec: {
      width: 200,
      height: { step: competencyRowStep(order) },
      layer: [
        {
          mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
          encoding: {
            y: { field: 'competency', type: 'nominal', sort: order, title: null, axis: wrappedLabelAxis },
            x,
            x2: { field: 'end' },
            color: { field: 'answer', type: 'ordinal', title: t('likert.answer'), scale: { domain: answers, range: divergingColours(answers.length) }, legend: { orient: 'bottom', direction: 'horizontal' } },
            tooltip: [tooltipField(tr, 'competency'), tooltipField(tr, 'dimension'), tooltipField(tr, 'answer'), tooltipField(tr, 'share', { format: '.0%' }), tooltipField(tr, 'n', { title: weighted ? t('likert.answersUnweighted') : t('likert.answers') })],
          },
        },
        { mark: { type: 'rule', color: '#333333' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
      ],
    },
    resolve: { scale: { y: 'shared' } },
  };
}
