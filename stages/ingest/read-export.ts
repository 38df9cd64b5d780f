/**
 * The ingest stage entry: one export file → one RawTable, personal data removed.
 *
 *   file ──sniff──▶ text │ xlsx │ sav
 *   text: detect encoding (BOM, UTF-16 pattern, UTF-8 validation pass, else Windows-1252)
 *         ▶ line break, delimiter and quoting from the first 64 KiB ▶ papaparse over a decoded stream
 *         (the file's sha256 computed from the same bytes, unless already known)
 *   xlsx: ZIP central directory ▶ rels, workbook, shared strings, styles ▶ first worksheet with
 *         data, XML parsed row by row (read-xlsx.ts) ▶ text records in batches
 *   sav:  sav-reader (dictionary, then row by row)
 *   records ──TableAssembler──▶ format detection, adapter header, PII columns dropped,
 *                               cells redacted, ragged rows reported ──▶ row batches
 *
 * streamExport hands the rows over in batches and keeps none; readExport collects them.
 * Bad input throws ValidationError with file (and row, where there is one); anything else
 * thrown from here is a bug.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import iconv from 'iconv-lite';
import { ValidationError } from '../../contracts/errors.ts';
import * as messages from '../../contracts/messages/ingest.ts';
import { openSpss } from './adapters/spss.ts';
import { SavDamage, savStructure, type SavStructure } from './adapters/sav-structure.ts';
import { TableAssembler, type AssembledMeta } from './assemble-table.ts';
import { detectDelimiter } from './detect-delimiter.ts';
import { detectEncoding } from './detect-encoding.ts';
import { detectQuoting } from './detect-quoting.ts';
import { detectLineBreak } from './detect-line-break.ts';
import { HashWhileReading } from './hash-file.ts';
import { FileHashCache } from '../../io/hash.ts';
import { kindOfFile } from '../../io/hash.ts';
import type { BatchHandler, ExportInput, IngestedTable, SpssColumnInfo, StreamedExport, StreamOptions } from '../../contracts/ingest-types.ts';
import { streamCsvRecords } from './parse-csv-stream.ts';
import { hasUtf16Bom, looksBinary, sniffFileKind } from './sniff-file.ts';
import type { SourceCodebook } from '../../contracts/types.ts';

const SAMPLE_BYTES = 64 * 1024;
/** Rows handed to the batch callback at once when the source is not chunked already. */
const SHEET_BATCH_ROWS = 5000;
/** .sav files up to this size have their structure checked before reading (savStructure reads the file into memory). */
const SAV_CHECK_LIMIT_BYTES = 256 * 1024 * 1024;

export type { ExportInput, IngestedTable, StreamedExport, StreamOptions } from '../../contracts/ingest-types.ts';

/** Reads a whole export into memory as a RawTable (with ingest's extra fields). */
export async function readExport(input: ExportInput): Promise<IngestedTable> {
  const rows: string[][] = [];
  const sourceRows: number[] = [];
  const { dataRowCount: _count, ...meta } = await streamExport(input, (batchRows, batchSourceRows) => {
    for (let i = 0; i < batchRows.length; i++) {
      rows.push(batchRows[i]);
      sourceRows.push(batchSourceRows[i]);
    }
  });
  return { ...meta, rows, sourceRows };
}

/**
 * Reads an export and passes its rows to `onBatch` in file order; returns everything else. The
 * rows' cells are redacted unless `options.cellRedaction` hands that to the caller (StreamOptions).
 */
export async function streamExport(input: ExportInput, onBatch: BatchHandler, options: StreamOptions = {}): Promise<StreamedExport> {
  const redactCells = options.cellRedaction !== 'consumer';
  const codebook = options.codebook;
  const knownHashes = options.knownHashes ?? new FileHashCache();
  const file = input.path;
  const { head, size } = await readHead(file);
  const kind = sniffFileKind(head, extname(file), file);
  if (input.format === 'spss' && kind !== 'sav') throw new ValidationError(messages.notSav(), { file });
  if (kind === 'sav' && input.format && input.format !== 'spss') throw new ValidationError(messages.savGivenOtherFormat(input.format), { file });
  if (kind === 'text') return streamText(input, onBatch, head, size, redactCells, knownHashes, codebook);
  const sha256 = await knownHashes.sha256File(file);
  const base = { sourceId: input.sourceId, sourceFile: file, sha256 };
  if (kind === 'sav') return streamSav(input, onBatch, base, redactCells, codebook);
  // A workbook. The XLSX reader (unzipper, saxes) is imported only here, so a CSV-only worker never loads it.
  const assembler = new TableAssembler({ file, kind: 'sheet', forcedFormat: input.format, onBatch, redactCells, codebook });
  const { streamXlsxRecords } = await import('./read-xlsx.ts');
  await streamXlsxRecords(file, file, (records, rowNumbers) => assembler.push(records, rowNumbers));
  return finishTable(assembler.finish(), { ...base, encoding: 'utf-8', delimiter: '' });
}

/** The first bytes of an export and its size; anything but a regular file (a pipe, a device, a directory) is refused before it is opened. */
async function readHead(file: string): Promise<{ head: Uint8Array; size: number }> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new ValidationError(messages.fileNotFound(), { file });
  }
  if (!info.isFile()) throw new ValidationError(messages.notAFile(kindOfFile(info)), { file });
  if (info.size === 0) throw new ValidationError(messages.emptyFile(), { file });
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(SAMPLE_BYTES, info.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { head: buffer.subarray(0, bytesRead), size: info.size };
  } finally {
    await handle.close();
  }
}

