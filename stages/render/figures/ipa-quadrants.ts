/**
 * `ipa-quadrants`: importance–performance analysis (Martilla & James 1977; BRIEF §3.2). One
 * numbered point per competency at (x = mean preparedness, y = mean importance), industry ratings,
 * with a key beside the chart naming each number (names beside 20-odd points would overlap).
 * Crosshairs as the config says: `grand-mean` = the means over the plotted competencies,
 * `scale-midpoint` = (min + max) / 2 of the answer scale; the caption names the one used.
 * Quadrants are derived from the drawn crosshairs, so points and lines always agree.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Quadrant } from '../../../contracts/types.ts';
import { translator } from '../i18n/translator.ts';
import { publishableEstimates, publishedPairs, roundForChart } from '../figure-data.ts';
import { DEFAULT_SCALE, type FigureInput } from '../report-input.ts';
import { chartConfigFor } from '../theme.ts';
import { tooltipField } from './tooltip-fields.ts';

export const QUADRANT_LABELS: Record<Quadrant, string> = {
  concentrate_here: 'Concentrate here',
  keep_up_the_good_work: 'Keep up the good work',
  low_priority: 'Low priority',
  possible_overkill: 'Possible overkill',
};

const QUADRANT_STYLE: Record<Quadrant, { colour: string; shape: string }> = {
  concentrate_here: { colour: '#D55E00', shape: 'triangle-up' },
  keep_up_the_good_work: { colour: '#009E73', shape: 'circle' },
  low_priority: { colour: '#999999', shape: 'square' },
  possible_overkill: { colour: '#0072B2', shape: 'diamond' },
};

/**
 * The chart's points (published importance and preparedness of each competency), its crosshairs and
 * each point's quadrant: shared by the chart and its alternative text (reports/figure-alt-text.ts).
 */
export function ipaPoints(input: FigureInput, region = 'Global') {
  const points = publishedPairs(
    input.competencies,
    publishableEstimates(input.analysis, 'industry', 'importance', region),
    publishableEstimates(input.analysis, 'industry', 'preparedness', region),
  ).map((pair) => ({ id: pair.competency.id, competency: pair.competency.label, importance: pair.first.mean, preparedness: pair.second.mean }));
  const scale = input.scale ?? DEFAULT_SCALE;
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  const crosshair =
    input.config.analysis.ipaCrosshair === 'scale-midpoint'
      ? { x: (scale.min + scale.max) / 2, y: (scale.min + scale.max) / 2 }
      : { x: mean(points.map((point) => point.preparedness)), y: mean(points.map((point) => point.importance)) };
  const quadrantOf = (point: { preparedness: number; importance: number }): Quadrant =>
    point.importance >= crosshair.y
      ? point.preparedness < crosshair.x ? 'concentrate_here' : 'keep_up_the_good_work'
      : point.preparedness < crosshair.x ? 'low_priority' : 'possible_overkill';
  return { points: points.map((point) => ({ ...point, quadrant: quadrantOf(point) })), crosshair };
}

