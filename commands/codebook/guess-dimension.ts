/**
 * Which dimension a rating question measures, from the words of its stem ("How important is…",
 * "How well prepared are…", "How well does your curriculum cover…") in English, French, Spanish
 * or Portuguese, or, when the export has no question text (LimeSurvey code headings), from the
 * answer labels (“Very important”, “Well prepared”, “Partly covered”, “Bien abordé”).
 * Matching is on normalised text (accents removed), so `préparation`, `preparación` and
 * `preparação` all read `preparac…`/`preparat…`.
 */
import type { Dimension } from '../../contracts/types.ts';
import { normaliseLabel } from '../../stages/normalise/normalise-label.ts';

const DIMENSION_WORDS: Record<Dimension, RegExp> = {
  importance: /\bimportan(t|ce|cia|te|tes)\b|\bimportancia\b|\bcritical to\b|\bessential\b|\bpriority\b/g,
  // Not "competence": questionnaires call every item a competence.
  preparedness: /\bprepar\w*|\bready\b|\breadiness\b|\bproficien\w*/g,
  coverage: /\bcover\w*|\bcouvr\w*|\bcouvert\w*|\bcobert\w*|\bcubre\w*|\bcubiert\w*|\bcurricul\w*|\btaught\b|\bteach\w*|\benseign\w*|\bensen\w*|\bensin\w*|\babord\w*/g,
};

export interface DimensionGuess {
  dimension: Dimension;
  /** 1 when one dimension's words are found and no other's; lower when several are. */
  confidence: number;
  evidence: string;
}

/** The dimension named by the text, or undefined when no dimension word is found. */
export function guessDimension(text: string): DimensionGuess | undefined {
  const normalised = normaliseLabel(text);
  const counts = (Object.keys(DIMENSION_WORDS) as Dimension[])
    .map((dimension) => ({ dimension, words: normalised.match(DIMENSION_WORDS[dimension]) ?? [] }))
    .filter((found) => found.words.length > 0)
    .sort((a, b) => b.words.length - a.words.length);
  if (counts.length === 0) return undefined;
  const [best, second] = counts;
  const total = counts.reduce((sum, found) => sum + found.words.length, 0);
  const confidence = second && second.words.length === best.words.length ? 0.4 : best.words.length / total;
  return { dimension: best.dimension, confidence: Math.round(confidence * 1000) / 1000, evidence: best.words[0] ?? '' };
}

/** The dimension most answer labels of a column name (for columns without question text). */
export function guessDimensionFromAnswers(labels: readonly string[]): DimensionGuess | undefined {
  return guessDimension(labels.join(' ; '));
}
