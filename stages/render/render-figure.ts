/**
 * Vega-Lite spec → SVG → PNG, identical on every machine:
 *
 *   spec ──vega-lite compile──▶ Vega spec ──vega View (renderer none)──▶ SVG string
 *        ──resvg (font file loaded explicitly, system fonts off, 2× zoom)──▶ PNG
 *
 * Vega measures text with its built-in estimator (no canvas package), and resvg sees only the
 * DejaVu files, so neither depends on installed fonts.
 */
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { Worker } from 'node:worker_threads';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { FIGURE_BUILDERS, type FigureId } from './figures/index.ts';
import { hasLikertData } from './figures/likert.ts';
import { buildFrameworkFigure, frameworkFigureIds } from './figures/framework-figures.ts';
import type { ReportInput } from './report-input.ts';
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


/** Renders a Vega-Lite spec to an SVG string, without a DOM or canvas. */
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

/** resvg's options: only the embedded fonts, so the PNG is byte-identical everywhere. */
const pngOptions = (scale: number): ResvgRenderOptions => ({
  fitTo: { mode: 'zoom', value: scale },
  font: { fontFiles: [FONT_FILES.regular, FONT_FILES.bold], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
  background: 'white',
});

/** Rasterises an SVG at `scale`× with only the embedded fonts, so the PNG is byte-identical everywhere. */
export function renderSvgToPng(svg: string, scale = 2): Buffer {
  return new Resvg(svg, pngOptions(scale)).render().asPng();
}

/**
 * The same PNG as renderSvgToPng, made in a worker thread (stages/render/png-worker.mjs): the JavaScript
 * that follows (the next chart, the PDF) runs on the other core meanwhile. One worker, started on
 * first use and not keeping the process alive while it has nothing to do.
 */
export function rasteriseSvg(svg: string, scale = 2): Promise<Buffer> {
  const worker = pngWorker();
  const id = ++pngJobs.lastId;
  return new Promise<Buffer>((resolve, reject) => {
    pngJobs.pending.set(id, { resolve, reject });
    if (pngJobs.pending.size === 1) worker.ref();
    worker.postMessage({ id, svg, options: pngOptions(scale) });
  });
}

const pngJobs = {
  worker: undefined as Worker | undefined,
  lastId: 0,
  pending: new Map<number, { resolve: (png: Buffer) => void; reject: (error: Error) => void }>(),
};

function pngWorker(): Worker {
  if (pngJobs.worker) return pngJobs.worker;
  const worker = new Worker(new URL('./png-worker.mjs', import.meta.url));
  const settle = (id: number, outcome: (job: { resolve: (png: Buffer) => void; reject: (error: Error) => void }) => void) => {
    const job = pngJobs.pending.get(id);
    if (!job) return;
    pngJobs.pending.delete(id);
    if (pngJobs.pending.size === 0) worker.unref();
    outcome(job);
  };
  worker.on('message', (message: { id: number; png?: Uint8Array; error?: string }) =>
    settle(message.id, (job) => (message.png ? job.resolve(Buffer.from(message.png.buffer, message.png.byteOffset, message.png.byteLength)) : job.reject(new Error(`PNG rendering failed: ${message.error}`)))));
  const fail = (error: Error) => {
    pngJobs.worker = undefined;
    for (const id of [...pngJobs.pending.keys()]) settle(id, (job) => job.reject(error));
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the PNG worker stopped (exit code ${code})`)));
  worker.unref();
  pngJobs.worker = worker;
  return worker;
}

/**
 * The figures a ReportInput supports, in report order: wave-change only with a previous wave,
 * likert-<population> only when the analysis carries published answer distributions for it.
 */
export function availableFigureIds(input: ReportInput): (FigureId | string)[] {
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
  input: ReportInput,
  options: { only?: string[]; formats?: FigureFormat[] } = {},
): Promise<RenderedFigure[]> {
  const available = availableFigureIds(input);
  for (const id of options.only ?? []) {
    if (!available.includes(id)) throw new UsageError(unknownFigure(id, available));
  }
  const ids = options.only ? available.filter((id) => options.only!.includes(id)) : available;
  const formats = options.formats ?? ['svg', 'png', 'vl'];
  const figures: RenderedFigure[] = [];
  const rasterising: Promise<void>[] = [];
  for (const id of ids) {
    const spec = buildFrameworkFigure(input, id) ?? FIGURE_BUILDERS[id as FigureId](input);
    const figure: RenderedFigure = { id, spec };
    if (formats.includes('svg') || formats.includes('png')) {
      const svg = await renderSpecToSvg(spec);
      if (formats.includes('svg')) figure.svg = svg;
      if (formats.includes('png')) rasterising.push(rasteriseSvg(svg).then((png) => void (figure.png = png)));
    }
    figures.push(figure);
  }
  await Promise.all(rasterising);
  return figures;
}
