import type { MissingReason, ScaleDefinition } from '../../contracts/types.ts';
import { normaliseLabel } from './normalise-label.ts';

/** An answer cell as the data model sees it: a value on the scale, or missing with a reason. */
export type RecodedAnswer = { value: number; missing: null } | { value: null; missing: MissingReason };

const BLANK: RecodedAnswer = { value: null, missing: 'blank' };
const INVALID: RecodedAnswer = { value: null, missing: 'invalid' };
/** "5 - Extremely important", "4: Agree", "3. Neutral": a scale point written before its label. */
const LEADING_SCALE_POINT = /^(-?\d+)\s*[-:.=)]\s*\S/;

/**
 * Builds the recoder of a wave's scale: text cell → value or missing reason. Order of rules:
 * blank → the codebook's missing labels (so "-99" or "Don't know" are never read as numbers) →
 * the codebook's answer labels → a number on the scale → "n - label" → invalid.
 * Results are memoised per distinct cell text: a large wave repeats a handful of labels.
 */
export function makeAnswerRecoder(scale: ScaleDefinition): (cell: string) => RecodedAnswer {
  const byLabel = new Map<string, RecodedAnswer>();
  for (const [label, reason] of Object.entries(scale.missing)) byLabel.set(normaliseLabel(label), { value: null, missing: reason });
  for (const [label, value] of Object.entries(scale.labels)) {
    const key = normaliseLabel(label);
    if (!byLabel.has(key)) byLabel.set(key, { value, missing: null });
  }
  const onScale = (n: number) => Number.isInteger(n) && n >= scale.min && n <= scale.max;
  const memo = new Map<string, RecodedAnswer>();

  return (cell: string): RecodedAnswer => {
    const cached = memo.get(cell);
    if (cached) return cached;
    let result: RecodedAnswer;
    const key = normaliseLabel(cell);
    if (key === '') result = BLANK;
    else if (byLabel.has(key)) result = byLabel.get(key)!;
    else if (key !== '' && !Number.isNaN(Number(key))) result = onScale(Number(key)) ? { value: Number(key), missing: null } : INVALID;
    else {
      const leading = LEADING_SCALE_POINT.exec(key);
      result = leading && onScale(Number(leading[1])) ? { value: Number(leading[1]), missing: null } : INVALID;
    }
    if (memo.size < 10_000) memo.set(cell, result);
    return result;
  };
}
