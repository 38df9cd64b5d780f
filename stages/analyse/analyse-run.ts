/**
 * What the analyse stage runs (analyse-stage.ts declares the stage and loads this module on use, so
 * deciding that nothing is stale does not load the readers, the statistics and Arrow): the
 * normalised wave → the files under analysis/ (see analyse-stage.ts).
 */
import type { RunContext, StageReport } from '../../contracts/stage.ts';
import { POPULATIONS, type AnalysisResult, type FrameworkRollup, type NormalisedWave } from '../../contracts/types.ts';
import { emptyPopulationProblems } from './check-estimates.ts';
import { ValidationError } from '../../contracts/errors.ts';
import { answerCount } from '../../contracts/answer-table.ts';
import { describeAnalysisTables } from './describe-analysis-tables.ts';
import { writeFileAtomic } from '../../io/atomic-write.ts';
import { BufferedFileWriter } from '../../io/buffered-file-writer.ts';
import { analysisToJson, estimatesToCsv, marginFitToCsv, rankingsToCsv, respondentWeightLine, RESPONDENT_WEIGHT_HEADER, testsToCsv } from '../../io/table-files.ts';
import { analysisFiles } from '../../io/wave-layout.ts';
import { readNormalisedWave } from '../../io/read-stage-outputs.ts';
import { loadFrameworks } from '../../contracts/frameworks/load-frameworks.ts';
import { frameworkEstimatesToCsv } from './describe-framework-tables.ts';
import { layOutPopulations } from './population-layout.ts';
import { encodeAnswers } from './encode-answers.ts';
import { weighPopulation } from './population-weights.ts';
import { requestedWorkers } from '../../io/requested-workers.ts';

export async function runAnalyse(ctx: RunContext): Promise<StageReport> {
  // Loaded on use: the statistics (and @stdlib's quantile functions) are not needed to decide
  // that nothing is stale, nor by `skillgap figures`, which only reads analysis.json.
  const { analyseWaveSteps } = await import('./analyse-wave.ts');
  const { rollUpFrameworksSteps, frameworkStatisticsInput } = await import('./framework-rollups.ts');
  const { startAnalysisPool, analysisWorkerPlan } = await import('./analysis-pool.ts');
  const { solveStepsConcurrently } = await import('./rank-set-steps.ts');
  const wave = readNormalisedWave(ctx);
  const files = analysisFiles(ctx.outDir);
  const frameworks = loadFrameworks(ctx.root, ctx.wave.waveDir, ctx.wave.config.frameworks, ctx.framework);
  // A worker thread takes the frameworks' respondent-level part on large waves (meanwhile the
  // competencies are analysed here) and shares the rank sets when they are many (analysis-pool.ts).
  const pool = startAnalysisPool(analysisWorkerPlan(wave, frameworks, requestedWorkers()));
  try {
    // The population layout, the answers encoded and the weights computed once, for both (the
    // framework part gets copies).
    const layout = layOutPopulations(wave.respondents);
    const prepared = {
      layout, encoded: encodeAnswers(wave, layout.populationCode, layout.localRow, layout.counts),
      weighed: POPULATIONS.map((population, code) => weighPopulation(population, wave.respondents, layout.memberIndex[code], ctx.wave.config)),
    };
    const { statistics: frameworkStatistics } = frameworks.length > 0
      ? await pool.startFrameworkStatistics(frameworkStatisticsInput(wave, ctx.wave.config, frameworks, prepared))
      : { statistics: Promise.resolve([]) };
    // Framework units hide what the competency tables hide (stages/analyse/disclosure/, framework-rollups.ts).
    return await analyseAndWrite(ctx, wave, files,
      (onWeights) => solveStepsConcurrently(analyseWaveSteps(wave, ctx.wave.config, undefined, onWeights, prepared), pool.solveRankSets),
      async (estimates) => solveStepsConcurrently(rollUpFrameworksSteps(wave, ctx.wave.config, frameworks, estimates, await frameworkStatistics), pool.solveRankSets));
  } finally {
    await pool.close();
  }
}

type AnalyseWave = typeof import('./analyse-wave.ts').analyseWave;
type WaveAnalysis = import('./analyse-wave.ts').WaveAnalysis;

/** Runs the competency analysis (writing each respondent's weights as they come), then the framework roll-ups, and writes analysis/. */
async function analyseAndWrite(
  ctx: RunContext, wave: NormalisedWave, files: ReturnType<typeof analysisFiles>,
  analyse: (onWeights: Parameters<AnalyseWave>[3]) => Promise<WaveAnalysis>,
  rollUpFrameworks: (competencyEstimates: AnalysisResult['estimates']) => Promise<FrameworkRollup[]>,
): Promise<StageReport> {
  // Streamed: a line per respondent, a million per population on large waves.
  const weightWriter = new BufferedFileWriter(files.respondentWeights, ctx.fileHashes);
  let result: WaveAnalysis;
  try {
    weightWriter.write(RESPONDENT_WEIGHT_HEADER);
    result = await analyse((population, memberIndex, baseWeights, finalWeights) => {
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
  const frameworks = (result.frameworks = await rollUpFrameworks(result.estimates));
  writeFileAtomic(files.marginFit, marginFitToCsv(result.marginFit ?? []), ctx.fileHashes);
  writeFileAtomic(files.estimates, estimatesToCsv([...result.estimates, ...(result.countries?.estimates ?? [])]), ctx.fileHashes);
  writeFileAtomic(files.tests, testsToCsv(result.tests), ctx.fileHashes);
  writeFileAtomic(files.rankings, rankingsToCsv(result.rankings), ctx.fileHashes);
  writeFileAtomic(files.frameworkEstimates, frameworkEstimatesToCsv(frameworks), ctx.fileHashes);
  writeFileAtomic(files.datapackage, JSON.stringify(describeAnalysisTables(), null, 2) + '\n', ctx.fileHashes);
  const { countries, ...regions } = result;
  writeFileAtomic(files.result, analysisToJson(regions) + '\n', ctx.fileHashes);
  writeFileAtomic(files.countries, JSON.stringify(countries ?? null) + '\n', ctx.fileHashes);
  // Written first, so estimates.csv shows what came out.
  const empty = emptyPopulationProblems(result.estimates, wave.respondents, ctx.wave.config);
  if (empty.length > 0) throw ValidationError.many(empty.map((message) => ({ message, where: {} })));
  return { rowsIn: answerCount(wave.answers), rowsOut: result.estimates.length, warnings: result.warnings };
}
