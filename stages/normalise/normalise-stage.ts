/**
 * Stage 2, normalise: cached raw tables → normalised/respondents.csv, the answers (answers.csv,
 * or answers-wide.csv for very large waves: see `output.longAnswers` below), normalised/wave.json,
 * quality/audit.csv and quality/summary.json, plus normalised/answers.arrow and
 * normalised/respondents.arrow, the Arrow IPC files the analyse stage reads
 * (io/answer-table-arrow.ts, io/respondents-arrow.ts).
 *
 * The ingest cache is read column-wise (dictionary-encoded, columnar-raw-table.ts), and every
 * large file is written through a 4 MiB buffer: nothing is ever one giant string.
 */
import type { StageDefinition } from '../../contracts/stage.ts';
import { ingestedFiles, normalisedFiles } from '../../io/wave-layout.ts';
import { longAnswersPolicy, writtenAnswersLayout } from './answers-layout.ts';

export { normalisedFiles };
export { LONG_ANSWERS_LIMIT, longAnswersPolicy, type LongAnswersPolicy } from './answers-layout.ts';
export { countRespondents, type AuditSummary, type RespondentCount } from '../../contracts/stage-outputs.ts';

export const normaliseStage: StageDefinition = {
  name: 'normalise',
  version: '7',
  entry: 'stages/normalise/normalise-stage.ts',
  dataPaths: ['data/regions', 'data/competencies.json'],
  inputs: (ctx) => [...ingestedFiles(ctx), ctx.wave.codebookPath],
  outputs: (ctx) => {
    const { answers, answersWide, ...rest } = normalisedFiles(ctx);
    return [...Object.values(rest), writtenAnswersLayout(ctx) === 'wide' ? answersWide : answers];
  },
  parameters: (ctx) => ({ quality: ctx.wave.config.quality, regionScheme: ctx.wave.config.regionScheme, sources: ctx.wave.config.sources, longAnswers: longAnswersPolicy(ctx) }),
  // Loaded on use (normalise-run.ts): the readers, the writers and Arrow are not needed to decide
  // that nothing is stale.
  run: async (ctx) => (await import('./normalise-run.ts')).runNormalise(ctx),
};
