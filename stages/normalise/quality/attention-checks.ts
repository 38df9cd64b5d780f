import { normaliseLabel } from '../normalise-label.ts';

/**
 * Attention checks (instructed-response items such as "please select 'Strongly agree'"): a
 * respondent who gives any other answer, or leaves the item blank, failed (Meade & Craig 2012,
 * "Identifying careless responses in survey data", Psychological Methods 17(3)). Answers are
 * compared in normalised label form (case, accents, quotes and spacing do not matter).
 */
export function failsAttentionCheck(
  checks: readonly { index: number; pass: ReadonlySet<string> }[],
  cellAt: (columnIndex: number) => string,
): boolean {
  for (const check of checks) if (!check.pass.has(normaliseLabel(cellAt(check.index)))) return true;
  return false;
}
