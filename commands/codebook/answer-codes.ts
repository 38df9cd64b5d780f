/**
 * Answer codes instead of answer texts. A LimeSurvey export with "answer codes" (the default of
 * its CSV export) writes `A1`…`A5` for a list or array question, or the survey author's own codes
 * (`D4 D3 D2 D1 N0 A1 A2 A3 A4` for a 9-point disagree–agree scale). The labels behind the codes
 * are only in the survey structure (.lss), so the order drafted here is a guess, always listed for
 * review:
 *   - one prefix (`A1…A5`, `SQ1…`): by number, `A1` → 1 … (ranks when the numbers have gaps);
 *   - a bipolar set of a negative prefix, an optional centre with number 0 and a positive prefix,
 *     where the pair is a known one (D/A disagree–agree, N/P negative–positive, L/H low–high):
 *     the negative codes from the largest number down, then the centre, then the positive codes up,
 *     so `D4` → 1, …, `D1` → 4, `N0` → 5, `A1` → 6, …, `A4` → 9.
 * Anything else is not ordered (undefined): the reviewer places the codes.
 */

const ANSWER_CODE = /^([A-Za-z]{1,3})(\d{1,3})$/;
const BIPOLAR_PAIRS: readonly [negative: string, positive: string][] = [['D', 'A'], ['N', 'P'], ['L', 'H']];

/** True when the text is an answer code such as `A1`, `D4`, `N0`. */
export function isAnswerCode(text: string): boolean {
  return ANSWER_CODE.test(text.trim());
}

export interface AnswerCodeScale {
  /** Code → scale value, 1 … n. */
  values: Map<string, number>;
  how: string;
}

/** Orders a set of answer codes into a scale, or undefined when their order cannot be guessed. */
export function orderAnswerCodes(codes: Iterable<string>): AnswerCodeScale | undefined {
  const parsed = [...new Set(codes)].map((code) => {
    const match = ANSWER_CODE.exec(code.trim());
    return match ? { code, prefix: match[1].toUpperCase(), number: Number(match[2]) } : undefined;
  });
  if (parsed.length === 0 || parsed.some((entry) => entry === undefined)) return undefined;
  const entries = parsed as { code: string; prefix: string; number: number }[];
  const prefixes = [...new Set(entries.map((entry) => entry.prefix))];
  const byNumber = (a: { number: number }, b: { number: number }) => a.number - b.number;
  if (prefixes.length === 1) {
    const ordered = [...entries].sort(byNumber);
    return { values: new Map(ordered.map((entry, index) => [entry.code, index + 1])), how: `answer codes ${prefixes[0]}… ordered by their number` };
  }
  const centre = entries.filter((entry) => entry.number === 0);
  const sides = prefixes.filter((prefix) => !centre.some((entry) => entry.prefix === prefix) || entries.some((entry) => entry.prefix === prefix && entry.number !== 0));
  const pair = BIPOLAR_PAIRS.find(([negative, positive]) => sides.length === 2 && sides.includes(negative) && sides.includes(positive));
  if (!pair || centre.length > 1) return undefined;
  const negative = entries.filter((entry) => entry.prefix === pair[0] && entry.number !== 0).sort(byNumber).reverse();
  const positive = entries.filter((entry) => entry.prefix === pair[1] && entry.number !== 0).sort(byNumber);
  const ordered = [...negative, ...centre, ...positive];
  if (ordered.length !== entries.length) return undefined;
  return {
    values: new Map(ordered.map((entry, index) => [entry.code, index + 1])),
    how: `bipolar answer codes: ${pair[0]} (negative) from its largest number down${centre.length ? `, ${centre[0].code} the centre` : ''}, then ${pair[1]} (positive) up`,
  };
}
