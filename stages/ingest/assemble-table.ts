/**
 * Turns the records of an export, as they stream in, into RawTable rows: it sets the header
 * block aside (detecting the format and resolving columns through the tool's adapter), drops
 * personal-data columns, redacts personal text in the other cells (unless the consumer does:
 * AssemblerOptions.redactCells), and accounts for every record:
 *   - each data record becomes exactly one row, blank ones included (normalise excludes them
 *     with reason `blank_row`); only empty lines at the very end of a file are not rows (reported);
 *   - a row with fewer fields than the header is padded with "" and reported; extra fields are
 *     ignored, silently counted when empty (trailing delimiters), reported per row otherwise.
 * No message built here quotes a cell value.
 */
import type { DroppedColumn, ExportFormat, RawColumn, SourceCodebook } from '../../contracts/types.ts';
import { ValidationError } from '../../contracts/errors.ts';
import * as messages from '../../contracts/messages/ingest.ts';
import { adapterFor } from './adapters/index.ts';
import { detectFormat } from './detect-format.ts';
import type { BatchHandler, FormatDetection, HeaderLayout } from './ingest-types.ts';
import { redactPersonalText } from './personal-data.ts';
import { selectColumns } from './select-columns.ts';

/** Records the header block may need (Qualtrics: 3) plus two to recognise the layout. */
const DETECTION_RECORDS = 5;
/** Data records looked at to recognise personal-data columns by their values. */
const CONTENT_SAMPLE = 100;
/** The text of the row-text marker (see AssembledMeta.droppedTextMarker). */
export const DROPPED_TEXT_MARK = '1';
/** Ragged rows reported one by one; the rest are counted. */
const RAGGED_REPORT_LIMIT = 20;

export interface AssembledMeta {
  detection: FormatDetection;
  headerRows: number;
  columns: RawColumn[];
  droppedPersonalColumns: string[];
  droppedColumns: DroppedColumn[];
  /**
   * True when each row handed over carries one cell more than `columns`: DROPPED_TEXT_MARK where a
   * column dropped as not needed (not_in_codebook) held text, '' otherwise. The normalise stage
   * reads it as "not a blank row" (a row with only a timestamp or a comment is not blank), so
   * minimisation does not change which rows are excluded as blank_row.
   */
  droppedTextMarker: boolean;
  warnings: string[];
  dataRowCount: number;
}

export interface AssemblerOptions {
  file: string;
  /**
   * Text files: only `[""]` records are empty lines; sheets: any all-empty row is; cases (SPSS):
   * none is, since a case with every value system-missing is still a case.
   */
  kind: 'text' | 'sheet' | 'cases';
  forcedFormat?: ExportFormat;
  onBatch: BatchHandler;
  /** False when the consumer redacts the cells (StreamOptions `cellRedaction: 'consumer'`); default true. */
  redactCells?: boolean;
  /**
   * The source's codebook entry: when given, only the columns it maps or keeps are kept (data
   * minimisation, select-columns.ts); otherwise every column but the personal-data ones.
   */
  codebook?: SourceCodebook;
  /** Set for sources whose columns come from a dictionary (SPSS), not from header records. */
  layout?: { detection: FormatDetection; header: HeaderLayout };
}

export class TableAssembler {
  private readonly headerRecords: { record: string[]; number: number }[] = [];
  private detection?: FormatDetection;
  private layout?: HeaderLayout;
  private width = 0;
  private keptIndexes: number[] = [];
  private droppedColumns: DroppedColumn[] = [];
  private droppedNeutral: number[] = [];
  private droppedTextMarker = false;
  private pendingData: { record: string[]; number: number }[] = [];
  private personalDecided = false;
  private trailingEmptyLines: number[] = [];
  private raggedReported = 0;
  private raggedMore = 0;
  private trailingFieldRows = 0;
  private dataRowCount = 0;
  private recordsSeen = 0;
  private nonEmptyRecordsSeen = 0;
  private readonly warnings: string[] = [];

  constructor(private readonly options: AssemblerOptions) {
    if (options.layout) this.useLayout(options.layout.detection, options.layout.header);
  }

  /** Takes the next records of the file with their 1-based record numbers. */
  push(records: string[][], numbers: number[]): void {
    for (let i = 0; i < records.length; i++) {
      const record = records[i];
      this.recordsSeen++;
      if (!this.isEmptyLine(record)) this.nonEmptyRecordsSeen++;
      if (!this.layout) {
        this.headerRecords.push({ record, number: numbers[i] });
        if (this.headerRecords.length >= DETECTION_RECORDS) this.resolveHeader();
        continue;
      }
      this.acceptData(record, numbers[i]);
    }
    this.flushIfDecided();
  }

  finish(): AssembledMeta {
    if (this.nonEmptyRecordsSeen === 0 && !this.options.layout) throw new ValidationError(messages.emptyFile(), { file: this.options.file });
    if (!this.layout) this.resolveHeader();
    this.decidePersonalColumns();
    this.flushIfDecided();
    // The parser already swallows the file's final line break, so every empty record left here is an extra empty line.
    if (this.trailingEmptyLines.length > 0) this.warnings.push(messages.trailingBlankLines(this.trailingEmptyLines.length));
    if (this.raggedMore > 0) this.warnings.push(messages.raggedRowsMore(this.raggedMore));
    if (this.trailingFieldRows > 0) this.warnings.push(messages.trailingEmptyFields(this.trailingFieldRows));
    const layout = this.layout!;
    if (this.dataRowCount === 0) {
      throw new ValidationError(messages.noDataRows(layout.headerRows), { file: this.options.file, row: layout.headerRows + 1 });
    }
    return {
      detection: this.detection!,
      headerRows: layout.headerRows,
      columns: this.keptIndexes.map((index) => layout.columns[index]),
      droppedPersonalColumns: this.droppedColumns.filter((column) => column.reason !== 'not_in_codebook').map((column) => column.column),
      droppedColumns: this.droppedColumns,
      droppedTextMarker: this.droppedTextMarker,
      warnings: [...layout.warnings, ...this.warnings],
      dataRowCount: this.dataRowCount,
    };
  }

