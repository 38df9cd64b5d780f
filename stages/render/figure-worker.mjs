// The two slow steps of a figure, as plain functions a worker thread runs (stages/render/figure-pool.ts
// hands them to a tinypool pool; stages/render/render-figure.ts also calls them in its own thread):
//
//   svg(spec)               Vega-Lite spec ──vega-lite compile──▶ Vega spec ──vega View (renderer none)──▶ SVG string
//   png({ svg, options })   SVG ──resvg (only the embedded fonts)──▶ PNG bytes
//
// Plain JavaScript, so a worker starts without a TypeScript loader. Vega measures text with its
// built-in estimator (no canvas package), so the SVG is the same in any thread and on any machine.
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';

/** Renders a Vega-Lite spec to an SVG string, without a DOM or canvas. */
export async function svg(spec) {
  const vegaSpec = compile(spec).spec;
  // Vega numbers gradient and clip-path ids from module-level counters; reset them so the same
  // spec gives the same SVG however many charts were rendered before it.
  vega.resetSVGDefIds();
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none', logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Rasterises an SVG with resvg's `options` (render-figure.ts pngOptions): rendering and PNG encoding both. */
export function png({ svg: text, options }) {
  return new Resvg(text, options).render().asPng();
}
