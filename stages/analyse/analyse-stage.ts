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
import type { analyseWave } from './analyse-wave.ts';
import { emptyPopulationProblems } from './check-estimates.ts';
import { ValidationError } from '../../contracts/errors.ts';
import { answerCount } from '../../contracts/answer-table.ts';
import { describeAnalysisTables } from './describe-analysis-tables.ts';
import { writeFileAtomic } from '../../io/atomic-write.ts';
import { BufferedFileWriter } from '../../io/buffered-file-writer.ts';
import { analysisToJson, estimatesToCsv, marginFitToCsv, rankingsToCsv, respondentWeightLine, RESPONDENT_WEIGHT_HEADER, testsToCsv } from '../../io/table-files.ts';
import { analysisFiles, normalisedFiles } from '../../io/wave-layout.ts';
import { readNormalisedWave } from '../../io/read-stage-outputs.ts';

export { analysisFiles };
export { readAnalysis } from '../../io/read-stage-outputs.ts';
import { frameworkFiles, loadFrameworks } from '../../contracts/frameworks/load-frameworks.ts';
import { frameworkEstimatesToCsv } from './describe-framework-tables.ts';

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
  async run(ctx) {
    // Loaded on use: the statistics (and @stdlib's quantile functions) are not needed to decide
    // that nothing is stale, nor by `skillgap figures`, which only reads analysis.json.
    const { analyseWave } = await import('./analyse-wave.ts');
    const { rollUpFrameworks } = await import('./framework-rollups.ts');
    const wave = readNormalisedWave(ctx);
    const files = analysisFiles(ctx.outDir);
    // Streamed: a line per respondent, a million per population on large waves.
    const weightWriter = new BufferedFileWriter(files.respondentWeights, ctx.fileHashes);
    let result: ReturnType<typeof analyseWave>;
    try {
      weightWriter.write(RESPONDENT_WEIGHT_HEADER);
      result = analyseWave(wave, ctx.wave.config, undefined, (population, memberIndex, baseWeights, finalWeights) => {
        let text = '';
        for (let i = 0; i < memberIndex.length; i++) {
          text += respondentWeightLine(wave.respondents[memberIndex[i]].respondentId, population, baseWeights[i], finalWeights[i]);
          if (i % 10_000 === 9_999) {
            weightWriter.write(text);
            text = '';
          }
        }
        weightWriter.write(text);
      });
      weightWriter.commit();
    } catch (error) {
      weightWriter.abort();
      throw error;
    }
    const frameworks = loadFrameworks(ctx.root, ctx.wave.waveDir, ctx.wave.config.frameworks, ctx.framework);
    // Framework units hide what the competency tables hide (stages/analyse/disclosure/, framework-rollups.ts).
    result.frameworks = rollUpFrameworks(wave, ctx.wave.config, frameworks, result.estimates);
    writeFileAtomic(files.marginFit, marginFitToCsv(result.marginFit ?? []), ctx.fileHashes);
    writeFileAtomic(files.estimates, estimatesToCsv([...result.estimates, ...(result.countries?.estimates ?? [])]), ctx.fileHashes);
    writeFileAtomic(files.tests, testsToCsv(result.tests), ctx.fileHashes);
    writeFileAtomic(files.rankings, rankingsToCsv(result.rankings), ctx.fileHashes);
    writeFileAtomic(files.frameworkEstimates, frameworkEstimatesToCsv(result.frameworks), ctx.fileHashes);
    writeFileAtomic(files.datapackage, JSON.stringify(describeAnalysisTables(), null, 2) + '\n', ctx.fileHashes);
    const { countries, ...regions } = result;
    writeFileAtomic(files.result, analysisToJson(regions) + '\n', ctx.fileHashes);
    writeFileAtomic(files.countries, JSON.stringify(countries ?? null) + '\n', ctx.fileHashes);
    // Written first, so estimates.csv shows what came out.
    const empty = emptyPopulationProblems(result.estimates, wave.respondents, ctx.wave.config);
    if (empty.length > 0) throw ValidationError.many(empty.map((message) => ({ message, where: {} })));
    return { rowsIn: answerCount(wave.answers), rowsOut: result.estimates.length, warnings: result.warnings };
  },
};