type TableBase = { sourceId: string; sourceFile: string; sha256: string };

async function streamText(input: ExportInput, onBatch: BatchHandler, head: Uint8Array, size: number, redactCells: boolean, knownHashes: FileHashCache, codebook?: SourceCodebook): Promise<StreamedExport> {
  const file = input.path;
  const hashing = HashWhileReading.unlessKnown(file, knownHashes);
  const knownSha256 = hashing ? undefined : await knownHashes.sha256File(file);
  const encoding = await detectEncoding(file, head, size);
  const binary = looksBinary(head, encoding.encoding.startsWith('utf-16') || hasUtf16Bom(head));
  if (binary) throw new ValidationError(messages.binaryFile(binary), { file });
  const sample = iconv.decode(Buffer.from(head), encoding.encoding);
  if (sample.trim() === '') throw new ValidationError(messages.emptyFile(), { file });
  const newline = detectLineBreak(sample);
  const { delimiter } = detectDelimiter(sample, newline);
  const quoting = detectQuoting(sample, delimiter, newline);
  const assembler = new TableAssembler({ file, kind: 'text', forcedFormat: input.format, onBatch, redactCells, codebook });
  const onBytes = hashing ? (bytes: Buffer) => hashing.update(bytes) : undefined;
  await streamCsvRecords({ path: file, file, encoding: encoding.encoding, delimiter, newline, quoting: quoting.quoting, onBytes, size }, (records, firstNumber) => {
    assembler.push(records, records.map((_, index) => firstNumber + index));
  });
  const meta = assembler.finish();
  if (quoting.evidence) meta.detection = { ...meta.detection, evidence: [...meta.detection.evidence, quoting.evidence] };
  if (encoding.firstInvalidByte !== undefined) meta.warnings.unshift(messages.windows1252Fallback(encoding.firstInvalidByte));
  const base = { sourceId: input.sourceId, sourceFile: file, sha256: knownSha256 ?? hashing!.finish() };
  return finishTable(meta, { ...base, encoding: encoding.bom ? `${encoding.encoding} (BOM)` : encoding.encoding, delimiter });
}

async function streamSav(input: ExportInput, onBatch: BatchHandler, base: TableBase, redactCells: boolean, codebook?: SourceCodebook): Promise<StreamedExport> {
  const file = input.path;
  // The structure first (bounded: the file is in memory only up to SAV_CHECK_LIMIT_BYTES), so a
  // damaged file stops naming the byte where it is damaged, and the reader stops after the cases
  // the data holds (a 252 end code followed by padding is no case).
  let structure: SavStructure | null = null;
  if ((await stat(file)).size <= SAV_CHECK_LIMIT_BYTES) {
    try {
      structure = savStructure(await readFile(file));
    } catch (error) {
      if (!(error instanceof SavDamage)) throw error;
      throw new ValidationError(messages.savDamaged(error.message, error.byte), { file });
    }
  }
  let reader;
  try {
    reader = await openSpss(file, structure?.dataCases);
  } catch (error) {
    throw new ValidationError(messages.savUnreadable(reasonOf(error)), { file });
  }
  const assembler = new TableAssembler({
    file,
    kind: 'cases',
    onBatch,
    redactCells,
    codebook,
    layout: {
      detection: { format: 'spss', evidence: ['SPSS system-file signature $FL2/$FL3'] },
      header: { headerRows: 0, columns: reader.columns, warnings: [] },
    },
  });
  let caseNumber = 0;
  let batch: string[][] = [];
  let numbers: number[] = [];
  for (;;) {
    let row;
    try {
      row = await reader.nextRow();
    } catch (error) {
      throw new ValidationError(messages.savUnreadable(reasonOf(error)), { file, row: caseNumber + 1 });
    }
    if (!row) break;
    caseNumber++;
    batch.push(row);
    numbers.push(caseNumber);
    if (batch.length >= SHEET_BATCH_ROWS) {
      assembler.push(batch, numbers);
      batch = [];
      numbers = [];
    }
  }
  assembler.push(batch, numbers);
  if (structure && caseNumber < structure.dataCases) {
    throw new ValidationError(messages.savCasesUnread(structure.dataCases, caseNumber), { file, row: caseNumber + 1 });
  }
  const meta = assembler.finish();
  const headerCases = structure?.headerCases;
  if (headerCases !== undefined && headerCases >= 0 && headerCases !== caseNumber) meta.warnings.push(messages.savHeaderCaseCount(headerCases, caseNumber));
  const keptNames = new Set(meta.columns.map((column) => column.key));
  const spssColumns: SpssColumnInfo[] = reader.info.filter((column) => keptNames.has(column.name));
  return { ...finishTable(meta, { ...base, encoding: reader.encoding, delimiter: '' }), spss: { columns: spssColumns } };
}

function finishTable(meta: AssembledMeta, base: TableBase & { encoding: string; delimiter: string }): StreamedExport {
  return {
    ...base,
    format: meta.detection.format,
    headerRows: meta.headerRows,
    columns: meta.columns,
    droppedPersonalColumns: meta.droppedPersonalColumns,
    droppedColumns: meta.droppedColumns,
    ...(meta.droppedTextMarker ? { droppedTextMarker: true } : {}),
    warnings: meta.warnings,
    detection: meta.detection,
    dataRowCount: meta.dataRowCount,
  };
}

function reasonOf(error: unknown): string {
  if (typeof error === 'string' && error.trim() !== '') return error.split('\n')[0].slice(0, 120);
  return error instanceof Error && error.message.trim() !== '' ? error.message.split('\n')[0].slice(0, 120) : 'unknown error';
}
