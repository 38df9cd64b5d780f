import type { ResvgRenderOptions } from '@resvg/resvg-js';
/** Renders a Vega-Lite spec to an SVG string, without a DOM or canvas. */
export function svg(spec: object): Promise<string>;
/** Rasterises an SVG with resvg's options. */
export function png(task: { svg: string; options: ResvgRenderOptions }): Buffer;
