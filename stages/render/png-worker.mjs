// SVG → PNG with resvg, as a plain function a worker thread runs (stages/render/figure-pool.ts hands
// it to a tinypool pool; stages/render/render-figure.ts also calls it in its own thread): the
// rendering and the PNG encoding both (resvg's renderAsync renders in its thread pool but encodes
// the PNG on the calling thread, the larger part for big charts). A module of its own so that a
// thread that only rasterises does not load vega. Plain JavaScript: no TypeScript loader needed.
import { Resvg } from '@resvg/resvg-js';

/** Rasterises an SVG with resvg's `options` (render-figure.ts pngOptions). */
export default function png({ svg, options }) {
  return new Resvg(svg, options).render().asPng();
}
