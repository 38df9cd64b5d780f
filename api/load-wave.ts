/**
 * `loadWave`: the tables a wave's run left in its out folder, read back as typed rows, for
 * exploratory work in a notebook or a script. It reads the stage outputs (it never reruns a stage):
 * normalised/respondents.csv and answers.csv, quality/audit.csv and analysis/analysis.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import type {
  AnalysisResult,
  AnswerTable,
  AuditRow,
  Codebook,
  EstimateRow,
  RankingRow,
  RegionScheme,
  Respondent,
  TestRow,
  Warning,
  WaveConfig,
} from '../contracts/types.ts';
import { UsageError } from '../contracts/errors.ts';
import { auditFromCsv } from '../io/table-files.ts';
import { normalisedFiles, readNormalisedWave } from '../stages/normalise/normalise-stage.ts';
import { readAnalysis } from '../stages/analyse/analyse-stage.ts';
import { contextFor, type WaveSelection } from './wave-selection.ts';
import { rememberAnswerRespondents } from './answer-respondents.ts';

/** Everything a run wrote about one wave, as typed rows. */
export interface WaveData {
  /** Wave id, e.g. `2022`. */
  wave: string;
  /** `<out>/<wave>`, the folder the tables were read from. */
  outDir: string;
  /** The wave's configuration with defaults filled (data/raw/<wave>/wave.json). */
  waveConfig: WaveConfig;
  codebook: Codebook;
  scale: { min: number; max: number };
  regionScheme: RegionScheme;
  /** Kept respondents (normalised/respondents.csv). */
  respondents: Respondent[];
  /** Long-format answers, columnar (normalised/answers.csv); `toDataFrame(answers)` gives one row per answer. */
  answers: AnswerTable;
  /** One row per input data row, kept or excluded with reasons (quality/audit.csv). */
  audit: AuditRow[];
  estimates: EstimateRow[];
  tests: TestRow[];
  rankings: RankingRow[];
  weighting: AnalysisResult['weighting'];
  /** Warnings of the normalise and analyse stages. */
  warnings: Warning[];
  /** How this wave was selected, so it can be passed on (e.g. to `buildFigureSpec`). */
  selection: WaveSelection;
}

/**
 * Reads the normalised tables and analysis outputs of a wave already run into `out`.
 * Throws UsageError, saying which command to run, when the wave has not been run there.
 *
 * @example
 * ```ts
 * const wave2022 = loadWave({ wave: '2022', out: 'out' });
 * wave2022.respondents.length;            // kept respondents, e.g. 1180
 * wave2022.estimates.filter((e) => e.region === 'Global' && e.measure === 'gap_preparedness');
 * ```
 */
export function loadWave(selection: WaveSelection = {}): WaveData {
  const ctx = contextFor(selection);
  const waveId = ctx.wave.config.wave;
  const files = normalisedFiles(ctx);
  for (const file of [files.respondents, files.meta, files.audit]) {
    if (!existsSync(file)) throw new UsageError(notRunYet(waveId, ctx.outDir, file));
  }
  if (![files.answersBinary, files.answers].some((file) => existsSync(file))) throw new UsageError(notRunYet(waveId, ctx.outDir, files.answersBinary));
  const analysis = readAnalysis(ctx.outDir);
  if (!analysis) throw new UsageError(notRunYet(waveId, ctx.outDir, 'analysis/analysis.json'));
  const normalised = readNormalisedWave(ctx);
  rememberAnswerRespondents(normalised.answers, normalised.respondents);
  return {
    wave: waveId,
    outDir: ctx.outDir,
    waveConfig: ctx.wave.config,
    codebook: ctx.wave.codebook,
    scale: normalised.scale,
    regionScheme: normalised.regionScheme,
    respondents: normalised.respondents,
    answers: normalised.answers,
    audit: auditFromCsv(readFileSync(files.audit, 'utf8')),
    estimates: analysis.estimates,
    tests: analysis.tests,
    rankings: analysis.rankings,
    weighting: analysis.weighting,
    warnings: [...normalised.warnings, ...analysis.warnings],
    selection: { wave: waveId, config: selection.config, out: selection.out, log: selection.log },
  };
}

function notRunYet(wave: string, outDir: string, missing: string): string {
  return `wave ${wave} has not been run into ${outDir} (${missing} is missing): run \`skillgap run --wave ${wave} --out <folder>\` or \`await runWave({ wave: '${wave}', out })\` first`;
}
