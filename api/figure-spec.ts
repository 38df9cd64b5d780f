/**
 * The report's figures from code: the same builders the render stage uses (stages/render/figures), fed
 * the same ReportInput, so a spec built here is the spec of the report; change it and render it.
 */
import type { TopLevelSpec } from 'vega-lite';
import { FIGURE_BUILDERS, type FigureId } from '../stages/render/figures/index.ts';
import { renderSpecToSvg } from '../stages/render/render-figure.ts';
import { buildFrameworkFigure, frameworkFigureIds } from '../stages/render/figures/framework-figures.ts';
import type { ReportInput } from '../stages/render/report-input.ts';
import { buildReportInput } from '../stages/render/render-run.ts';
import { unknownFigure } from '../contracts/messages/render.ts';
import { UsageError } from '../contracts/errors.ts';
import { contextFor, type WaveSelection } from './wave-selection.ts';
import type { WaveData } from './load-wave.ts';

/** Every figure id of the report, in report order. */
export const FIGURE_IDS = Object.keys(FIGURE_BUILDERS) as FigureId[];

/**
 * Everything the report shows for a wave already analysed into `out` (analysis, previous wave's
 * analysis, respondents per country, audit summary, provenance). Edit a copy of it (e.g. keep one
 * region's estimates) and pass it to `buildFigureSpec` to draw a figure from other data.
 *
 * @example
 * ```ts
 * const input = await loadReportInput({ wave: '2023', out: 'out' });
 * input.previousAnalysis?.wave;   // '2022' when 2022 was run into the same out folder
 * ```
 */
export async function loadReportInput(selection: WaveSelection | WaveData): Promise<ReportInput> {
  return buildReportInput(contextFor('selection' in selection ? selection.selection : selection));
}

/**
 * The Vega-Lite spec of one report figure, built from a wave's outputs (a selection or a loaded
 * wave) or from a ReportInput. `wave-change` needs the previous wave run into the same out folder.
 *
 * @example
 * ```ts
 * const spec = await buildFigureSpec('gap-heatmap', { wave: '2022', out: 'out' });
 * const svg = await renderFigureSvg({ ...spec, title: 'Preparedness gaps, 2022' });
 * ```
 */
export async function buildFigureSpec(id: FigureId | `framework-${string}`, wave: WaveSelection | WaveData | ReportInput): Promise<TopLevelSpec> {
  if (id.startsWith('framework-')) {
    // Framework figures (framework-heatmap-<id>, framework-ranking-<id>) exist per framework of the wave.
    const input = isReportInput(wave) ? wave : await loadReportInput(wave);
    const spec = buildFrameworkFigure(input, id);
    if (!spec) throw new UsageError(unknownFigure(id, frameworkFigureIds(input)));
    return spec;
  }
  if (!FIGURE_IDS.includes(id as FigureId)) throw new UsageError(unknownFigure(String(id), FIGURE_IDS));
  const input = isReportInput(wave) ? wave : await loadReportInput(wave);
  if (id === 'wave-change' && !input.previousAnalysis) {
    throw new UsageError(`figure wave-change needs the previous wave (${input.config.previousWave ?? 'none configured'}) run into the same out folder`);
  }
  return FIGURE_BUILDERS[id as FigureId](input);
}

/**
 * Renders a Vega-Lite spec to an SVG string (no browser, fonts embedded as the report does), ready
 * for `tslab.display.html(svg)` in a notebook or to be written to a file.
 *
 * @example
 * ```ts
 * const svg = await renderFigureSvg(await buildFigureSpec('rank-intervals', { wave: '2022' }));
 * svg.startsWith('<svg');   // true
 * ```
 */
export async function renderFigureSvg(spec: TopLevelSpec): Promise<string> {
  return renderSpecToSvg(spec);
}

function isReportInput(value: WaveSelection | WaveData | ReportInput): value is ReportInput {
  return 'analysis' in value && 'competencies' in value;
}
