/**
 * Types local to the ingest stage. They extend the shared contract (contracts/types.ts) without
 * changing it: an `IngestedTable` is a RawTable, so later stages can ignore the extra fields.
 */
import type { ExportFormat, RawColumn, RawTable, SourceCodebook } from './types.ts';
import type { FileHashCache } from '../io/hash.ts';

/** What readExport / streamExport take. `format` overrides detection (WaveSource.format). */
export interface ExportInput {
  path: string;
  sourceId: string;
  format?: ExportFormat;
}

/** The format chosen and why (shown by `skillgap validate`). */
export interface FormatDetection {
  format: ExportFormat;
  evidence: string[];
}

/** How an adapter reads the header block of a table export. */
export interface HeaderLayout {
  headerRows: number;
  columns: RawColumn[];
  warnings: string[];
}

/** One adapter per survey tool: turns the first records of a file into columns. */
export interface ExportAdapter {
  format: ExportFormat;
  /** How many leading records the adapter wants to see (its header rows at most). */
  headerRecordsNeeded: number;
  resolveHeader(firstRecords: string[][]): HeaderLayout;
}

/**
 * SPSS user-defined missing values of one variable. Cells keep the raw value (e.g. `99`); a
 * value listed here (or inside `range`) is user-missing, while system-missing is the empty cell.
 */
export interface SpssMissingValues {
  discrete: number[] | string[];
  range?: { low: number; high: number };
}

/** Per-variable metadata of a .sav file, in column order (only kept columns). */
export interface SpssColumnInfo {
  name: string;
  label: string;
  /** Raw value as written in the cells → value label. */
  valueLabels: Record<string, string>;
  missingValues: SpssMissingValues;
  /** SPSS print format, e.g. `F8.2`, `A255`, `ADATE10` (dates are written as ISO 8601). */
  printFormat: string;
}

/** A RawTable with what ingest found out on the way (detection evidence, SPSS metadata). */
export interface IngestedTable extends RawTable {
  detection: FormatDetection;
  /**
   * Set when the stored rows carry one cell more than `columns`, last: '1' where a column dropped
   * as not needed held text (so the row is no blank row), '' otherwise (assemble-table.ts).
   */
  droppedTextMarker?: boolean;
  spss?: { columns: SpssColumnInfo[] };
}

/** streamExport's result: everything but the rows, which went to the batch callback. */
export type StreamedExport = Omit<IngestedTable, 'rows' | 'sourceRows'> & { dataRowCount: number };

export type BatchHandler = (rows: string[][], sourceRows: number[]) => void;

/**
 * Who redacts the kept cells (redactPersonalText). By default streamExport does, so every row it
 * hands over is already clean. `consumer`: the rows come with personal-data columns dropped but
 * cells unredacted, and the consumer promises that no cell leaves it unredacted — for a consumer
 * that stores cells dictionary-encoded and so can redact each distinct text once instead of
 * every one of a million identical scale labels (the ingest cache writer, with
 * `cleanText: redactPersonalText`: stages/ingest/ingest-source.ts).
 */
export interface StreamOptions {
  cellRedaction?: 'ingest' | 'consumer';
  /**
   * The source's codebook entry: keep only the columns it maps or keeps as free text, drop and
   * list the rest (data minimisation, select-columns.ts). Without it only personal data is dropped.
   */
  codebook?: SourceCodebook;
  /**
   * The run's known hashes (ctx.fileHashes, or an ingest worker's own): the export's hash is taken
   * from it when known and remembered in it when computed. Without it the export is hashed afresh.
   */
  knownHashes?: FileHashCache;
}
