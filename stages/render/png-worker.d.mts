import type { ResvgRenderOptions } from '@resvg/resvg-js';
/** Rasterises an SVG with resvg's options. */
export default function png(task: { svg: string; options: ResvgRenderOptions }): Buffer;
