/**
 * `ipa-quadrants`: importance–performance analysis (Martilla & James 1977; BRIEF §3.2). One
 * labelled point per competency at (x = mean preparedness, y = mean importance), industry ratings.
 * Crosshairs as the config says: `grand-mean` = the means over the plotted competencies,
 * `scale-midpoint` = (min + max) / 2 of the answer scale; the caption names the one used.
 * Quadrants are derived from the drawn crosshairs, so points and lines always agree.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Quadrant } from '../../pipeline/types.ts';
import { formatEstimate } from '../format.ts';
import { publishableEstimates, roundForChart } from '../figure-data.ts';
import { DEFAULT_SCALE, type ReportInput } from '../report-input.ts';
import { chartConfig } from '../theme.ts';

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

/** Truncates a point label; the full name stays in the tooltip and the report's competency key. */
function shortLabel(label: string, limit = 26): string {
  return label.length <= limit ? label : `${label.slice(0, limit - 1).trimEnd()}…`;
}

export function buildIpaQuadrants(input: ReportInput, region = 'Global'): TopLevelSpec {
  const importance = publishableEstimates(input.analysis, 'industry', 'importance', region);
  const preparedness = publishableEstimates(input.analysis, 'industry', 'preparedness', region);
  const points = input.competencies.flatMap((competency) => {
    const y = importance.find((row) => row.competency === competency.id);
    const x = preparedness.find((row) => row.competency === competency.id);
    if (!x || !y || x.suppressed || y.suppressed) return [];
    return [{ competency: competency.label, label: shortLabel(competency.label), preparedness: x.mean!, importance: y.mean! }];
  });
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
  const values = points.map((point) => ({
    ...point,
    preparedness: roundForChart(point.preparedness),
    importance: roundForChart(point.importance),
    quadrant: QUADRANT_LABELS[quadrantOf(point)],
  }));
  const all = [...points.map((point) => point.preparedness), ...points.map((point) => point.importance), crosshair.x, crosshair.y];
  const domain = [Math.floor(Math.min(...all) * 2) / 2 - 0.25, Math.ceil(Math.max(...all) * 2) / 2 + 0.25];
  const quadrants = Object.keys(QUADRANT_LABELS) as Quadrant[];
  const crosshairText =
    input.config.analysis.ipaCrosshair === 'scale-midpoint'
      ? `Crosshairs at the scale midpoint (${formatEstimate(crosshair.x)}).`
      : `Crosshairs at the grand means (x ${formatEstimate(crosshair.x)}, y ${formatEstimate(crosshair.y)}).`;
  const corner = (text: string, x: number, y: number, align: 'left' | 'right', baseline: 'top' | 'bottom') => ({
    data: { values: [{ text, x, y }] },
    mark: { type: 'text' as const, align, baseline, fontSize: 10, fontStyle: 'italic', color: '#555555' },
    encoding: { x: { field: 'x', type: 'quantitative' as const }, y: { field: 'y', type: 'quantitative' as const }, text: { field: 'text' } },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: chartConfig,
    title: {
      text: `Importance–performance quadrants${region === 'Global' ? '' : `: ${region}`}`,
      subtitle: ['Industry ratings, weighted means.', crosshairText],
    },
    width: 420,
    height: 360,
    encoding: {
      x: { type: 'quantitative', scale: { domain, nice: false }, title: 'Mean preparedness of graduates' },
      y: { type: 'quantitative', scale: { domain, nice: false }, title: 'Mean importance' },
    },
    layer: [
      { data: { values: [{ x: crosshair.x }] }, mark: { type: 'rule', strokeDash: [4, 3], color: '#555555' }, encoding: { x: { field: 'x', type: 'quantitative' } } },
      { data: { values: [{ y: crosshair.y }] }, mark: { type: 'rule', strokeDash: [4, 3], color: '#555555' }, encoding: { y: { field: 'y', type: 'quantitative' } } },
      corner(QUADRANT_LABELS.concentrate_here, domain[0]!, domain[1]!, 'left', 'top'),
      corner(QUADRANT_LABELS.keep_up_the_good_work, domain[1]!, domain[1]!, 'right', 'top'),
      corner(QUADRANT_LABELS.low_priority, domain[0]!, domain[0]!, 'left', 'bottom'),
      corner(QUADRANT_LABELS.possible_overkill, domain[1]!, domain[0]!, 'right', 'bottom'),
      {
        data: { values },
        layer: [
          {
            mark: { type: 'point', filled: true, size: 70, opacity: 1 },
            encoding: {
              x: { field: 'preparedness', type: 'quantitative' },
              y: { field: 'importance', type: 'quantitative' },
              color: {
                field: 'quadrant', type: 'nominal', title: 'Quadrant',
                scale: { domain: quadrants.map((q) => QUADRANT_LABELS[q]), range: quadrants.map((q) => QUADRANT_STYLE[q].colour) },
                legend: { orient: 'bottom', direction: 'horizontal', columns: 2 },
              },
              shape: {
                field: 'quadrant', type: 'nominal',
                scale: { domain: quadrants.map((q) => QUADRANT_LABELS[q]), range: quadrants.map((q) => QUADRANT_STYLE[q].shape) },
              },
              tooltip: [{ field: 'competency' }, { field: 'importance', format: '.2f' }, { field: 'preparedness', format: '.2f' }],
            },
          },
          {
            mark: { type: 'text', align: 'left', dx: 7, dy: -6, fontSize: 9 },
            encoding: {
              x: { field: 'preparedness', type: 'quantitative' },
              y: { field: 'importance', type: 'quantitative' },
              text: { field: 'label' },
            },
          },
        ],
      },
    ],
  };
}
