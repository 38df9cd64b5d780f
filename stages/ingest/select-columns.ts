/**
 * Data minimisation: which columns of an export ingest keeps, and why each other one is dropped.
 *
 * With the source's codebook entry, ingest keeps exactly the columns the wave needs: those the
 * codebook maps (respondent id, country, organisation type, weight, the quality-rule metadata
 * finished / progress / duration / status, attention checks, ratings) and the free text it names
 * in `keepText`. Every other column is dropped and listed (DroppedColumn) with the most telling
 * reason: `personal_data_header`, `personal_data_content`, else `not_in_codebook`.
 * Without a codebook (validate, codebook init, curriculum profiles read an export whole) only the
 * personal-data columns are dropped.
 *
 * Codebook-mapped columns are not judged by their header (a rating of "Mobile security" or a DNS
 * question `Q5_domain_name` is no personal data), except the respondent id, which is written to
 * respondents.csv and audit.csv; but a mapped column whose values are mostly e-mail addresses,
 * phone numbers, IP addresses or coordinates stops the run (ValidationError naming it), since
 * keeping it would keep personal data and dropping it would break the mapping.
 */
import type { DroppedColumn, RawColumn, SourceCodebook } from '../../contracts/types.ts';
import { ValidationError } from '../../contracts/errors.ts';
import * as messages from '../../contracts/messages/ingest.ts';
import { resolveColumns } from '../normalise/resolve-columns.ts';
import { isPersonalColumn, personalContentKind, type PersonalContentKind } from './personal-data.ts';

export interface ColumnSelection {
  /** Indexes of the kept columns, ascending. */
  kept: number[];
  /** Every other column, in column order, with its reason. */
  dropped: DroppedColumn[];
  /** Indexes of dropped columns that hold no personal data: their text still keeps a row from being blank. */
  droppedNeutral: number[];
  warnings: string[];
}

const CONTENT_NAMES: Record<PersonalContentKind, string> = {
  email: 'e-mail addresses',
  phone: 'phone numbers',
  ip_address: 'IP addresses',
  coordinates: 'geographic coordinates',
};

type MetadataRole = 'respondentId' | 'country' | 'organisationType' | 'weight' | 'finished' | 'progress' | 'durationSeconds' | 'status';
const ROLE_NAMES: Record<MetadataRole, string> = {
  respondentId: 'respondent id',
  country: 'country',
  organisationType: 'organisation type',
  weight: 'weight',
  finished: 'finished flag',
  progress: 'progress',
  durationSeconds: 'duration',
  status: 'response status',
};

/**
 * Decides the columns from the header and a sample of the first data rows (content detection).
 * Throws ValidationError when the codebook entry does not fit the export (resolveColumns) or
 * maps a column that holds personal data.
 */
export function selectColumns(
  columns: readonly RawColumn[],
  sample: readonly (readonly string[])[],
  codebook: SourceCodebook | undefined,
  file: string,
): ColumnSelection {
  const personalByHeader = columns.map((column) => isPersonalColumn(column));
  const personalByContent = columns.map((_, index) => personalContentKind(sample.map((row) => row[index] ?? '')));
  const personalReason = (index: number): DroppedColumn['reason'] | undefined =>
    personalByHeader[index] ? 'personal_data_header' : personalByContent[index] ? 'personal_data_content' : undefined;
  const warnings: string[] = [];
  const kept = new Set<number>();

  if (!codebook) {
    columns.forEach((_, index) => {
      if (!personalReason(index)) kept.add(index);
    });
  } else {
    const resolved = resolveColumns({ columns: [...columns], sourceFile: file }, codebook);
    const needed = new Map<number, string>();
    for (const [role, name] of Object.entries(ROLE_NAMES) as [MetadataRole, string][]) {
      if (resolved[role] >= 0) needed.set(resolved[role], name);
    }
    for (const check of resolved.attentionChecks) needed.set(check.index, 'attention check');
    for (const item of resolved.items) if (!needed.has(item.index)) needed.set(item.index, `rating (${item.competency}, ${item.dimension})`);
    const problems: { message: string; where: { file: string; column: string } }[] = [];
    for (const [index, role] of needed) {
      const kind = personalByContent[index];
      if (kind) problems.push({ message: messages.mappedColumnHoldsPersonalData(role, CONTENT_NAMES[kind]), where: { file, column: columns[index].key } });
      else if (index === resolved.respondentId && personalByHeader[index]) problems.push({ message: messages.respondentIdIsPersonal(), where: { file, column: columns[index].key } });
      else kept.add(index);
    }
    if (problems.length > 0) throw ValidationError.many(problems);
    for (const { index, column } of resolved.keptText) {
      if (kept.has(index)) continue;
      const reason = personalReason(index);
      if (!reason) kept.add(index);
      else warnings.push(messages.keptTextIsPersonal(column, reason === 'personal_data_header' ? 'its name says it holds personal data' : `most of its values are ${CONTENT_NAMES[personalByContent[index]!]}`));
    }
    for (const column of resolved.missingKeptText) warnings.push(messages.keptTextMissing(column));
  }

  const dropped: DroppedColumn[] = [];
  const droppedNeutral: number[] = [];
  columns.forEach((column, index) => {
    if (kept.has(index)) return;
    const reason = personalReason(index) ?? 'not_in_codebook';
    dropped.push({ column: column.key, reason });
    if (reason === 'not_in_codebook') droppedNeutral.push(index);
  });
  return { kept: [...kept].sort((a, b) => a - b), dropped, droppedNeutral, warnings };
}
