/**
 * report.pdf assembled in a worker thread (report-pdf-worker.mjs → assemble-report.ts), through a
 * tinypool pool of one thread started when the render stage starts: the thread loads pdfkit, the
 * fonts and vega while this thread renders the figures' SVGs; then it draws the PDF (≈ 2.5 s on the
 * sample wave) while this thread writes report.html and the figure pool makes the PNGs. The PDF is a
 * pure function of the ReportInput and the figures, so it is the same file in either thread
 * (test/stages/render/report-pdf-pool.test.ts).
 */
import Tinypool from 'tinypool';
import type { ReportInput } from './report-input.ts';
import type { RenderedFigure } from './render-figure.ts';

const REPORT_PDF_WORKER = new URL('./report-pdf-worker.mjs', import.meta.url).href;

export interface ReportPdfWorker {
  /** The PDF of `input` and its figures (their ids, specs and SVGs), drawn in the worker thread. */
  assemble(input: ReportInput, figures: readonly RenderedFigure[]): Promise<Buffer>;
  /** Stops the thread (also after a failure). */
  close(): Promise<void>;
}

export function startReportPdfWorker(): ReportPdfWorker {
  const pool = new Tinypool({ filename: REPORT_PDF_WORKER, minThreads: 1, maxThreads: 1, useAtomics: false });
  const ready = pool.run({ warmUp: true });
  ready.catch(() => {}); // a failed start surfaces in assemble()
  return {
    async assemble(input, figures) {
      await ready;
      // Only what the PDF reads of a figure: the PNGs, if any, stay here.
      const pdf = (await pool.run({ input, figures: figures.map(({ id, spec, svg }) => ({ id, spec, svg })) })) as Uint8Array;
      return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    },
    close: () => pool.destroy(),
  };
}
