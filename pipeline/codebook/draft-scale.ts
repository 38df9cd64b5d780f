/**
 * Drafts a codebook's answer scale from the answer texts seen in the rating columns. A label is
 * placed on the scale when it is a number ("4"), starts with one ("4 - Very important"), or
 * matches a known 5-point Likert pattern (intensity words of unipolar scales such as
 * "Not at all / Slightly / Moderately / Very / Extremely important", "Not covered … Covered in
 * depth", and the agreement scale), in English, French, Spanish or Portuguese. Labels meaning
 * "no answer" (Don't know, N/A, Prefer not to say, -99…) go to `missing`. Anything else is
 * listed as unrecognised for the reviewer. Patterns: the usual Likert anchor wordings (Vagias,
 * "Likert-type scale response anchors", Clemson University, 2006), translated by us.
 */
import type { MissingReason, ScaleDefinition } from '../types.ts';
import { normaliseLabel } from '../normalise/normalise-label.ts';

/** Missing-answer patterns, checked before the scale so "No sé" is not read as "No …" = 1. */
const MISSING_PATTERNS: [RegExp, MissingReason][] = [
  [/^(-99|-999|999|99)$/, 'blank'],
  [/don'?t know|do not know|ne (le )?sais pas|^no (lo )?se$|nao sei|^unsure$|^-98$/, 'dont_know'],
  [/^n\/?a$|not applicable|sans objet|non applicable|^no aplica|nao se aplica|^no corresponde/, 'not_applicable'],
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

export interface DraftScale {
  scale: ScaleDefinition;
  /** True when every non-missing label was placed and the points found are consecutive. */
  ordered: boolean;
  /** Labels the draft could not place (for review), most frequent first. */
  unrecognised: { label: string; count: number }[];
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

/** `answerCounts`: distinct non-blank answer text → how many cells hold it. */
export function draftScale(answerCounts: ReadonlyMap<string, number>): DraftScale {
  const labels: Record<string, number> = {};
  const missing: Record<string, MissingReason> = {};
  const unrecognised: { label: string; count: number }[] = [];
  for (const [label, count] of answerCounts) {
    const placed = classifyAnswerLabel(label);
    if (!placed) unrecognised.push({ label, count });
    else if ('missing' in placed) missing[label] = placed.missing;
    else labels[label] = placed.value;
  }
  const points = [...new Set(Object.values(labels))].sort((a, b) => a - b);
  const min = points.length > 0 ? points[0] : 1;
  const max = points.length > 0 ? points[points.length - 1] : 5;
  const consecutive = points.length > 1 && points.length === max - min + 1;
  unrecognised.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const sortedLabels = Object.fromEntries(Object.entries(labels).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])));
  return { scale: { min, max, labels: sortedLabels, missing }, ordered: consecutive && unrecognised.length === 0, unrecognised };
}
