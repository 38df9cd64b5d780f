// Worker thread of stages/render/render-figure.ts's rasteriseSvg: turns SVGs into PNGs with resvg, the
// rendering and the PNG encoding both (resvg's renderAsync renders in the thread pool but encodes
// the PNG on the calling thread, the larger part for big charts). Plain JavaScript, so the worker
// starts without a TypeScript loader. Message in: { id, svg, options }; out: { id, png } or { id, error }.
import { parentPort } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';

parentPort.on('message', ({ id, svg, options }) => {
  try {
    const png = new Resvg(svg, options).render().asPng();
    const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
    parentPort.postMessage({ id, png: bytes }, bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer] : []);
  } catch (error) {
    parentPort.postMessage({ id, error: error?.message ?? String(error) });
  }
});
