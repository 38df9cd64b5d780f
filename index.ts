/**
 * skillgap's public API: what the notebooks (notebooks/*.ipynb) and researchers' scripts call.
 * Every function goes through the same handlers and readers as the `skillgap` command, so nothing
 * of the pipeline is copied here.
 *
 *   runWave / runStage     run the pipeline (as `skillgap run` / `skillgap analyse`)
 *   loadWave               read a run wave's tables back as typed rows
 *   toDataFrame            any of those tables as a danfojs DataFrame, equal to the CSV on disk
 *   forEachAnswer          the wide answer table's answers one by one (answerCount, answerTableFromLong)
 *   buildFigureSpec        a report figure's Vega-Lite spec, to change and
 *   renderFigureSvg        render to SVG
 *   compareWaveResults     change of each gap between two waves, top-5 entries and exits
 *   loadWaveConfig         a wave's config and codebook, and
 *   validateExports        its exports checked against the codebook before running it (as `skillgap validate`)
 *
 * @example
 * ```ts
 * import { runWave, loadWave, toDataFrame } from 'skillgap';
 * await runWave({ wave: '2022', out: 'out' });
 * const estimates = toDataFrame(loadWave({ wave: '2022', out: 'out' }).estimates);
 * ```
 */
export { loadWave, type WaveData } from './api/load-wave.ts';
export { runWave, runStage, type RunWaveOptions, type RunWaveResult } from './api/run-wave.ts';
export { buildFigureSpec, renderFigureSvg, loadReportInput, FIGURE_IDS } from './api/figure-spec.ts';
export { toDataFrame, type TableLike, type ToDataFrameOptions } from './api/to-data-frame.ts';
export { forEachAnswer, answerCount, answerTableFromLong, type AnswerEntry, type LongAnswer } from './contracts/answer-table.ts';
export { TABLE_COLUMNS, columnType, type TableKind, type ColumnType } from './api/table-kinds.ts';
export { compareWaveResults, type WaveChangeRow } from './api/compare-wave-results.ts';
export { loadWaveConfig, type WaveSetup } from './api/load-wave-config.ts';
export { validateExports, type ValidateExportsOptions } from './api/validate-exports.ts';
export type { ValidationReport, FileReport } from './commands/validate-command.ts';
export { REPO_ROOT } from './runner/context.ts';
export type { WaveSelection } from './api/wave-selection.ts';
export type { FigureId } from './stages/render/figures/index.ts';
export type { ReportInput } from './stages/render/report-input.ts';
export type { StageName, StageOutcome } from './runner/run.ts';
export { ValidationError, UsageError } from './contracts/errors.ts';
export * from './contracts/types.ts';
