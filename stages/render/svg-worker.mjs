// Vega-Lite spec → SVG, as a plain function a worker thread runs (stages/render/figure-pool.ts hands
// it to a tinypool pool; stages/render/render-figure.ts also calls it in its own thread):
//
//   spec ──vega-lite compile──▶ Vega spec ──vega View (renderer none)──▶ SVG string
//
// Plain JavaScript, so a worker starts without a TypeScript loader. Vega measures text with its
// built-in estimator (no canvas package), so the SVG is the same in any thread and on any machine.
import * as vega from 'vega';
import { compile } from 'vega-lite';

/** Renders a Vega-Lite spec to an SVG string, without a DOM or canvas. */
export default async function svg(spec) {
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
