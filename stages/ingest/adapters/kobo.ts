/**
 * KoboToolbox / ODK (kobocat, KPI) exports, CSV (`;` or `,`) and XLSX: one header row of XPath-
 * like names with `/` group separators (`transport/loop/ambulance`), repeat groups flattened
 * with 1-based indices (`kids[2]/name`). select_multiple gives a space-separated summary column
 * plus one column per option holding `1`/`0` or `True`/`False`. Cells are kept as written: the
 * literal `n/a` means "question not shown" (relevance false) and normalise maps it to
 * `not_shown`; in XLSX such cells are absent, i.e. "". Metadata: `meta/instanceID`, `_uuid`,
 * `_submission_time` (ISO 8601, no zone), `_index`, `_tags`, `_notes`, `_validation_status`.
 * Key is the full path (it is unique and is what the form defines); label is empty.
 * Reference: KoboToolbox help, "Exporting and downloading your data" (support.kobotoolbox.org/export_download.html).
 */
import type { ExportAdapter } from '../ingest-types.ts';
import { singleHeaderRow } from './column-keys.ts';

/** The value Kobo writes in CSV for a question that was not shown. */
export const KOBO_NOT_SHOWN = 'n/a';

export const koboAdapter: ExportAdapter = {
  format: 'kobo',
  headerRecordsNeeded: 1,
  resolveHeader: singleHeaderRow,
};