  private isEmptyLine(record: string[]): boolean {
    if (this.options.kind === 'text') return record.length === 1 && record[0] === '';
    if (this.options.kind === 'cases') return false;
    return record.every((cell) => cell === '');
  }

  private resolveHeader(): void {
    const records = this.headerRecords.map((entry) => entry.record);
    const first = records[0] ?? [];
    if (first.every((cell) => cell.trim() === '')) throw new ValidationError(messages.emptyHeader(), { file: this.options.file, row: 1 });
    const detection = this.options.forcedFormat
      ? { format: this.options.forcedFormat, evidence: ['format set in the wave config'] }
      : detectFormat(records);
    if (detection.format === 'spss') throw new ValidationError(messages.notSav(), { file: this.options.file });
    const header = adapterFor(detection.format).resolveHeader(records);
    if (records.length < header.headerRows) {
      throw new ValidationError(messages.noDataRows(records.length), { file: this.options.file, row: records.length + 1 });
    }
    if (header.columns.length <= 1) throw new ValidationError(messages.singleColumn(detection.format), { file: this.options.file, row: 1 });
    this.useLayout(detection, header);
    for (const entry of this.headerRecords.slice(header.headerRows)) this.acceptData(entry.record, entry.number);
  }

  private useLayout(detection: FormatDetection, header: HeaderLayout): void {
    this.detection = detection;
    this.layout = header;
    this.width = header.columns.length;
  }

  private acceptData(record: string[], number: number): void {
    if (this.isEmptyLine(record)) {
      this.trailingEmptyLines.push(number);
      return;
    }
    // A non-empty record after empty lines: those lines were blank rows inside the data.
    for (const blankNumber of this.trailingEmptyLines) this.pendingData.push({ record: [], number: blankNumber });
    this.trailingEmptyLines = [];
    this.pendingData.push({ record: this.fitToWidth(record, number), number });
    if (!this.personalDecided && this.pendingData.length >= CONTENT_SAMPLE) this.decidePersonalColumns();
  }

  private fitToWidth(record: string[], number: number): string[] {
    if (record.length === this.width) return record;
    if (record.length > this.width) {
      const extraFilled = record.slice(this.width).some((cell) => cell !== '');
      if (extraFilled) this.reportRagged(record.length, number);
      else this.trailingFieldRows++;
      return record.slice(0, this.width);
    }
    if (this.options.kind === 'text') this.reportRagged(record.length, number);
    return [...record, ...new Array<string>(this.width - record.length).fill('')];
  }

  private reportRagged(fields: number, number: number): void {
    if (this.raggedReported < RAGGED_REPORT_LIMIT) {
      this.raggedReported++;
      this.warnings.push(`${this.options.file}, row ${number}: ${messages.raggedRow(fields, this.width)}`);
    } else this.raggedMore++;
  }

  private decidePersonalColumns(): void {
    if (this.personalDecided || !this.layout) return;
    this.personalDecided = true;
    const sample = this.pendingData.map((entry) => entry.record);
    const selection = selectColumns(this.layout.columns, sample, this.options.codebook, this.options.file);
    this.keptIndexes = selection.kept;
    this.droppedColumns = selection.dropped;
    this.droppedNeutral = selection.droppedNeutral;
    this.droppedTextMarker = this.options.codebook !== undefined && selection.droppedNeutral.length > 0;
    this.warnings.push(...selection.warnings);
  }

  /**
   * Hands the pending rows over, each reduced to the kept columns and redacted. The record array
   * itself becomes the row (kept cells moved forward in place, then cut to length): the parser's
   * arrays are ours, and a new array per row was a good part of this stage's garbage.
   */
  private flushIfDecided(): void {
    if (!this.personalDecided || this.pendingData.length === 0) return;
    const pending = this.pendingData;
    const kept = this.keptIndexes;
    const keptCount = kept.length;
    const redact = this.options.redactCells !== false;
    const marker = this.droppedTextMarker;
    const neutral = this.droppedNeutral;
    const rows: string[][] = new Array<string[]>(pending.length);
    const sourceRows: number[] = new Array<number>(pending.length);
    for (let i = 0; i < pending.length; i++) {
      const { record, number } = pending[i];
      let mark = '';
      if (marker) {
        for (const index of neutral) {
          const cell = record[index];
          if (cell !== undefined && cell.trim() !== '') {
            mark = DROPPED_TEXT_MARK;
            break;
          }
        }
      }
      // kept is ascending, so kept[k] >= k: a cell is read before its place is overwritten.
      for (let k = 0; k < keptCount; k++) {
        const cell = record[kept[k]];
        record[k] = cell === undefined ? '' : redact ? redactPersonalText(cell) : cell;
      }
      record.length = keptCount;
      if (marker) record.push(mark);
      rows[i] = record;
      sourceRows[i] = number;
    }
    this.pendingData = [];
    this.dataRowCount += rows.length;
    this.options.onBatch(rows, sourceRows);
  }
}
