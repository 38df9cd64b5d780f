/**
 * A dumbbell chart: per competency, two means with their 95% CIs joined by a line, sorted by the
 * difference between them (largest first). Shared by `importance-vs-preparedness`,
 * `curriculum-gap` (two estimates of an analysis, `buildDumbbell`) and the curriculum report's
 * chart (ready-made pairs, `buildDumbbellChart`). The two ends differ in colour and shape, so the
 * chart reads in greyscale; long competency names wrap onto two lines.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { EstimatePopulation, Measure } from '../../../contracts/types.ts';
import { publishableEstimates, publishedPairs, roundForChart } from '../figure-data.ts';
import type { FigureInput } from '../report-input.ts';
import { chartConfigFor, competencyRowStep, wrappedLabelAxis } from '../theme.ts';
import { translator } from '../i18n/translator.ts';
import { tooltipField } from './tooltip-fields.ts';

/** How one end of the dumbbell is drawn. */
export interface DumbbellEndStyle {
  /** Legend label, e.g. `Importance (industry)`. */
  label: string;
  colour: string;
  shape: 'circle' | 'square' | 'triangle-up' | 'diamond';
}

/** Which estimate of an analysis one end shows. */
export interface DumbbellEnd extends DumbbellEndStyle {
  population: EstimatePopulation;
  measure: Measure;
}

/** One end's value: a published mean with its interval (null bounds draw no whisker) and n for the tooltip. */
export interface DumbbellValue {
  mean: number;
  ciLow: number | null;
  ciHigh: number | null;
  n: number | null;
}

/** One row of the chart; `label` is the competency name shown on the axis. */
export interface DumbbellPair {
  label: string;
  high: DumbbellValue;
  low: DumbbellValue;
}

export interface DumbbellChartOptions {
  title: string;
  subtitle: string[];
  /** The end the difference is taken from (high − low): `high.mean − low.mean`. */
  high: DumbbellEndStyle;
  low: DumbbellEndStyle;
  xTitle: string;
  /** Output language (number locale of the chart); default English. */
  language?: string;
}

export interface DumbbellOptions extends DumbbellChartOptions {
  region: string;
  high: DumbbellEnd;
  low: DumbbellEnd;
}

/** The chart from ready-made pairs (only published values: the caller has applied suppression). */
export function buildDumbbellChart(pairs: readonly DumbbellPair[], options: DumbbellChartOptions): TopLevelSpec {
  const sorted = pairs
    .map((pair) => ({ ...pair, difference: pair.high.mean - pair.low.mean }))
    .sort((a, b) => b.difference - a.difference || a.label.localeCompare(b.label, 'en'));
  const order = sorted.map((pair) => pair.label);
  const wide = sorted.map((pair) => ({ competency: pair.label, from: roundForChart(pair.low.mean), to: roundForChart(pair.high.mean) }));
  const long = sorted.flatMap((pair) =>
    ([[options.high, pair.high], [options.low, pair.low]] as const).map(([end, value]) => ({
      competency: pair.label,
      series: end.label,
      mean: roundForChart(value.mean),
      ciLow: roundForChart(value.ciLow ?? value.mean),
      ciHigh: roundForChart(value.ciHigh ?? value.mean),
      n: value.n,
    })),
  );
  const left = Math.min(...long.map((row) => row.ciLow ?? 5), 5);
  const right = Math.max(...long.map((row) => row.ciHigh ?? 1), 1);
  const domain = [Math.floor(left * 2) / 2, Math.ceil(right * 2) / 2];
  const tr = translator(options.language);
  const y = { field: 'competency', type: 'nominal' as const, sort: order, title: null, axis: wrappedLabelAxis };
  const series = {
    field: 'series',
    type: 'nominal' as const,
    title: null,
    scale: { domain: [options.high.label, options.low.label], range: [options.high.colour, options.low.colour] },
    legend: { orient: 'bottom' as const, direction: 'horizontal' as const, title: null },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: chartConfigFor(tr),
    title: { text: options.title, subtitle: options.subtitle },
    width: 360,
    height: { step: competencyRowStep(order) },
    layer: [
      {
        data: { values: wide },
        mark: { type: 'rule', color: '#9e9e9e', strokeWidth: 2 },
        encoding: { y, x: { field: 'from', type: 'quantitative', scale: { domain, zero: false }, title: options.xTitle }, x2: { field: 'to' } },
      },
      {
        data: { values: long },
        layer: [
          {
            mark: { type: 'rule', strokeWidth: 1.5 },
            encoding: { y, x: { field: 'ciLow', type: 'quantitative' }, x2: { field: 'ciHigh' }, color: series },
          },
          {
            mark: { type: 'point', filled: true, size: 60, opacity: 1 },
            encoding: {
              y,
              x: { field: 'mean', type: 'quantitative' },
              color: series,
              shape: { field: 'series', type: 'nominal', scale: { domain: [options.high.label, options.low.label], range: [options.high.shape, options.low.shape] }, legend: { orient: 'bottom', direction: 'horizontal', title: null } },
              tooltip: [tooltipField(tr, 'competency'), tooltipField(tr, 'series'), tooltipField(tr, 'mean', { format: '.2f' }), tooltipField(tr, 'n')],
            },
          },
        ],
      },
    ],
  };
}

/** The chart of two estimates of the analysis in one region; competencies suppressed on either side are left out and counted in the subtitle. */
export function buildDumbbell(input: FigureInput, options: DumbbellOptions): TopLevelSpec {
  const pairs = publishedPairs(
    input.competencies,
    publishableEstimates(input.analysis, options.high.population, options.high.measure, options.region),
    publishableEstimates(input.analysis, options.low.population, options.low.measure, options.region),
  );
  const notAskedIds = new Set(
    [publishableEstimates(input.analysis, options.high.population, options.high.measure, options.region), publishableEstimates(input.analysis, options.low.population, options.low.measure, options.region)]
      .flat().filter((cell) => cell.notAsked).map((cell) => cell.competency),
  );
  const shown = new Set(pairs.map((pair) => pair.competency.id));
  const notAsked = input.competencies.filter((competency) => notAskedIds.has(competency.id) && !shown.has(competency.id)).length;
  const hiddenCount = input.competencies.length - pairs.length - notAsked;
  const tr = translator(input.config.language);
  const competencies = (count: number) => tr.tp('figure.competencies', count);
  const notes = [
    ...(hiddenCount > 0 ? [tr.t('figure.hiddenSuppressed', { competencies: competencies(hiddenCount) })] : []),
    ...(notAsked > 0 ? [tr.t('figure.hiddenNotAsked', { competencies: competencies(notAsked) })] : []),
  ];
  const subtitle = notes.length > 0 ? [...options.subtitle, ...notes] : options.subtitle;
  return buildDumbbellChart(
    pairs.map((pair) => ({ label: pair.competency.label, high: pair.first, low: pair.second })),
    { ...options, subtitle, language: input.config.language },
  );
}
