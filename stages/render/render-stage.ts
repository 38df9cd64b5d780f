/**
 * Stage 4, render: the cached analysis → figures/<id>.{vl.json,svg,png}, report.pdf and report.html
 * (the work is in render-run.ts). This file declares the stage: its inputs, outputs and parameters.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { RunContext, StageDefinition } from '../../contracts/stage.ts';
import { analysisFiles, figureFiles, figureIndexFile, htmlReportFile, normalisedFiles, reportFile, siblingWaveDir } from '../../io/wave-layout.ts';

export { figureFiles, htmlReportFile, reportFile };
const previousOutDir = (ctx: RunContext) =>
  ctx.wave.config.previousWave ? siblingWaveDir(ctx.outDir, ctx.wave.config.previousWave) : null;


export const renderStage: StageDefinition = {
  name: 'render',
  version: '2',
  entry: 'stages/render/render-stage.ts',
  dataPaths: ['docs/methods.md', 'data/competencies.json', 'data/regions/region-names.json'],
  inputs: (ctx) => {
    const previous = previousOutDir(ctx);
    const files = [analysisFiles(ctx.outDir).result, normalisedFiles(ctx).respondentCounts, normalisedFiles(ctx).summary];
    if (previous && existsSync(analysisFiles(previous).result)) files.push(analysisFiles(previous).result);
    return files;
  },
  // Which figures a wave has depends on its data (wave-change needs a previous wave, the Likert
  // figures need published distributions), so the stage records the ids it wrote in
  // figures/index.json and declares those files.
  outputs: (ctx) => [
    reportFile(ctx),
    htmlReportFile(ctx),
    figureIndexFile(ctx.outDir),
    ...writtenFigureIds(ctx.outDir).flatMap((id) => Object.values(figureFiles(ctx.outDir, id))),
  ],
  parameters: (ctx) => ctx.wave.config,
  // Loaded on use (render-run.ts): the catalogues, the readers, vega and pdfkit are not needed to
  // decide that nothing is stale.
  run: async (ctx) => (await import('./render-run.ts')).runRender(ctx),
};

function writtenFigureIds(outDir: string): string[] {
  const file = figureIndexFile(outDir);
  if (!existsSync(file)) return [];
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { figures: string[] }).figures;
  } catch {
    return [];
  }
}
