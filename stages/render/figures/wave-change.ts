/**
 * `wave-change`: change of the Global preparedness gap per competency since the previous wave
 * (this wave − previous wave), for cells published in both waves. Bars carry their value so the
 * chart reads in greyscale; a positive change means the gap widened.
 */
import type { TopLevelSpec } from 'vega-lite';
import { translator } from '../i18n/translator.ts';
import { publishableEstimates, publishedPairs, roundForChart } from '../figure-data.ts';
import type { FigureInput } from '../report-input.ts';
import { chartConfigFor, competencyRowStep, wrappedLabelAxis } from '../theme.ts';

export interface GapChange {
  competency: string;
  label: string;
  current: number;
  previous: number;
  change: number;
}

/** Gap changes for competencies published in both waves, largest widening first. */
export function gapChanges(input: FigureInput, region = 'Global'): GapChange[] {
  if (!input.previousAnalysis) return [];
  const changes = publishedPairs(
    input.competencies,
    publishableEstimates(input.analysis, 'industry', 'gap_preparedness', region),
    publishableEstimates(input.previousAnalysis, 'industry', 'gap_preparedness', region),
  ).map(({ competency, first: now, second: before }) => ({ competency: competency.id, label: competency.label, current: now.mean, previous: before.mean, change: now.mean - before.mean }));
  return changes.sort((a, b) => b.change - a.change || a.label.localeCompare(b.label, 'en'));
}

export function buildWaveChange(input: FigureInput, region = 'Global'): TopLevelSpec {
  const changes = gapChanges(input, region);
  const tr = translator(input.config.language);
  const { t } = tr;
  const values = changes.map((change) => ({
    competency: change.label,
    change: roundForChart(change.change),
    direction: change.change >= 0 ? t('change.widened') : t('change.narrowed'),
    changeText: tr.estimate(change.change),
  }));
  const limit = Math.max(0.25, ...changes.map((change) => Math.abs(change.change))) * 1.25;
  const y = { field: 'competency', type: 'nominal' as const, sort: values.map((value) => value.competency), title: null, axis: wrappedLabelAxis };
  const x = { field: 'change', type: 'quantitative' as const, scale: { domain: [-limit, limit] }, title: t('change.axis') };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: chartConfigFor(tr),
    title: {
      text: t('change.title', { previous: input.config.previousWave ?? input.previousAnalysis?.wave ?? t('change.previousWave') }),
      subtitle: [t('change.subtitle1', { region: tr.region(region), wave: input.config.wave, previous: input.previousAnalysis?.wave ?? '' }), t('change.subtitle2')],
    },
    data: { values },
    width: 360,
    height: { step: competencyRowStep(values.map((value) => value.competency)) },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y,
          x,
          color: { field: 'direction', type: 'nominal', title: null, scale: { domain: [t('change.widened'), t('change.narrowed')], range: ['#E69F00', '#0072B2'] }, legend: { orient: 'bottom', direction: 'horizontal' } },
        },
      },
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#333333' }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
      {
        mark: { type: 'text', fontSize: 9, dx: 4, align: 'left' },
        transform: [{ filter: 'datum.change >= 0' }],
        encoding: { y, x, text: { field: 'changeText' } },
      },
      {
        mark: { type: 'text', fontSize: 9, dx: -4, align: 'right' },
        transform: [{ filter: 'datum.change < 0' }],
        encoding: { y, x, text: { field: 'changeText' } },
      },
    ],
  };
}
