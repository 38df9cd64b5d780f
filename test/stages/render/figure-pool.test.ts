/**
 * The PNG worker thread (stages/render/figure-pool.ts) is started only when there is work to
 * overlap: a single figure is rasterised on the calling thread (render-figure.ts renderFigures),
 * to the bytes the worker gives.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { figurePoolStarted } from '../../../stages/render/figure-pool.ts';
import { rasteriseSvg, renderFigures } from '../../../stages/render/render-figure.ts';
import { buildReportInput } from './fixtures.ts';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('figure pool', () => {
  it('one figure is rasterised without starting the worker, to the bytes the worker gives', async () => {
    const [figure] = await renderFigures(buildReportInput(), { only: ['gap-heatmap'], formats: ['svg', 'png'] });
    expect(figurePoolStarted()).toBe(false);
    const fromWorker = await rasteriseSvg(figure!.svg!);
    expect(figurePoolStarted()).toBe(true);
    expect(figure!.png!.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(sha256(figure!.png!)).toBe(sha256(fromWorker));
  }, 60_000);

  it('of several figures, each PNG (the last made here, the others in the worker) equals the worker\'s', async () => {
    const figures = await renderFigures(buildReportInput(), { only: ['gap-heatmap', 'rank-intervals', 'curriculum-gap'], formats: ['svg', 'png'] });
    expect(figures.map((figure) => figure.id)).toEqual(['gap-heatmap', 'rank-intervals', 'curriculum-gap']);
    for (const figure of figures) expect(sha256(figure.png!), figure.id).toBe(sha256(await rasteriseSvg(figure.svg!)));
  }, 60_000);
});
