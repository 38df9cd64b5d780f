/** The same ReportInput renders to byte-identical SVG, PNG and PDF. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assembleReport } from '../../../stages/render/assemble-report.ts';
import { rasteriseSvg, renderFigures, renderSvgToPng } from '../../../stages/render/render-figure.ts';
import { buildReportInput } from './fixtures.ts';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

describe('render determinism', () => {
  it('renders identical SVG, PNG and PDF twice', async () => {
    const input = buildReportInput({ withPrevious: true });
    const hashes = async () => {
      const figures = await renderFigures(input);
      const pdf = await assembleReport(input, figures);
      return { figures: figures.map((figure) => [figure.id, sha256(figure.svg!), sha256(figure.png!)]), pdf: sha256(pdf) };
    };
    const first = await hashes();
    const second = await hashes();
    expect(second).toEqual(first);
    expect(first.figures).toHaveLength(9);
  }, 60_000);

  it('the PNG is twice the SVG size and starts with the PNG signature', async () => {
    const [figure] = await renderFigures(buildReportInput(), { only: ['rank-intervals'], formats: ['svg', 'png'] });
    const svgWidth = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(figure!.svg!)![1]);
    expect(figure!.png!.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(figure!.png!.readUInt32BE(16)).toBe(Math.ceil(svgWidth * 2));
  });

  it('the PNG worker thread gives the bytes this thread gives', async () => {
    const figures = await renderFigures(buildReportInput({ withPrevious: true }), { formats: ['svg', 'png'] }); // PNGs from the pool (stages/render/figure-pool.ts), the last one from this thread
    for (const figure of figures) expect(sha256(figure.png!), figure.id).toBe(sha256(renderSvgToPng(figure.svg!)));
    expect(sha256(await rasteriseSvg(figures[0].svg!))).toBe(sha256(renderSvgToPng(figures[0].svg!)));
  }, 60_000);
});
