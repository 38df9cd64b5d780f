/**
 * Any other CSV/TSV/XLSX with one header row: the header is the key, the codebook maps it.
 */
import type { ExportAdapter } from '../ingest-types.ts';
import { finishColumns, headerCell, headerWidth } from './column-keys.ts';

export const genericAdapter: ExportAdapter = {
  format: 'generic',
  headerRecordsNeeded: 1,
  resolveHeader(records) {
    const columns = Array.from({ length: headerWidth(records.slice(0, 1)) }, (_, index) => ({
      key: headerCell(records[0], index).trim(),
      label: '',
    }));
    return { headerRows: 1, ...finishColumns(columns) };
  },
};
