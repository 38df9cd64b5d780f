/**
 * SVG → PNG (stages/render/png-worker.mjs) in a worker thread, through a tinypool pool: the render
 * stage hands the figures over and goes on drawing the PDF on its own thread meanwhile. One pool per
 * process, started on first use, with one thread: on two cores the main thread needs the other one
 * (rendering the charts' SVG in the pool as well was measured slower: each thread loads vega
 * itself, and the main thread then waited for the regions' charts). An idle thread does not keep
 * the process alive and waits for work on its message port (no Atomics.wait).
 */
import type Tinypool from 'tinypool';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

const PNG_WORKER = new URL('./png-worker.mjs', import.meta.url).href;
let pool: Tinypool | undefined;

/** Whether this process has started the worker thread (a single figure never does: render-figure.ts). */
export function figurePoolStarted(): boolean {
  return pool !== undefined;
}

async function figurePool(): Promise<Tinypool> {
  // tinypool is loaded with the pool, not by every command that renders a chart.
  const { default: Tinypool } = await import('tinypool');
  // The queue lives in this thread, which is busy drawing the PDF for seconds at a time: tasks
  // are handed to the worker as they come (many at once), so it never waits for this thread to
  // pass it the next one. It runs them one after another (a rasterisation is synchronous).
  pool ??= new Tinypool({ filename: PNG_WORKER, minThreads: 1, maxThreads: 1, concurrentTasksPerWorker: 256, useAtomics: false });
  return pool;
}

/** The PNG of an SVG, rasterised in the worker thread with resvg's `options`. */
export async function rasteriseSvgInWorker(svg: string, options: ResvgRenderOptions): Promise<Buffer> {
  const png = (await (await figurePool()).run({ svg, options })) as Uint8Array;
  return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
}
