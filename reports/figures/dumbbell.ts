/**
 * A dumbbell chart: per competency, two means with their 95% CIs joined by a line, sorted by the
 * difference between them (largest first). Shared by `importance-vs-preparedness` and
 * `curriculum-gap`, which differ only in which two estimates they compare. The two ends differ
 * in colour and shape, so the chart reads in greyscale.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { EstimatePopulation, Measure } from '../../pipeline/types.ts';
import { publishableEstimates, roundForChart } from '../figure-data.ts';
import type { ReportInput } from '../report-input.ts';
import { chartConfig, competencyLabel } from '../theme.ts';

export interface DumbbellEnd {
  population: EstimatePopulation;
  measure: Measure;
  /** Legend label, e.g. `Importance (industry)`. */
  label: string;
  colour: string;
  shape: 'circle' | 'square' | 'triangle-up' | 'diamond';
}

export interface DumbbellOptions {
  title: string;
  subtitle: string[];
  region: string;
  /** The end the difference is taken from (high − low): `high.mean − low.mean`. */
  high: DumbbellEnd;
  low: DumbbellEnd;
  xTitle: string;
}

export function buildDumbbell(input: ReportInput, options: DumbbellOptions): TopLevelSpec {
  const highRows = publishableEstimates(input.analysis, options.high.population, options.high.measure, options.region);
  const lowRows = publishableEstimates(input.analysis, options.low.population, options.low.measure, options.region);
  const pairs = input.competencies.flatMap((competency) => {
    const high = highRows.find((row) => row.competency === competency.id);
    const low = lowRows.find((row) => row.competency === competency.id);
    if (!high || !low || high.suppressed || low.suppressed) return [];
    return [{ competency: competency.label, high, low, difference: high.mean! - low.mean! }];
  });
  pairs.sort((a, b) => b.difference - a.difference || a.competency.localeCompare(b.competency, 'en'));
  const order = pairs.map((pair) => pair.competency);
  const wide = pairs.map((pair) => ({ competency: pair.competency, from: roundForChart(pair.low.mean), to: roundForChart(pair.high.mean) }));
  const long = pairs.flatMap((pair) =>
    [
      [options.high, pair.high],
      [options.low, pair.low],
    ].map(([end, row]) => {
      const estimate = row as (typeof pairs)[number]['high'];
      return {
        competency: pair.competency,
        series: (end as DumbbellEnd).label,
        mean: roundForChart(estimate.mean),
        ciLow: roundForChart(estimate.ciLow ?? estimate.mean),
        ciHigh: roundForChart(estimate.ciHigh ?? estimate.mean),
        n: estimate.n,
      };
    }),
  );
  const left = Math.min(...long.map((row) => row.ciLow ?? 5), 5);
  const right = Math.max(...long.map((row) => row.ciHigh ?? 1), 1);
  const domain = [Math.floor(left * 2) / 2, Math.ceil(right * 2) / 2];
  const y = { field: 'competency', type: 'nominal' as const, sort: order, title: null };
  const series = {
    field: 'series',
    type: 'nominal' as const,
    title: null,
    scale: { domain: [options.high.label, options.low.label], range: [options.high.colour, options.low.colour] },
    legend: { orient: 'bottom' as const, direction: 'horizontal' as const, title: null },
  };
  const hiddenCount = input.competencies.length - pairs.length;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: chartConfig,
    title: {
      text: options.title,
      subtitle: hiddenCount > 0 ? [...options.subtitle, `${hiddenCount} competenc${hiddenCount === 1 ? 'y' : 'ies'} not shown: suppressed (n < ${input.config.suppression.minN}).`] : options.subtitle,
    },
    width: 360,
    height: { step: 20 },
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
              tooltip: [{ field: 'competency' }, { field: 'series' }, { field: 'mean', format: '.2f' }, { field: 'n' }],
            },
          },
        ],
      },
    ],
  };
}
