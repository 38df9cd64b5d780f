/**
 * Messages of `skillgap validate`. Answer labels quoted here come from rating columns only
 * (personal-data columns are dropped at ingest, free text typed into them is redacted), and are
 * cut to LABEL_MAX characters.
 */
import { quoteCell } from './quote-cell.ts';

const LABEL_MAX = 60;
const quote = (label: string) => quoteCell(label, LABEL_MAX);
const listRows = (rows: readonly number[], count: number) => `${rows.join(', ')}${count > rows.length ? ', …' : ''}`;

export const fileLine = (file: string, format: string, evidence: string[], encoding: string, headerRows: number, dataRows: number) =>
  `${file}: format ${format} (${evidence.join('; ') || 'forced by the config'}), encoding ${encoding}, ${headerRows} header row(s), ${dataRows} data row(s)`;
export const personalDropped = (columns: string[]) => `personal-data column(s) dropped: ${columns.length}${columns.length ? ` (${columns.join(', ')})` : ''}`;
export const codebookColumns = (source: string, found: number, total: number, metadata: string) =>
  `codebook source "${source}": ${found} of ${total} rating column(s) found; ${metadata}`;
export const ratingLikeColumns = (count: number, examples: string[]) =>
  `${count} column(s) look like ratings${count ? ` (e.g. ${examples.join(', ')})` : ''}; check them against a codebook with --wave`;
export const unmappedRatingColumns = (columns: string[]) =>
  `${columns.length} column(s) look like ratings but are in no codebook entry: ${columns.slice(0, 8).join(', ')}${columns.length > 8 ? ', …' : ''}; add them to the codebook's items if they should be analysed`;
export const missingItem = (column: string) => `rating column "${column}" of the codebook is not in this export`;
export const unknownLabel = (label: string, count: number, rows: readonly number[]) =>
  `unknown answer label ${quote(label)} in ${count} cell(s) (rows ${listRows(rows, count)}): add it to the codebook's scale labels or missing labels`;
export const outOfRange = (value: string, min: number, max: number, count: number, rows: readonly number[]) =>
  `value ${quote(value)} is outside the scale ${min}–${max} in ${count} cell(s) (rows ${listRows(rows, count)}): fix the export or declare it a missing code in the codebook`;
export const noCodebookSource = (sourceId: string) =>
  `source "${sourceId}" has no entry in the wave's codebook: add a codebook source with "source": "${sourceId}"`;
export const unknownCompetency = (competency: string) =>
  `competency "${competency}" is not in data/competencies.json; fix the codebook or add it to the framework`;
export const noSourceFits = (sources: string[]) =>
  `the export fits none of the codebook's sources (${sources.join(', ')}): is it an export of a different survey?`;
export const summary = (files: number, unusable: number, warnings: number) =>
  unusable > 0
    ? `${unusable} of ${files} file(s) cannot be used; fix the problems listed above and run skillgap validate again`
    : `${files} file(s) can be used${warnings > 0 ? ` (${warnings} warning(s) above)` : ''}`;
export const unmappedBattery = (columns: string[], labels: string[]) =>
  `${columns.length} column(s) share the answers ${labels.slice(0, 7).map((label) => quote(label)).join(' / ')} like a rating grid, but the codebook maps none of them: ` +
  `${columns.slice(0, 8).map((column) => quote(column)).join(', ')}${columns.length > 8 ? ', …' : ''} (add them to the codebook's items, and their labels to scale.labels, if they are ratings)`;
const DROP_REASONS: Record<string, string> = {
  personal_data_header: 'personal data by name',
  personal_data_content: 'personal data by content',
  not_in_codebook: 'not in the codebook (add it to keepText to keep free text)',
};
export const columnsKept = (columns: string[]) => `a run would keep ${columns.length} column(s): ${columns.join(', ') || '(none)'}`;
export const columnsDropped = (dropped: { column: string; reason: string }[]) => {
  if (dropped.length === 0) return 'a run would drop no column';
  const byReason = new Map<string, string[]>();
  for (const { column, reason } of dropped) byReason.set(reason, [...(byReason.get(reason) ?? []), column]);
  const parts = [...byReason].map(([reason, columns]) => `${DROP_REASONS[reason] ?? reason}: ${columns.length} (${columns.join(', ')})`);
  return `a run would drop ${dropped.length} column(s): ${parts.join('; ')}`;
};
