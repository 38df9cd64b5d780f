/**
 * The figure steps of stages/render/svg-worker.mjs (Vega-Lite → SVG) and png-worker.mjs (SVG → PNG) in worker threads,
 * through a tinypool pool: the render stage hands them over and goes on drawing the PDF on its own
 * thread meanwhile. One pool per process, started on first use, as many threads as cores; idle
 * threads do not keep the process alive, and they wait for work on their message port (no Atomics.wait).
 * A thread loads a step's module on its first task of that step: vega takes ≈ 0.3 s (on the other
 * core), so a caller with one or two figures renders their SVG in its own thread (render-figure.ts).
 */
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

const SVG_WORKER = new URL('./svg-worker.mjs', import.meta.url).href;
const PNG_WORKER = new URL('./png-worker.mjs', import.meta.url).href;
let pool: Tinypool | undefined;

function figurePool(): Tinypool {
  pool ??= new Tinypool({
    minThreads: 1,
    maxThreads: Math.max(1, availableParallelism()),
    useAtomics: false,
  });
  return pool;
}

/** The SVG of a Vega-Lite spec, rendered in a worker thread (the same bytes as in this thread). */
export function renderSpecToSvgInWorker(spec: object): Promise<string> {
  return figurePool().run(spec, { filename: SVG_WORKER }) as Promise<string>;
}

/** The PNG of an SVG, rasterised in a worker thread with resvg's `options`. */
export async function rasteriseSvgInWorker(svg: string, options: ResvgRenderOptions): Promise<Buffer> {
  const png = (await figurePool().run({ svg, options }, { filename: PNG_WORKER })) as Uint8Array;
  return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
}
