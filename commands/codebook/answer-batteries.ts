/**
 * Batteries of rating-like columns, whatever their scale: three or more columns whose answers
 * come from one small set of labels (2 to MAX_BATTERY_LABELS), such as Introduced / Practised /
 * Assessed / Mastered, are one question asked about several items, which is what a rating grid is,
 * even when no known scale pattern (draft-scale.ts) reads the labels. `validate` lists the
 * batteries whose columns the codebook does not map, so a grid cannot be left out unnoticed.
 *
 * Labels are compared in normalised form (normalise-label.ts). Yes/No, True/False and 0/1
 * checkbox sets are not batteries (multi-select answers, not ratings).
 */
import type { RawTable } from '../../contracts/types.ts';
import { normaliseLabel } from '../../stages/normalise/normalise-label.ts';
import { answerCounts, isToolMetadataColumn } from './rating-columns.ts';

export const MIN_BATTERY_COLUMNS = 3;
export const MAX_BATTERY_LABELS = 7;

export interface AnswerBattery {
  /** The answer labels of the battery as first seen, most frequent first (ties alphabetical). */
  labels: string[];
  columnIndices: number[];
}

const CHECKBOX_SETS = [['yes', 'no'], ['true', 'false'], ['0', '1'], ['checked', 'unchecked'], ['selected', 'not selected'], ['oui', 'non'], ['si', 'no'], ['sim', 'nao'], ['ja', 'nein']];

function isCheckboxSet(keys: ReadonlySet<string>): boolean {
  if (keys.size === 1) return true;
  return CHECKBOX_SETS.some((set) => [...keys].every((key) => set.includes(key)));
}

/** The batteries of a table, each with its columns in table order; a column belongs to at most one. */
export function answerBatteries(table: RawTable): AnswerBattery[] {
  const candidates: { index: number; keys: Set<string>; counts: Map<string, number> }[] = [];
  table.columns.forEach((column, index) => {
    if (isToolMetadataColumn(column.key)) return;
    const counts = answerCounts(table, index, MAX_BATTERY_LABELS);
    if (!counts || counts.size === 0) return;
    const keys = new Set([...counts.keys()].map(normaliseLabel));
    // Numbers alone (counts, years, ids) are not labels of a battery here: known numeric scales are ratingColumnIndices' part.
    if ([...keys].every((key) => key !== '' && !Number.isNaN(Number(key)))) return;
    candidates.push({ index, keys, counts });
  });
  // Widest label sets first, so a column that saw only some labels joins the battery that has them all.
  candidates.sort((a, b) => b.keys.size - a.keys.size || a.index - b.index);
  const batteries: { keys: Set<string>; members: typeof candidates }[] = [];
  for (const candidate of candidates) {
    const battery = batteries.find(({ keys }) => [...candidate.keys].every((key) => keys.has(key)));
    if (battery) battery.members.push(candidate);
    else batteries.push({ keys: new Set(candidate.keys), members: [candidate] });
  }
  return batteries
    .filter(({ keys, members }) => members.length >= MIN_BATTERY_COLUMNS && keys.size >= 2 && keys.size <= MAX_BATTERY_LABELS && !isCheckboxSet(keys))
    .map(({ members }) => {
      const totals = new Map<string, { label: string; count: number }>();
      for (const member of members) {
        for (const [label, count] of member.counts) {
          const key = normaliseLabel(label);
          const entry = totals.get(key) ?? { label, count: 0 };
          entry.count += count;
          totals.set(key, entry);
        }
      }
      return {
        labels: [...totals.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)).map((entry) => entry.label),
        columnIndices: members.map((member) => member.index).sort((a, b) => a - b),
      };
    })
    .sort((a, b) => a.columnIndices[0] - b.columnIndices[0]);
}
