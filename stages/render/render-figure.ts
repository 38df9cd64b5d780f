/**
 * Vega-Lite spec → SVG → PNG, identical on every machine:
 *
 *   spec ──vega-lite compile──▶ Vega spec ──vega View (renderer none)──▶ SVG string
 *        ──resvg (font file loaded explicitly, system fonts off, 2× zoom)──▶ PNG
 *
 * Vega measures text with its built-in estimator (no canvas package), and resvg sees only the
 * DejaVu files, so neither depends on installed fonts. resvg gets the DejaVu subsets built at
 * `npm ci` when they cover every character of the SVG (subset-fonts.mjs: the same PNG, read faster),
 * otherwise the full files.
 */
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import rasteriseHere from './png-worker.mjs';
import { chooseFontFiles, subsetFonts } from './subset-fonts.mjs';
import { rasteriseSvgInWorker } from './figure-pool.ts';
import { FIGURE_BUILDERS, type FigureId } from './figures/index.ts';
import { hasLikertData } from './figures/likert.ts';
import { buildFrameworkFigure, frameworkFigureIds } from './figures/framework-figures.ts';
import type { FigureInput } from './report-input.ts';
import { FONT_FAMILY, FONT_FILES } from './theme.ts';
import { unknownFigure } from '../../contracts/messages/render.ts';
import { UsageError } from '../../contracts/errors.ts';

export type FigureFormat = 'svg' | 'png' | 'vl';

export interface RenderedFigure {
  id: string;
  spec: object;
  svg?: string;
  png?: Buffer;
}

/** Renders a Vega-Lite spec to an SVG string, without a DOM or canvas. One at a time: vega's def-id counters are module-wide. */
export async function renderSpecToSvg(spec: TopLevelSpec): Promise<string> {
  const vegaSpec = compile(spec).spec;
  // Vega numbers gradient and clip-path ids from module-level counters; reset them so the same
  // spec gives the same SVG however many charts were rendered before it.
  (vega as unknown as { resetSVGDefIds: () => void }).resetSVGDefIds(); // exported at runtime, missing from vega's typings
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none', logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** resvg's options with these font files only (no system fonts), so the PNG is byte-identical everywhere. */
export const resvgOptions = (fontFiles: string[], scale: number): ResvgRenderOptions => ({
  fitTo: { mode: 'zoom', value: scale },
  font: { fontFiles, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
  background: 'white',
});

/** resvg's options for this SVG: the embedded fonts, or their subsets when these cover the SVG's characters. */
const pngOptions = (svg: string, scale: number): ResvgRenderOptions =>
  resvgOptions(chooseFontFiles(svg, { full: [FONT_FILES.regular, FONT_FILES.bold], subset: subsetFonts() }), scale);

/** Rasterises an SVG at `scale`× with only the embedded fonts, so the PNG is byte-identical everywhere. */
export function renderSvgToPng(svg: string, scale = 2): Buffer {
  return rasteriseHere({ svg, options: pngOptions(svg, scale) });
}

/**
 * The same PNG as renderSvgToPng, made in a worker thread (figure-pool.ts): the JavaScript that
 * follows (the next chart, the PDF) runs on the other core meanwhile.
 */
export function rasteriseSvg(svg: string, scale = 2): Promise<Buffer> {
  return rasteriseSvgInWorker(svg, pngOptions(svg, scale));
}

/**
 * The figures a FigureInput supports, in report order: wave-change only with a previous wave,
 * likert-<population> only when the analysis carries published answer distributions for it.
 */
export function availableFigureIds(input: FigureInput): (FigureId | string)[] {
  const fixed = (Object.keys(FIGURE_BUILDERS) as FigureId[]).filter((id) => {
    if (id === 'wave-change') return input.previousAnalysis !== undefined;
    if (id === 'likert-industry') return hasLikertData(input.analysis, 'industry');
    if (id === 'likert-education') return hasLikertData(input.analysis, 'education');
    return true;
  });
  // Two figures per framework of the wave (stages/render/figures/framework-figures.ts).
  return [...fixed, ...frameworkFigureIds(input)];
}

/**
 * Builds and renders the figures. `only` restricts to some ids (unknown ids are a UsageError);
 * `formats` defaults to all three. The spec is always returned (it is the `vl` output).
 */
export async function renderFigures(
  input: FigureInput,
  options: { only?: string[]; formats?: FigureFormat[]; onSvg?: (figure: RenderedFigure & { svg: string }) => void } = {},
): Promise<RenderedFigure[]> {
  const available = availableFigureIds(input);
  for (const id of options.only ?? []) {
    if (!available.includes(id)) throw new UsageError(unknownFigure(id, available));
  }
  const ids = options.only ? available.filter((id) => options.only!.includes(id)) : available;
  const formats = options.formats ?? ['svg', 'png', 'vl'];
  const figures: RenderedFigure[] = [];
  const rasterising: Promise<void>[] = [];
  for (const [index, id] of ids.entries()) {
    const spec = buildFrameworkFigure(input, id) ?? FIGURE_BUILDERS[id as FigureId](input);
    const figure: RenderedFigure = { id, spec };
    if (formats.includes('svg') || formats.includes('png')) {
      const svg = await renderSpecToSvg(spec);
      if (formats.includes('svg')) figure.svg = svg;
      options.onSvg?.({ ...figure, svg });
      if (formats.includes('png')) {
        // The last figure's PNG is made on this thread, which has nothing else left to do, while
        // the worker finishes the ones before it; so one figure alone never starts the worker
        // (starting it costs more than the one PNG it would take off this thread).
        if (index === ids.length - 1) figure.png = renderSvgToPng(svg);
        else rasterising.push(rasteriseSvg(svg).then((png) => void (figure.png = png)));
      }
    }
    figures.push(figure);
  }
  await Promise.all(rasterising);
  return figures;
}
