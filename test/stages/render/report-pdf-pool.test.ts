/**
 * report-pdf-pool.ts: report.pdf drawn in the worker thread is the PDF drawn in this thread, byte for
 * byte (the render stage draws it there); a failure there reaches the caller.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assembleReport } from '../../../stages/render/assemble-report.ts';
import { renderFigures } from '../../../stages/render/render-figure.ts';
import { startReportPdfWorker } from '../../../stages/render/report-pdf-pool.ts';
import { buildReportInput } from './fixtures.ts';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('report.pdf in a worker thread', () => {
  it('is the PDF drawn in this thread', async () => {
    const input = buildReportInput({ withPrevious: true });
    const figures = await renderFigures(input, { formats: ['svg'] });
    const worker = startReportPdfWorker();
    try {
      const there = await worker.assemble(input, figures);
      const here = await assembleReport(input, figures);
      expect(there.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(there.length).toBeGreaterThan(50_000);
      expect(sha256(there)).toBe(sha256(here));
    } finally {
      await worker.close();
    }
  }, 120_000);

  it('a failure in the thread reaches the caller', async () => {
    const worker = startReportPdfWorker();
    try {
      const input = buildReportInput();
      await expect(worker.assemble({ ...input, analysis: undefined as never }, [])).rejects.toThrow();
    } finally {
      await worker.close();
    }
  }, 60_000);
});
