/**
 * `gap-heatmap`: preparedness gap (industry importance − industry-rated preparedness, BRIEF §3.1
 * `D̄_k`) for every region × competency. Competencies run down the rows in framework order,
 * regions across (Global first). Each cell prints its value, so the chart reads in greyscale;
 * suppressed cells (n < minN) are grey and say so, never blank, and carry no value.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatEstimate } from '../format.ts';
import { publishableEstimates, regionsOf, roundForChart } from '../figure-data.ts';
import type { ReportInput } from '../report-input.ts';
import { GAP_SCHEME, SUPPRESSED_FILL, chartConfig, competencyLabel, competencyLabelOrder, competencyRowStep, wrappedLabelAxis } from '../theme.ts';

export const GAP_HEATMAP_ID = 'gap-heatmap';

/** Largest |gap| among published cells, at least 0.5 so a flat wave is not painted at full strength. */
function symmetricLimit(values: number[]): number {
  return Math.max(0.5, ...values.map((value) => Math.ceil(Math.abs(value) * 10) / 10));
}

export function buildGapHeatmap(input: ReportInput, onlyRegions?: string[]): TopLevelSpec {
  const minN = input.config.suppression.minN;
  const suppressedLabel = 'suppressed';
  const regions = regionsOf(input.analysis).filter((region) => !onlyRegions || onlyRegions.includes(region));
  const cells = publishableEstimates(input.analysis, 'industry', 'gap_preparedness')
    .filter((cell) => regions.includes(cell.region))
    .map((cell) => ({
      region: cell.region,
      competency: competencyLabel(input.competencies, cell.competency),
      gap: roundForChart(cell.mean),
      n: cell.n,
      suppressed: cell.suppressed,
      status: cell.notAsked ? 'not asked' : cell.suppressed ? suppressedLabel : 'published',
      cellText: cell.notAsked ? 'not asked' : cell.suppressed ? (cell.suppressedBy === 'primary' ? `n < ${minN}` : 'suppr.') : `${formatEstimate(cell.mean!)}${cell.lowReliability ? '*' : ''}`,
    }));
  const limit = symmetricLimit(cells.flatMap((cell) => (cell.gap === null ? [] : [cell.gap])));
  const x = { field: 'region', type: 'nominal' as const, sort: regions, title: null, axis: { orient: 'top' as const, labelAngle: -30, labelLimit: 110 } };
  const y = { field: 'competency', type: 'nominal' as const, sort: competencyLabelOrder(input.competencies), title: null, axis: wrappedLabelAxis };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: chartConfig,
    title: {
      text: regions.length === 1 ? `Preparedness gap: ${regions[0]}` : 'Preparedness gap by region and competency',
      subtitle: [
        'Mean importance − mean preparedness (industry ratings).',
        'Positive: graduates less prepared than needed.',
        `* low reliability (n < ${input.config.suppression.lowReliabilityN}); grey: suppressed (n < ${minN}, or hidden so that it cannot be computed back)${cells.some((cell) => cell.status === 'not asked') ? ' or not asked in this wave' : ''}.`,
      ],
    },
    data: { values: cells },
    width: { step: 62 },
    height: { step: competencyRowStep(competencyLabelOrder(input.competencies)) },
    encoding: { x, y },
    layer: [
      {
        transform: [{ filter: 'datum.suppressed == false' }],
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'gap',
            type: 'quantitative',
            title: 'Gap',
            scale: { scheme: GAP_SCHEME, domain: [-limit, limit], domainMid: 0 },
            legend: { orient: 'right', gradientLength: Math.max(60, Math.min(160, regions.length ? 20 * input.competencies.length - 30 : 160)) },
          },
          tooltip: [
            { field: 'competency', title: 'Competency' },
            { field: 'region', title: 'Region' },
            { field: 'gap', title: 'Gap', format: '.2f' },
            { field: 'n', title: 'n' },
          ],
        },
      },
      {
        transform: [{ filter: 'datum.suppressed == true' }],
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          fill: { field: 'status', type: 'nominal', scale: { domain: [suppressedLabel], range: [SUPPRESSED_FILL] }, legend: { title: null, orient: 'right' } },
        },
      },
      {
        mark: { type: 'text', fontSize: 9 },
        encoding: {
          text: { field: 'cellText' },
          color: {
            condition: { test: `datum.gap !== null && abs(datum.gap) > ${(limit * 0.75).toFixed(3)}`, value: 'white' },
            value: '#111111',
          },
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  };
}
