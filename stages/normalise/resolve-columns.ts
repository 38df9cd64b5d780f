import type { RawTable, SourceCodebook } from '../../contracts/types.ts';
import { ValidationError } from '../../contracts/errors.ts';
import { normaliseLabel } from './normalise-label.ts';
import { shortText } from '../../contracts/messages/quote-cell.ts';

export interface ResolvedColumns {
  respondentId: number;
  country: number;
  organisationType: number;
  weight: number;
  finished: number;
  progress: number;
  durationSeconds: number;
  status: number;
  /** Rating columns found in the export, in codebook order. */
  items: { index: number; column: string; competency: string; dimension: SourceCodebook['items'][number]['dimension'] }[];
  /** Codebook item columns the export does not have. */
  missingItems: string[];
  /** Attention-check columns with their passing answers in normalised form. */
  attentionChecks: { index: number; column: string; pass: Set<string> }[];
  /** Free-text columns the codebook keeps (`keepText`) found in the export; those not found. */
  keptText: { index: number; column: string }[];
  missingKeptText: string[];
}

/**
 * Finds each codebook column in an export: by key (export tag or question code), then by
 * ImportId, then by question text, all compared in normalised form. Absent optional columns are -1.
 * Throws ValidationError when a required column is missing, or when most rating columns are
 * missing (the export is of another survey than the codebook describes).
 */
export function resolveColumns(table: Pick<RawTable, "columns" | "sourceFile">, codebook: SourceCodebook): ResolvedColumns {
  const lookups = [
    new Map<string, number>(),
    new Map<string, number>(),
    new Map<string, number>(),
  ];
  table.columns.forEach((column, index) => {
    const keys = [column.key, column.importId ?? '', column.label];
    keys.forEach((key, level) => {
      const normalised = normaliseLabel(key);
      if (normalised && !lookups[level].has(normalised)) lookups[level].set(normalised, index);
    });
  });
  const find = (name: string | undefined): number => {
    if (!name) return -1;
    const key = normaliseLabel(name);
    for (const lookup of lookups) {
      const index = lookup.get(key);
      if (index !== undefined) return index;
    }
    return -1;
  };

  const problems: { message: string; where: { file: string; column: string } }[] = [];
  const required = (role: string, name: string) => {
    const index = find(name);
    if (index < 0) {
      problems.push({
        message: `the ${role} column named in the codebook is not in this export (columns present: ${table.columns.slice(0, 12).map((c) => shortText(c.key)).join(', ')}${table.columns.length > 12 ? ', …' : ''})`,
        where: { file: table.sourceFile, column: name },
      });
    }
    return index;
  };
  const optional = (name: string | undefined) => {
    const index = find(name);
    if (name && index < 0) problems.push({ message: 'the column named in the codebook is not in this export', where: { file: table.sourceFile, column: name } });
    return index;
  };

  const resolved: ResolvedColumns = {
    respondentId: required('respondent id', codebook.columns.respondentId),
    country: required('country', codebook.columns.country),
    organisationType: optional(codebook.columns.organisationType),
    weight: optional(codebook.columns.weight),
    finished: optional(codebook.columns.finished),
    progress: optional(codebook.columns.progress),
    durationSeconds: optional(codebook.columns.durationSeconds),
    status: optional(codebook.columns.status),
    items: [],
    missingItems: [],
    attentionChecks: [],
    keptText: [],
    missingKeptText: [],
  };
  for (const column of codebook.keepText ?? []) {
    const index = find(column);
    if (index < 0) resolved.missingKeptText.push(column);
    else resolved.keptText.push({ index, column });
  }
  for (const check of codebook.attentionChecks ?? []) {
    const index = required('attention-check', check.column);
    if (index >= 0) resolved.attentionChecks.push({ index, column: check.column, pass: new Set(check.pass.map(normaliseLabel)) });
  }
  for (const item of codebook.items) {
    const index = find(item.column);
    if (index < 0) resolved.missingItems.push(item.column);
    else resolved.items.push({ index, ...item });
  }
  if (codebook.items.length > 0 && resolved.missingItems.length > codebook.items.length / 2) {
    problems.push({
      message: `${resolved.missingItems.length} of ${codebook.items.length} rating columns of the codebook are missing (e.g. ${resolved.missingItems.slice(0, 3).join(', ')}): is this an export of a different survey than the codebook describes?`,
      where: { file: table.sourceFile, column: resolved.missingItems[0] },
    });
  }
  if (problems.length > 0) throw ValidationError.many(problems);
  return resolved;
}
