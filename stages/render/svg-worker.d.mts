/** Renders a Vega-Lite spec to an SVG string, without a DOM or canvas. */
export default function svg(spec: object): Promise<string>;
