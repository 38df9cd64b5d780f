/**
 * Drafts a codebook's answer scale from the answer texts seen in the rating columns. A label is
 * placed on the scale when it is a number ("4"), starts with one ("4 - Very important"), or
 * matches a known 5-point Likert pattern (intensity words of unipolar scales such as
 * "Not at all / Slightly / Moderately / Very / Extremely important", "Not covered … Covered in
 * depth", and the agreement scale), in English, French, Spanish or Portuguese. Labels meaning
 * "no answer" (Don't know, N/A, Prefer not to say, -99…) go to `missing`. Anything else is
 * listed as unrecognised for the reviewer. Patterns: the usual Likert anchor wordings (Vagias,
 * "Likert-type scale response anchors", Clemson University, 2006), translated by us.
 * Three set-level rules come on top of the label-level ones:
 *   - a bipolar word pair among the labels (favorably/unfavorably, satisfied/dissatisfied,
 *     likely/unlikely) makes a 5-point bipolar scale: very/extremely un-X 1, somewhat un-X 2,
 *     neither/neutral 3, somewhat X 4, very/extremely X 5;
 *   - small negative integers (−1 … −9) next to positive scale points are "no basis for evaluation"
 *     recodes (Qualtrics recodes such choices negative): missing, not_applicable;
 *   - answer codes (`A1`…`A5`, `D4`…`N0`…`A4`, answer-codes.ts) are placed by their guessed order.
 * Every label placed (on the scale or as missing) is listed in `placed` with its count and how it
 * was placed, for the reviewer.
 */
import type { MissingReason, ScaleDefinition } from '../../contracts/types.ts';
import { normaliseLabel } from '../../stages/normalise/normalise-label.ts';
import { orderAnswerCodes } from './answer-codes.ts';

