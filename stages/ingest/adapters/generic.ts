/**
 * Any other CSV/TSV/XLSX with one header row: the header is the key, the codebook maps it.
 */
import type { ExportAdapter } from '../ingest-types.ts';
import { singleHeaderRow } from './column-keys.ts';

export const genericAdapter: ExportAdapter = {
  format: 'generic',
  headerRecordsNeeded: 1,
  resolveHeader: singleHeaderRow,
};
