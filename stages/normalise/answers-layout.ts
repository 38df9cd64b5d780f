/**
 * Which answer files the normalise stage writes (wave.json → `output.longAnswers`), shared by its
 * declaration (normalise-stage.ts: outputs and parameters) and its work (normalise-run.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { RunContext } from '../../contracts/stage.ts';
import { normalisedFiles } from '../../io/wave-layout.ts';

/**
 * Which answer files to write (wave.json → `output.longAnswers`):
 *   'always': answers.csv, one line per answer, however large;
 *   'auto' (default): answers.csv up to LONG_ANSWERS_LIMIT answers, answers-wide.csv above;
 *   'never': answers-wide.csv only.
 * Above the limit the long file costs more than the rest of the stage: a million respondents per
 * population give 120 million lines (≈ 5 GB), which no spreadsheet opens and R reads in minutes.
 * The wide file holds the same facts in one line per respondent. What was written is stated in
 * normalised/wave.json (`answersLayout`) and the manifest's output list.
 */
export type LongAnswersPolicy = 'always' | 'auto' | 'never';
export const LONG_ANSWERS_LIMIT = 25_000_000;

export function longAnswersPolicy(ctx: RunContext): LongAnswersPolicy {
  const output = (ctx.wave.config as { output?: { longAnswers?: LongAnswersPolicy } }).output;
  return output?.longAnswers ?? 'auto';
}

/** The answer file layout the last run wrote (from wave.json), or the long one when unknown. */
export function writtenAnswersLayout(ctx: RunContext): 'long' | 'wide' {
  const meta = normalisedFiles(ctx).meta;
  if (!existsSync(meta)) return 'long';
  try {
    return (JSON.parse(readFileSync(meta, 'utf8')) as { answersLayout?: 'long' | 'wide' }).answersLayout ?? 'long';
  } catch {
    return 'long';
  }
}
