/**
 * A region's preparedness gaps (industry importance − preparedness, BRIEF §3.1) as a dot chart:
 * one row per competency, the region's gap with its 95% CI, and the Global gap as a reference
 * mark, sorted by the region's gap (largest first). Used by the report's per-region sections in
 * place of the region's heatmap column, which is too narrow to read at print size. Suppressed
 * competencies (n < minN) stay listed at the bottom, marked, with no value.
 */
import type { TopLevelSpec } from 'vega-lite';
import { translator } from '../i18n/translator.ts';
import { publishableEstimates, roundForChart } from '../figure-data.ts';
import type { FigureInput } from '../report-input.ts';
import { POPULATION_COLOURS, chartConfigFor, competencyRowStep, wrappedLabelAxis } from '../theme.ts';
import { tooltipField } from './tooltip-fields.ts';

export function buildRegionGaps(input: FigureInput, region: string): TopLevelSpec {
  const minN = input.config.suppression.minN;
  const tr = translator(input.config.language);
  const { t } = tr;
  const cells = publishableEstimates(input.analysis, 'industry', 'gap_preparedness', region);
  const global = publishableEstimates(input.analysis, 'industry', 'gap_preparedness', 'Global');
  const rows = input.competencies.flatMap((competency) => {
    const cell = cells.find((row) => row.competency === competency.id);
    if (!cell) return [];
    const reference = global.find((row) => row.competency === competency.id);
    return [{
      competency: competency.label,
      gap: roundForChart(cell.mean),
      ciLow: roundForChart(cell.ciLow ?? cell.mean),
      ciHigh: roundForChart(cell.ciHigh ?? cell.mean),
      n: cell.n,
      globalGap: region === 'Global' || !reference || reference.suppressed ? null : roundForChart(reference.mean),
      suppressed: cell.suppressed,
      valueText: cell.notAsked ? t('figure.notAsked') : cell.suppressed ? (cell.suppressedBy === 'primary' ? t('figure.suppressedSmall', { minN: tr.integer(minN) }) : t('figure.suppressed')) : `${tr.estimate(cell.mean!)}${cell.lowReliability ? '*' : ''}`,
    }];
  });
  rows.sort((a, b) => Number(a.suppressed) - Number(b.suppressed) || (b.gap ?? 0) - (a.gap ?? 0) || a.competency.localeCompare(b.competency, 'en'));
  const published = rows.filter((row) => !row.suppressed);
  const extent = [...published.flatMap((row) => [row.ciLow!, row.ciHigh!]), ...rows.flatMap((row) => (row.globalGap === null ? [] : [row.globalGap]))];
  // Half a point of room right of the largest value for the value column.
  const domain = [Math.min(0, Math.floor(Math.min(0, ...extent) * 2) / 2), Math.ceil(Math.max(0.5, ...extent) * 2) / 2 + 0.5];
  const order = rows.map((row) => row.competency);
  const y = { field: 'competency', type: 'nominal' as const, sort: order, title: null, axis: wrappedLabelAxis };
  const x = { type: 'quantitative' as const, scale: { domain, nice: false, zero: false }, title: t('regionGaps.axis') };
  const seriesDomain = [tr.region(region), tr.region('Global')];
  const series = {
    field: 'series', type: 'nominal' as const, title: null,
    scale: { domain: seriesDomain, range: [POPULATION_COLOURS.education, '#555555'] },
    legend: { orient: 'bottom' as const, direction: 'horizontal' as const },
  };
  const shape = { field: 'series', type: 'nominal' as const, title: null, scale: { domain: seriesDomain, range: ['circle', 'M0,-1L0,1'] } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: chartConfigFor(tr),
    title: {
      text: t('regionGaps.title', { region: tr.region(region) }),
      subtitle: [
        t('regionGaps.subtitle1'),
        t('regionGaps.subtitle2', { lowN: tr.integer(input.config.suppression.lowReliabilityN), minN: tr.integer(minN) }),
      ],
    },
    data: { values: rows },
    width: 300,
    height: { step: competencyRowStep(order) },
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#999999' }, encoding: { x: { ...x, field: 'zero' } } },
      { transform: [{ filter: 'datum.suppressed == false' }], mark: { type: 'rule', strokeWidth: 1.5, color: POPULATION_COLOURS.education }, encoding: { y, x: { ...x, field: 'ciLow' }, x2: { field: 'ciHigh' } } },
      {
        transform: [{ filter: 'datum.globalGap !== null' }, { calculate: tr.lang === 'en' ? "'Global'" : JSON.stringify(tr.region('Global')), as: 'series' }],
        mark: { type: 'point', size: 120, strokeWidth: 2, opacity: 1 },
        encoding: { y, x: { ...x, field: 'globalGap' }, color: series, shape },
      },
      {
        transform: [{ filter: 'datum.suppressed == false' }, { calculate: JSON.stringify(tr.region(region)), as: 'series' }],
        mark: { type: 'point', filled: true, size: 55, opacity: 1 },
        encoding: {
          y,
          x: { ...x, field: 'gap' },
          color: series,
          shape,
          tooltip: [tooltipField(tr, 'competency'), tooltipField(tr, 'gap', { format: '.2f' }), tooltipField(tr, 'ciLow', { format: '.2f' }), tooltipField(tr, 'ciHigh', { format: '.2f' }), tooltipField(tr, 'n')],
        },
      },
      {
        // Values in a column at the right edge, clear of the whiskers and the Global marks.
        transform: [{ filter: 'datum.suppressed == false' }, { calculate: String(domain[1]), as: 'rightEdge' }],
        mark: { type: 'text', align: 'right', fontSize: 9, color: '#333333' },
        encoding: { y, x: { ...x, field: 'rightEdge' }, text: { field: 'valueText' } },
      },
      {
        transform: [{ filter: 'datum.suppressed == true' }, { calculate: '0', as: 'zero' }],
        mark: { type: 'text', align: 'left', dx: 5, fontSize: 9, fontStyle: 'italic', color: '#555555' },
        encoding: { y, x: { ...x, field: 'zero' }, text: { field: 'valueText' } },
      },
    ],
  };
}
