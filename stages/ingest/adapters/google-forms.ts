/**
 * Google Forms responses, downloaded from the linked Google Sheet as CSV or XLSX: one header
 * row of question titles, `Timestamp` first (M/D/YYYY h:mm:ss in the sheet's locale, no zone; an
 * Excel serial date in XLSX, written as ISO 8601 by read-xlsx). Grid questions are one column
 * per row, `Question [Row]`; checkbox answers are joined with ", " in one cell (not split here:
 * choice labels may themselves contain ", "). A title used twice gives a duplicate header,
 * made unique as `Title (2)`. Key and label are both the title.
 */
import type { ExportAdapter } from '../ingest-types.ts';
import { finishColumns, headerCell, headerWidth } from './column-keys.ts';

export const googleFormsAdapter: ExportAdapter = {
  format: 'google-forms',
  headerRecordsNeeded: 1,
  resolveHeader(records) {
    const columns = Array.from({ length: headerWidth(records.slice(0, 1)) }, (_, index) => {
      const title = headerCell(records[0], index).trim();
      return { key: title, label: title };
    });
    return { headerRows: 1, ...finishColumns(columns) };
  },
};
