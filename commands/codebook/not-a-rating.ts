/**
 * Columns whose answers may look like a small scale but are not ratings, so `codebook init` never
 * takes them (nor `validate` reports them as unmapped ratings). Judged from the column's heading
 * and its answers, in this order:
 *   consent       the heading or an answer asks for / gives consent ("I agree to participate")
 *   ranking       the heading asks to rank or order items (each cell is a rank, not a rating)
 *   id            the heading names an id, index or seed, or every answer is different (≥ 12 answers)
 *   count         the heading asks how many / how old / which year, or an answer is a decimal, an
 *                 integer above 10, or a range (`1-5`, `10-20`): counts, ages, binned numbers
 *   checkbox      the answers are one choice marker (`1`; `0`/`1`; Yes/No; True/False; Y/N; X),
 *                 or one single text in every answered cell (a multi-select option holding its own
 *                 label when ticked, as SurveyMonkey and Google Forms grids write it)
 *   multi_select  answers joined with ", " or ";" from answers seen alone (Google Forms checkboxes)
 *   no_answer     every answered cell is a missing-answer label (Kobo's `n/a` for "not shown")
 *   categories    SPSS value labels name categories, none a scale point (1 = red, 2 = green)
 * A rating battery is then recognised by its answers (rating-columns.ts): these rules only say no.
 */
import type { RawColumn } from '../../contracts/types.ts';
import { normaliseLabel } from '../../stages/normalise/normalise-label.ts';
import { classifyAnswerLabel } from './draft-scale.ts';

export type NotRatingReason = 'consent' | 'ranking' | 'id' | 'count' | 'checkbox' | 'multi_select' | 'no_answer' | 'categories';

export interface NotRating {
  reason: NotRatingReason;
  note: string;
}

const CONSENT_HEADING = /\bconsent|\bagree to (take part|participate)|\bparticipate in (this|the) (study|research)|consentimiento|consentement|consentimento|einwilligung|toestemming|\bacepto participar|\bj'accepte\b/;
const CONSENT_ANSWER = /\bi (agree|consent|accept)\b|agree to (take part|participate)|\bacepto\b|\bj'accepte\b|\baceito\b|\bich stimme\b/;
const RANKING_HEADING = /\brank(s|ed|ing)?\b|in order of preference|\border (the|de|these)\b.*\bfrom\b|\bclassez\b|\bordene\b|\bordena\b|\bclasifique\b/;
const ID_HEADING = /(^|[\s_/.\-[])(id|uuid|index|seed|key|identifier|record ?id|response ?id|respondent ?id)(\]|$)/;
const COUNT_HEADING = /\bhow many\b|\bnumber of\b|\bhow old\b|\bage\b|\bwhat year\b|\byear (of|you)\b|\bborn\b|\bfilecount\b|\bcount\b|\bcombien\b|\bcu[aá]nt[oa]s\b|\bquant[oa]s\b|\bwie viele\b|\bhoeveel\b|\bleeftijd\b|\bedad\b|\bidade\b/;
const RANGE = /^-?\d+(\.\d+)?\s*[-–]\s*\d+(\.\d+)?$/;
const CHOICE_MARKER_SETS: readonly (readonly string[])[] = [
  ['1'], ['0', '1'], ['yes', 'no'], ['y', 'n'], ['true', 'false'], ['x'], ['checked', 'unchecked'], ['selected', 'not selected'],
  ['oui', 'non'], ['si', 'no'], ['sim', 'nao'], ['ja', 'nein'], ['ja', 'nee'],
];
/** Answers needed before "every answer differs" reads as an id rather than chance. */
const MIN_ANSWERS_FOR_ID = 12;
/** Answers needed before "one single text in every cell" reads as a ticked option rather than chance. */
const MIN_ANSWERS_FOR_SINGLE_TEXT = 5;

