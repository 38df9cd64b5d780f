/**
 * Stage 3, analyse: the normalised wave → analysis/estimates.csv, tests.csv, rankings.csv,
 * datapackage.json (Frictionless descriptor of those tables), analysis.json (the whole result,
 * read by the render stage and `skillgap figures`), respondent-weights.csv (each respondent's base
 * and final weight, so anyone can recompute the estimates; here rather than in normalised/
 * respondents.csv because the final weights depend on the analysis settings — margins, cap — and
 * normalise's outputs must not change when only those change) and margin-fit.csv (raked
 * populations: each margin category's target and achieved total).
 */
import { join } from 'node:path';
import type { StageDefinition } from '../../contracts/stage.ts';
import { analysisFiles, normalisedFiles } from '../../io/wave-layout.ts';
import { frameworkFiles } from '../../contracts/frameworks/load-frameworks.ts';

export { analysisFiles };

export const analyseStage: StageDefinition = {
  name: 'analyse',
  version: '6',
  entry: 'stages/analyse/analyse-stage.ts',
  dataPaths: ['data/competencies.json', 'data/frameworks'],
  inputs: (ctx) => {
    const files = normalisedFiles(ctx);
    // The Arrow files analyse reads (readNormalisedWave), not respondents.csv.
    // The crosswalk (competencies.json) and the framework files decide the framework roll-ups.
    const frameworks = frameworkFiles(ctx.root, ctx.wave.waveDir, ctx.wave.config.frameworks);
    return [files.respondentsArrow, files.answersArrow, files.meta, join(ctx.root, 'data', 'competencies.json'), ...frameworks];
  },
  outputs: (ctx) => Object.values(analysisFiles(ctx.outDir)),
  parameters: (ctx) => ({ wave: ctx.wave.config.wave, suppression: ctx.wave.config.suppression, analysis: ctx.wave.config.analysis, frameworks: ctx.wave.config.frameworks ?? null }),
  // Loaded on use (analyse-run.ts): the readers, the statistics and Arrow are not needed to decide
  // that nothing is stale.
  run: async (ctx) => (await import('./analyse-run.ts')).runAnalyse(ctx),
};
