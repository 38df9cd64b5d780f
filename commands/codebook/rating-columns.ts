/**
 * Whether an export column looks like a rating (Likert) question, judged from its answers: few
 * distinct answers (at most MAX_DISTINCT), most of the answered cells either a scale label of a
 * known pattern, a missing-answer label, or a small integer (0–10). Free text, countries, dates
 * and ids fail the first or the second test. Used by `codebook init` to choose the columns to
 * match and by `validate` to find rating columns the codebook does not map.
 */
import type { RawTable } from '../../contracts/types.ts';
import { classifyAnswerLabel } from './draft-scale.ts';
import { whyNotRating } from './not-a-rating.ts';

/** A 5-point scale in four languages with its missing labels has about 30 distinct answers. */
export const MAX_DISTINCT = 40;
/** Share of answered cells that must read as scale points or missing labels. */
const MIN_SCALE_SHARE = 0.8;

/** Distinct non-blank answers of one column with their counts; stops early (returns undefined) past `limit` distinct answers. */
export function answerCounts(table: RawTable, columnIndex: number, limit = Infinity): Map<string, number> | undefined {
  const counts = new Map<string, number>();
  for (const row of table.rows) {
    const cell = (row[columnIndex] ?? '').trim();
    if (cell === '') continue;
    counts.set(cell, (counts.get(cell) ?? 0) + 1);
    if (counts.size > limit) return undefined;
  }
  return counts;
}

/**
 * Survey-tool bookkeeping columns whose values can look like a small scale (LimeSurvey
 * `lastpage` 1–4, Qualtrics `Progress`, Kobo `_index`): never ratings.
 */
const TOOL_METADATA = /^(lastpage|seed|id|_id|_index|_version_?|progress|finished|status|q_recaptchascore|q_relevantidfraudscore|interviewtime|duration.*|.*timing.*)$/i;

export function isToolMetadataColumn(key: string): boolean {
  // Full-text exports write `Last page`, `Seed` for LimeSurvey's `lastpage`, `seed`.
  return TOOL_METADATA.test(key.trim()) || TOOL_METADATA.test(key.replace(/\s+/g, ''));
}

export function looksLikeRatings(counts: ReadonlyMap<string, number> | undefined): boolean {
  if (!counts || counts.size === 0 || counts.size > MAX_DISTINCT) return false;
  let answered = 0;
  let onScale = 0;
  for (const [label, count] of counts) {
    answered += count;
    const placed = classifyAnswerLabel(label);
    // −1 … −9: "no basis for evaluation" choices that Qualtrics recodes negative (draft-scale.ts).
    if (placed && ('missing' in placed || (placed.value >= -9 && placed.value <= 10 && Number.isInteger(placed.value)))) onScale += count;
  }
  return onScale / answered >= MIN_SCALE_SHARE;
}

/** Indices of the columns of the table that look like ratings (and are not consent, checkbox, count… columns: not-a-rating.ts). */
export function ratingColumnIndices(table: RawTable): number[] {
  return table.columns.flatMap((column, index) => {
    if (isToolMetadataColumn(column.key)) return [];
    const counts = answerCounts(table, index, MAX_DISTINCT);
    return looksLikeRatings(counts) && !whyNotRating(column, counts!) ? [index] : [];
  });
}