export function buildIpaQuadrants(input: FigureInput, region = 'Global'): TopLevelSpec {
  const { points, crosshair } = ipaPoints(input, region);
  const tr = translator(input.config.language);
  const { t } = tr;
  const quadrantLabel = (quadrant: Quadrant) => (tr.lang === 'en' ? QUADRANT_LABELS[quadrant] : t(`quadrant.${quadrant}`));
  const quadrantOf = (point: { quadrant: Quadrant }) => point.quadrant;
  const quadrants = Object.keys(QUADRANT_LABELS) as Quadrant[];
  // Points are numbered, not named: 20-odd names cannot sit beside their points without overlapping.
  // Numbers run through the quadrants in legend order, most important first, so the key beside the
  // chart reads as a list of what to concentrate on.
  const values = points
    .map(({ id: _id, ...point }) => ({ ...point, quadrantOrder: quadrants.indexOf(quadrantOf(point)), quadrant: quadrantLabel(quadrantOf(point)) }))
    .sort((a, b) => a.quadrantOrder - b.quadrantOrder || b.importance - a.importance || a.competency.localeCompare(b.competency, 'en'))
    .map(({ quadrantOrder: _order, ...point }, index) => ({
      ...point,
      number: index + 1,
      keyText: `${tr.integer(index + 1)}  ${point.competency}`,
      preparedness: roundForChart(point.preparedness),
      importance: roundForChart(point.importance),
    }));
  const all = [...points.map((point) => point.preparedness), ...points.map((point) => point.importance), crosshair.x, crosshair.y];
  const domain = [Math.floor(Math.min(...all) * 2) / 2 - 0.25, Math.ceil(Math.max(...all) * 2) / 2 + 0.25];
  const crosshairText =
    input.config.analysis.ipaCrosshair === 'scale-midpoint'
      ? t('ipa.crosshairMidpoint', { x: tr.estimate(crosshair.x) })
      : t('ipa.crosshairMeans', { x: tr.estimate(crosshair.x), y: tr.estimate(crosshair.y) });
  const corner = (text: string, x: number, y: number, align: 'left' | 'right', baseline: 'top' | 'bottom') => ({
    data: { values: [{ text, x, y }] },
    mark: { type: 'text' as const, align, baseline, fontSize: 10, fontStyle: 'italic', color: '#555555' },
    encoding: { x: { field: 'x', type: 'quantitative' as const }, y: { field: 'y', type: 'quantitative' as const }, text: { field: 'text' } },
  });
  const colour = {
    field: 'quadrant', type: 'nominal' as const, title: t('ipa.quadrant'),
    scale: { domain: quadrants.map(quadrantLabel), range: quadrants.map((q) => QUADRANT_STYLE[q].colour) },
    legend: { orient: 'bottom' as const, direction: 'horizontal' as const, columns: 2 },
  };
  const shape = {
    field: 'quadrant', type: 'nominal' as const,
    scale: { domain: quadrants.map(quadrantLabel), range: quadrants.map((q) => QUADRANT_STYLE[q].shape) },
  };
  const keyRow = { field: 'keyText', type: 'nominal' as const, sort: values.map((value) => value.keyText), axis: null };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: chartConfigFor(tr),
    title: {
      text: region === 'Global' ? t('ipa.title') : t('figure.titleRegion', { title: t('ipa.title'), region: tr.region(region) }),
      subtitle: [t('ipa.subtitle'), crosshairText],
    },
    data: { values },
    hconcat: [
      {
        width: 340,
        height: 340,
        encoding: {
          x: { type: 'quantitative', scale: { domain, nice: false }, title: t('ipa.xTitle') },
          y: { type: 'quantitative', scale: { domain, nice: false }, title: t('ipa.yTitle') },
        },
        layer: [
          { data: { values: [{ x: crosshair.x }] }, mark: { type: 'rule', strokeDash: [4, 3], color: '#555555' }, encoding: { x: { field: 'x', type: 'quantitative' } } },
          { data: { values: [{ y: crosshair.y }] }, mark: { type: 'rule', strokeDash: [4, 3], color: '#555555' }, encoding: { y: { field: 'y', type: 'quantitative' } } },
          corner(quadrantLabel('concentrate_here'), domain[0]!, domain[1]!, 'left', 'top'),
          corner(quadrantLabel('keep_up_the_good_work'), domain[1]!, domain[1]!, 'right', 'top'),
          corner(quadrantLabel('low_priority'), domain[0]!, domain[0]!, 'left', 'bottom'),
          corner(quadrantLabel('possible_overkill'), domain[1]!, domain[0]!, 'right', 'bottom'),
          {
            mark: { type: 'point', filled: true, size: 60, opacity: 1 },
            encoding: {
              x: { field: 'preparedness', type: 'quantitative' },
              y: { field: 'importance', type: 'quantitative' },
              color: colour,
              shape,
              tooltip: [tooltipField(tr, 'competency'), tooltipField(tr, 'importance', { format: '.2f' }), tooltipField(tr, 'preparedness', { format: '.2f' })],
            },
          },
          {
            mark: { type: 'text', align: 'left', baseline: 'middle', dx: 5, dy: -5, fontSize: 8.5 },
            encoding: {
              x: { field: 'preparedness', type: 'quantitative' },
              y: { field: 'importance', type: 'quantitative' },
              text: { field: 'number' },
            },
          },
        ],
      },
      {
        // The key: one row per point, its symbol, number and full name.
        width: 230,
        height: { step: 13 },
        title: { text: t('ipa.key'), fontSize: 11, anchor: 'start' },
        layer: [
          { mark: { type: 'point', filled: true, size: 40, opacity: 1 }, encoding: { y: keyRow, x: { datum: 0, type: 'quantitative', scale: { domain: [0, 1] }, axis: null }, color: colour, shape } },
          { mark: { type: 'text', align: 'left', baseline: 'middle', dx: 8, fontSize: 9, limit: 225 }, encoding: { y: keyRow, x: { datum: 0, type: 'quantitative' }, text: { field: 'keyText' } } },
        ],
      },
    ],
    resolve: { scale: { x: 'independent', y: 'independent' } },
  };
}
