/**
 * `gap-heatmap`: preparedness gap (industry importance − industry-rated preparedness, BRIEF §3.1
 * `D̄_k`) for every region × competency. Competencies run down the rows in framework order,
 * regions across (Global first). Each cell prints its value, so the chart reads in greyscale;
 * suppressed cells (n < minN) are grey and say so, never blank, and carry no value.
 */
import type { TopLevelSpec } from 'vega-lite';
import { translator } from '../i18n/translator.ts';
import { publishableEstimates, regionsOf, roundForChart } from '../figure-data.ts';
import type { FigureInput } from '../report-input.ts';
import { GAP_SCHEME, SUPPRESSED_FILL, chartConfigFor, competencyLabel, competencyLabelOrder, competencyRowStep, wrappedLabelAxis } from '../theme.ts';

export const GAP_HEATMAP_ID = 'gap-heatmap';

/** Largest |gap| among published cells, at least 0.5 so a flat wave is not painted at full strength. */
function symmetricLimit(values: number[]): number {
  return Math.max(0.5, ...values.map((value) => Math.ceil(Math.abs(value) * 10) / 10));
}

export function buildGapHeatmap(input: FigureInput, onlyRegions?: string[]): TopLevelSpec {
  const minN = input.config.suppression.minN;
  const tr = translator(input.config.language);
  const { t } = tr;
  const suppressedLabel = t('figure.suppressed');
  const regions = regionsOf(input.analysis).filter((region) => !onlyRegions || onlyRegions.includes(region));
  const cells = publishableEstimates(input.analysis, 'industry', 'gap_preparedness')
    .filter((cell) => regions.includes(cell.region))
    .map((cell) => ({
      region: tr.region(cell.region),
      competency: competencyLabel(input.competencies, cell.competency),
      gap: roundForChart(cell.mean),
      n: cell.n,
      suppressed: cell.suppressed,
      status: cell.notAsked ? t('figure.notAsked') : cell.suppressed ? suppressedLabel : t('figure.published'),
      cellText: cell.notAsked ? t('figure.notAsked') : cell.suppressed ? (cell.suppressedBy === 'primary' ? `n < ${tr.integer(minN)}` : t('note.suppressed')) : `${tr.estimate(cell.mean!)}${cell.lowReliability ? '*' : ''}`,
    }));
  const limit = symmetricLimit(cells.flatMap((cell) => (cell.gap === null ? [] : [cell.gap])));
  const x = { field: 'region', type: 'nominal' as const, sort: regions.map(tr.region), title: null, axis: { orient: 'top' as const, labelAngle: -30, labelLimit: 110 } };
  const y = { field: 'competency', type: 'nominal' as const, sort: competencyLabelOrder(input.competencies), title: null, axis: wrappedLabelAxis };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: chartConfigFor(tr),
    title: {
      text: regions.length === 1 ? t('heatmap.titleRegion', { region: tr.region(regions[0]!) }) : t('heatmap.title'),
      subtitle: [
        t('heatmap.subtitle1'),
        t('heatmap.subtitle2'),
        t('heatmap.subtitle3', { lowN: tr.integer(input.config.suppression.lowReliabilityN), minN: tr.integer(minN), notAsked: cells.some((cell) => cell.status === t('figure.notAsked')) ? t('heatmap.subtitleNotAsked') : '' }),
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
            title: t('figure.gap'),
            scale: { scheme: GAP_SCHEME, domain: [-limit, limit], domainMid: 0 },
            legend: { orient: 'right', gradientLength: Math.max(60, Math.min(160, regions.length ? 20 * input.competencies.length - 30 : 160)) },
          },
          tooltip: [
            { field: 'competency', title: t('figure.competency') },
            { field: 'region', title: t('figure.region') },
            { field: 'gap', title: t('figure.gap'), format: '.2f' },
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
