/**
 * One row of an education-survey export as a curriculum profile: the row's coverage answers (the
 * codebook's `coverage` items) become the profile's coverage, its country column the country.
 * The export carries no institution name (respondents are anonymous), so the institution reads
 * "Education respondent <id> (<source>)". The row is chosen by its record number in the file
 * (1 = first header line, as every message counts rows) or by its response id. The respondent id
 * is kept so the peer comparison leaves the respondent's own answers out.
 */
import type { RawTable, SourceCodebook } from '../../contracts/types.ts';
import { ValidationError } from '../../contracts/errors.ts';
import { resolveColumns } from '../../stages/normalise/resolve-columns.ts';
import * as messages from '../../contracts/messages/curriculum.ts';
import type { RawProfile } from './curriculum-profile.ts';

export interface ExportRowSelector {
  /** Record number of the row in the file, header rows included. */
  row?: number;
  /** Value of the codebook's respondent-id column. */
  responseId?: string;
}

export function profileFromExportRow(table: RawTable, codebook: SourceCodebook, selector: ExportRowSelector): RawProfile {
  const columns = resolveColumns(table, codebook);
  const index =
    selector.row !== undefined
      ? table.sourceRows.indexOf(selector.row)
      : table.rows.findIndex((cells) => (cells[columns.respondentId] ?? '').trim() === (selector.responseId ?? '').trim());
  if (index < 0) {
    const what = selector.row !== undefined ? `row ${selector.row}` : `response id "${selector.responseId}"`;
    throw new ValidationError(messages.exportRowNotFound(what, table.rows.length), { file: table.sourceFile });
  }
  const cells = table.rows[index]!;
  const row = table.sourceRows[index]!;
  const responseId = (cells[columns.respondentId] ?? '').trim();
  const at = (column: number) => ({ row, column: table.columns[column]?.key ?? '' });
  return {
    file: table.sourceFile,
    kind: 'export-row',
    respondentId: `${codebook.source}:${responseId}`,
    institution: { value: messages.exportInstitution(codebook.source, responseId), where: at(columns.respondentId) },
    programme: { value: '', where: {} },
    country: { value: cells[columns.country] ?? '', where: at(columns.country) },
    competencies: columns.items
      .filter((item) => item.dimension === 'coverage')
      .map((item) => ({ id: { value: item.competency, where: at(item.index) }, coverage: { value: cells[item.index] ?? '', where: at(item.index) } })),
    problems: [],
  };
}
