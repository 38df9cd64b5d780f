/**
 * Qualtrics exports. Current layout (2017–): three header rows — (1) export tag (`Q3_1`,
 * `Q2_TEXT`, `Q5_DO`), (2) question text, often localised, so never keyed on, (3) ImportId as
 * JSON `{"ImportId":"QID3_1"}`; the 2016 "Insights" layout writes row 3 Python-style
 * `{'ImportId': 'QID3-1'}`. Choice-text and numeric-value exports share the header. Multi-select
 * questions are already split one column per choice (`Q4_1`, `Q4_2`, `1` or blank); `_TEXT`
 * (other, please specify) and `_DO` (display order) columns are ordinary columns.
 * Legacy layout (before 2017): two header rows, `V1…V10` then labels (`ResponseID`, `IPAddress`…):
 * a `V<n>` column takes its row-2 label as key, since `V3` says nothing.
 * Reference: Qualtrics, "Understanding your dataset" (qualtrics.com/support/survey-platform/data-and-analysis-module/data/download-data/understanding-your-dataset/).
 */
import type { RawColumn } from '../../../contracts/types.ts';
import type { ExportAdapter, HeaderLayout } from '../ingest-types.ts';
import { finishColumns, headerCell, headerWidth } from './column-keys.ts';

const IMPORT_ID_VALUE = /["']ImportId["']\s*:\s*["']([^"']*)["']/;

/** The ImportId inside a row-3 cell, JSON or Python-dict style; undefined when absent. */
export function parseImportId(cell: string): string | undefined {
  const match = IMPORT_ID_VALUE.exec(cell);
  return match ? match[1] : undefined;
}

export const qualtricsAdapter: ExportAdapter = {
  format: 'qualtrics',
  headerRecordsNeeded: 3,
  resolveHeader(records): HeaderLayout {
    const columns: RawColumn[] = [];
    for (let index = 0; index < headerWidth(records.slice(0, 3)); index++) {
      const importId = parseImportId(headerCell(records[2], index));
      const column: RawColumn = { key: headerCell(records[0], index).trim(), label: headerCell(records[1], index).trim() };
      if (importId !== undefined) column.importId = importId;
      columns.push(column);
    }
    const finished = finishColumns(columns);
    return { headerRows: 3, ...finished };
  },
};

export const qualtricsLegacyAdapter: ExportAdapter = {
  format: 'qualtrics-legacy',
  headerRecordsNeeded: 2,
  resolveHeader(records): HeaderLayout {
    const columns: RawColumn[] = [];
    for (let index = 0; index < headerWidth(records.slice(0, 2)); index++) {
      const tag = headerCell(records[0], index).trim();
      const label = headerCell(records[1], index).trim();
      columns.push({ key: /^V\d+$/.test(tag) && label !== '' ? label : tag, label });
    }
    return { headerRows: 2, ...finishColumns(columns) };
  },
};