/**
 * Why the column is not a rating, or undefined when nothing says so. `counts`: distinct non-blank
 * answers → cells; `valueLabels`: the SPSS value labels of the column (raw value → label), if any.
 */
export function whyNotRating(column: RawColumn, counts: ReadonlyMap<string, number>, valueLabels: Readonly<Record<string, string>> = {}): NotRating | undefined {
  const heading = normaliseLabel(`${column.key} ${column.label}`);
  const answers = [...counts.keys()].map((answer) => normaliseLabel(answer));
  const answered = [...counts.values()].reduce((sum, count) => sum + count, 0);
  if (CONSENT_HEADING.test(heading) || answers.some((answer) => CONSENT_ANSWER.test(answer))) return { reason: 'consent', note: 'a consent question' };
  if (RANKING_HEADING.test(heading)) return { reason: 'ranking', note: 'a ranking: each cell is a rank, not a rating' };
  if (ID_HEADING.test(normaliseLabel(column.key)) || ID_HEADING.test(normaliseLabel(column.label))) return { reason: 'id', note: 'an id, index or seed column' };
  if (answered >= MIN_ANSWERS_FOR_ID && counts.size === answered) return { reason: 'id', note: 'every answer is different (an id)' };
  if (COUNT_HEADING.test(heading)) return { reason: 'count', note: 'the question asks for a number (how many, age, year)' };
  const notMissing = answers.filter((answer) => !isMissingLabel(answer));
  if (notMissing.length === 0) return { reason: 'no_answer', note: 'every answer is a missing-answer label' };
  const numberLike = notMissing.find((answer) => RANGE.test(answer) || (/^-?\d+(\.\d+)?$/.test(answer) && (!Number.isInteger(Number(answer)) || Number(answer) > 10)));
  if (numberLike !== undefined) return { reason: 'count', note: `numeric answers beyond a rating scale (e.g. "${numberLike.slice(0, 12)}")` };
  const distinct = new Set(notMissing);
  if (CHOICE_MARKER_SETS.some((set) => [...distinct].every((answer) => set.includes(answer)))) {
    return { reason: 'checkbox', note: `answers are choice markers (${[...distinct].sort().join('/')})` };
  }
  if (distinct.size === 1 && (answered >= MIN_ANSWERS_FOR_SINGLE_TEXT || optionLabelOf(column) === notMissing[0])) {
    return { reason: 'checkbox', note: 'one single text in every answered cell (a ticked multi-select option)' };
  }
  const labelled = [...counts.keys()].map((answer) => valueLabels[answer.trim()]).filter((label): label is string => label !== undefined);
  if (labelled.length > 0 && labelled.every((label) => classifyAnswerLabel(label) === undefined)) {
    return { reason: 'categories', note: `its value labels name categories (${labelled.slice(0, 3).join(', ')}), not scale points` };
  }
  if (joinedShare(answers, distinct) >= 0.1) return { reason: 'multi_select', note: 'answers joined with ", " or ";" (a multi-select question)' };
  return undefined;
}

function isMissingLabel(answer: string): boolean {
  const placed = classifyAnswerLabel(answer);
  return placed !== undefined && 'missing' in placed;
}

/** The option a multi-select column stands for: its label, or the part of its key after " - ". */
function optionLabelOf(column: RawColumn): string {
  const dash = column.key.lastIndexOf(' - ');
  return normaliseLabel(column.label !== '' ? column.label : dash > 0 ? column.key.slice(dash + 3) : column.key);
}

/** Share of distinct answers that are two or more other answers of the column joined with ", " or ";". */
function joinedShare(answers: readonly string[], distinct: ReadonlySet<string>): number {
  if (answers.length === 0) return 0;
  const joined = answers.filter((answer) => {
    const parts = answer.split(/\s*[;,]\s*/).filter((part) => part !== '');
    return parts.length >= 2 && parts.every((part) => distinct.has(part));
  }).length;
  return joined / answers.length;
}
