/**
 * Reads back what a stage wrote, for the next stage, the commands and the API, so no stage imports
 * another (paths: wave-layout.ts; types: contracts/stage-outputs.ts and contracts/types.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { NormalisedWave } from '../contracts/types.ts';
import type { RunContext } from '../contracts/stage.ts';
import type { IngestedMeta } from '../contracts/stage-outputs.ts';
import { readAnswerTableArrow } from './answer-table-arrow.ts';
import { readRespondentsArrow } from './respondents-arrow.ts';
import { answersFromCsv, respondentsFromCsv } from './table-files.ts';
import { ingestedMetaFile, normalisedFiles } from './wave-layout.ts';


/** ingested/<source>.meta.json of one source. */
export function readIngestedMeta(ctx: Pick<RunContext, 'outDir'>, sourceId: string): IngestedMeta {
  return JSON.parse(readFileSync(ingestedMetaFile(ctx, sourceId), 'utf8')) as IngestedMeta;
}

/**
 * Reads back what the normalise stage wrote, for the analyse stage and the API: the Arrow IPC
 * files of the respondents and answers when there are, else respondents.csv and answers.csv (an out
 * folder written before the Arrow files existed). Both give the same respondents and answers.
 */
export function readNormalisedWave(ctx: RunContext): NormalisedWave {
  const files = normalisedFiles(ctx);
  const { answersLayout: _layout, ...meta } = JSON.parse(readFileSync(files.meta, 'utf8')) as Pick<NormalisedWave, 'wave' | 'scale' | 'regionScheme' | 'warnings'> & { answersLayout?: string };
  const respondents = existsSync(files.respondentsArrow)
    ? readRespondentsArrow(files.respondentsArrow)
    : respondentsFromCsv(readFileSync(files.respondents, 'utf8'));
  const answers = existsSync(files.answersArrow)
    ? readAnswerTableArrow(files.answersArrow)
    : answersFromCsv(readFileSync(files.answers, 'utf8'), respondents, ctx.framework.competencies.map((c) => c.id), meta.scale);
  return { ...meta, respondents, answers, audit: [] };
}