/** Missing-answer patterns, checked before the scale so "No sé" is not read as "No …" = 1. */
const MISSING_PATTERNS: [RegExp, MissingReason][] = [
  [/^(-99|-999|999|99)$/, 'blank'],
  [/don'?t know|do not know|ne (le )?sais pas|^no (lo )?se$|nao sei|^unsure$|^-98$/, 'dont_know'],
  [/^n\/?a$|\(n\/a\)|not applicable|sans objet|non applicable|^no aplica|nao se aplica|^no corresponde/, 'not_applicable'],
  [/prefer not|prefere ne pas|prefiero no|prefiro nao/, 'prefer_not_to_say'],
];

/** Scale point patterns of a 5-point scale, most specific first ("very well" before "well" and "very"). */
const SCALE_PATTERNS: [RegExp, number][] = [
  [/strongly disagree|pas du tout d'accord|totalmente en desacuerdo|discordo totalmente/, 1],
  [/strongly agree|tout a fait d'accord|totalmente de acuerdo|concordo totalmente/, 5],
  [/neither|ni d'accord|ni de acuerdo|nem concordo|neutral|neutre/, 3],
  [/disagree|pas d'accord|en desacuerdo|discordo/, 2],
  [/\bagree\b|d'accord|de acuerdo|concordo/, 4],
  [/not at all|pas du tout|\bnada\b|^not\b|^non\b|^no\b|^nao\b|\bnone\b/, 1],
  [/very well|tres bien|muy bien|muito bem|in depth|en profondeur|en profundidad|em profundidade|extremely|extremement|extremadamente|extremamente/, 5],
  [/slightly|a little|legerement|\bpoco\b|\bpouco\b|briefly|brievement|brevemente/, 2],
  [/moderately|somewhat|partly|partially|moderement|moderadamente|partiellement|parcialmente/, 3],
  [/\bvery\b|\btres\b|\bmuy\b|\bmuito\b|\bwell\b|\bbien\b|\bbem\b/, 4],
];

const LEADING_NUMBER = /^(-?\d+)\s*[-:.=)]\s*\S/;

/** One answer label the draft placed, with how many cells hold it and why it went there. */
export interface PlacedLabel {
  label: string;
  count: number;
  value?: number;
  missing?: MissingReason;
  how: string;
}

export interface DraftScale {
  scale: ScaleDefinition;
  /** True when every non-missing label was placed and the points found are consecutive. */
  ordered: boolean;
  /** Labels the draft could not place (for review), most frequent first. */
  unrecognised: { label: string; count: number }[];
  /** Every label placed on the scale or as missing, in scale order, for review. */
  placed: PlacedLabel[];
}

/** The value or missing reason a known pattern gives a label, if any. */
export function classifyAnswerLabel(label: string): { value: number } | { missing: MissingReason } | undefined {
  const text = normaliseLabel(label);
  if (text === '') return undefined;
  for (const [pattern, reason] of MISSING_PATTERNS) if (pattern.test(text)) return { missing: reason };
  if (/^-?\d+(\.0+)?$/.test(text)) return { value: Number(text) };
  const leading = LEADING_NUMBER.exec(text);
  if (leading) return { value: Number(leading[1]) };
  for (const [pattern, value] of SCALE_PATTERNS) if (pattern.test(text)) return { value };
  return undefined;
}

/** Bipolar word pairs: the positive stem and its negated forms (normalised text). */
const BIPOLAR_WORDS: [positive: RegExp, negative: RegExp][] = [
  [/\bfavou?rabl/, /\bunfavou?rabl/],
  [/\bsatisf/, /\bdissatisf|\bunsatisf/],
  [/\blikely\b/, /\bunlikely\b/],
  [/\bhelpful\b/, /\bunhelpful\b/],
  [/\buseful\b/, /\bnot useful\b|\buseless\b/],
];
const GLUED_NUMBER = /^[^\d]*[a-z](\d{1,2})$/;
const STRONG = /\b(very|extremely|strongly|completely|totally|highly)\b/;

/** The value of a label on a 5-point bipolar scale whose pair of words is `pair`; undefined if the label has neither word. */
function bipolarValue(text: string, pair: [RegExp, RegExp]): number | undefined {
  if (/\bneither\b|\bneutral\b/.test(text)) return 3;
  if (pair[1].test(text)) return STRONG.test(text) ? 1 : 2;
  if (pair[0].test(text)) return STRONG.test(text) ? 5 : 4;
  return undefined;
}

/**
 * `answerCounts`: distinct non-blank answer text → how many cells hold it (answers of the rating
 * columns). `codes`: answer codes of code-only rating columns, placed by answer-codes.ts.
 */
export function draftScale(answerCounts: ReadonlyMap<string, number>, codes: ReadonlyMap<string, number> = new Map()): DraftScale {
  const labels: Record<string, number> = {};
  const missing: Record<string, MissingReason> = {};
  const unrecognised: { label: string; count: number }[] = [];
  const placed: PlacedLabel[] = [];
  const texts = [...answerCounts.keys()].map((label) => normaliseLabel(label));
  const pair = BIPOLAR_WORDS.find(([positive, negative]) => texts.some((text) => negative.test(text)) && texts.some((text) => positive.test(text) && !negative.test(text)));
  const positives = texts.some((text) => /^\d+$/.test(text) && Number(text) > 0);
  for (const [label, count] of answerCounts) {
    const text = normaliseLabel(label);
    const bipolar = pair ? bipolarValue(text, pair) : undefined;
    // LimeSurvey writes an end label glued to its number when the number is the code ("Very helpful10").
    const glued = positives && bipolar === undefined ? GLUED_NUMBER.exec(text) : null;
    const placedHere = bipolar !== undefined ? { value: bipolar } : glued ? { value: Number(glued[1]) } : classifyAnswerLabel(label);
    if (placedHere && 'value' in placedHere && placedHere.value < 0 && placedHere.value >= -9 && positives) {
      missing[label] = 'not_applicable';
      placed.push({ label, count, missing: 'not_applicable', how: 'a small negative code next to positive points: a "no basis for evaluation" recode' });
    } else if (!placedHere) unrecognised.push({ label, count });
    else if ('missing' in placedHere) {
      missing[label] = placedHere.missing;
      placed.push({ label, count, missing: placedHere.missing, how: 'a known missing-answer label' });
    } else {
      labels[label] = placedHere.value;
      const how = glued ? 'the number glued to its end, among numbered answers' : bipolar !== undefined ? 'a bipolar 5-point scale (very/somewhat, neither)' : /^-?\d+(\.0+)?$/.test(text) ? 'a number' : LEADING_NUMBER.test(text) ? 'its leading number' : 'a known scale wording';
      placed.push({ label, count, value: placedHere.value, how });
    }
  }
  const codeScale = codes.size > 0 ? orderAnswerCodes(codes.keys()) : undefined;
  for (const [code, count] of codes) {
    const value = codeScale?.values.get(code);
    if (value === undefined) unrecognised.push({ label: code, count });
    else {
      labels[code] = value;
      placed.push({ label: code, count, value, how: `${codeScale!.how}: check against the survey's answer options` });
    }
  }
  const points = [...new Set(Object.values(labels))].sort((a, b) => a - b);
  const min = points.length > 0 ? points[0] : 1;
  const max = points.length > 0 ? points[points.length - 1] : 5;
  const consecutive = points.length > 1 && points.length === max - min + 1;
  unrecognised.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const sortedLabels = Object.fromEntries(Object.entries(labels).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])));
  placed.sort((a, b) => (a.value ?? Infinity) - (b.value ?? Infinity) || a.label.localeCompare(b.label));
  return { scale: { min, max, labels: sortedLabels, missing }, ordered: consecutive && unrecognised.length === 0, unrecognised, placed };
}
