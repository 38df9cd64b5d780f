/**
 * SPSS system files (.sav, as written by SPSS, Qualtrics, LimeSurvey and Kobo), through the npm
 * package sav-reader (format documented in the GNU PSPP manual, "System File Format").
 * Columns: key = variable name, label = variable label. Cells are text like every other export:
 *   - numeric → shortest decimal (`1`, `1.234`); system-missing (SYSMIS) → "" (empty cell);
 *   - user-missing values are NOT blanked: the cell keeps the raw value (`99`) and the variable's
 *     declared user-missing values are listed in `spss.columns[i].missingValues` (discrete values
 *     and/or a `low…high` range), so normalise can tell "declared missing" from "no value";
 *   - date formats (DATE, ADATE, EDATE, JDATE, SDATE, DATETIME, YMDHMS, MOYR, QYR, WKYR) → ISO 8601
 *     (SPSS stores seconds since 1582-10-14: ISO = Unix epoch + (seconds − 12,219,379,200));
 *   - strings → right-trimmed (SPSS pads strings with spaces to their width).
 * Value labels are listed per column in `spss.columns[i].valueLabels` (raw value → label).
 * Rows are read one at a time (readNextRow), so memory is bounded by the rows kept. For files read
 * from a Buffer, the cases are counted from the data (spss-case-count.ts) and reading stops there:
 * the header's count may be −1 (Qualtrics) and the data may end with the end-of-data code 252.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { RawColumn } from '../../../contracts/types.ts';
import type { SpssColumnInfo, SpssMissingValues } from '../ingest-types.ts';
import { countSpssCases, type SpssCaseCount } from './spss-case-count.ts';

// sav-reader is CommonJS with a require-only "exports" map, so ESM `import` cannot resolve it.
const require = createRequire(import.meta.url);
// Its typings are not reachable through that map either, so the part we use is typed here.
interface SavFileReaderLike {
  meta: { header?: { encoding?: string }; sysvars: unknown[]; getValueLabels(name: string): { val: string | number; label: string }[] | undefined };
  open(): Promise<void>;
  readNextRow(): Promise<unknown>;
}
const { SavFileReader, SavBufferReader } = require('sav-reader') as {
  SavFileReader: new (path: string) => SavFileReaderLike;
  SavBufferReader: new (buffer: Buffer) => SavFileReaderLike;
};

/**
 * Files up to this size are read from a Buffer: sav-reader's file reader fails on some small
 * files ("No data read even after wait", e.g. the 502-byte pyreadstat fixture); larger files are
 * streamed so memory stays bounded.
 */
const BUFFER_READ_LIMIT_BYTES = 64 * 1024 * 1024;

/** Seconds between the SPSS epoch (1582-10-14) and the Unix epoch. */
const SPSS_EPOCH_OFFSET_SECONDS = 12_219_379_200;
/** SPSS print-format type codes that hold a date or date-time (PSPP manual, "Variable Record"). */
const DATE_FORMAT_TYPES = new Set([20, 22, 23, 24, 28, 29, 30, 38, 39, 41]);

interface SavVariable {
  name: string;
  type: number;
  label: string | null;
  missing: unknown;
  printFormat: { type: number; typestr: string; width: number; nbdec: number };
  __is_child_string_var?: boolean;
}

export interface SpssReader {
  columns: RawColumn[];
  info: SpssColumnInfo[];
  encoding: string;
  /** Cases counted from the data, where the file was read whole (undefined for streamed or ZLIB files). */
  caseCount?: SpssCaseCount;
  /** Next row as text cells, or undefined at the end. */
  nextRow(): Promise<string[] | undefined>;
}

export function missingValuesOf(missing: unknown): SpssMissingValues {
  if (missing === null || missing === undefined) return { discrete: [] };
  if (typeof missing === 'number' || typeof missing === 'string') return { discrete: [missing] as number[] | string[] };
  if (Array.isArray(missing)) return { discrete: missing as number[] | string[] };
  const record = missing as { min?: number; max?: number; value?: number; values?: number[] };
  const discrete = record.values ?? (record.value !== undefined ? [record.value] : []);
  const range = record.min !== undefined && record.max !== undefined ? { low: record.min, high: record.max } : undefined;
  return range ? { discrete, range } : { discrete };
}

export function spssDateText(seconds: number): string {
  const date = new Date((seconds - SPSS_EPOCH_OFFSET_SECONDS) * 1000);
  if (Number.isNaN(date.getTime())) return String(seconds);
  const iso = date.toISOString();
  return iso.slice(11, 19) === '00:00:00' ? iso.slice(0, 10) : iso.slice(0, 19);
}

function cellOf(variable: SavVariable, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\s+$/, '');
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return DATE_FORMAT_TYPES.has(variable.printFormat.type) ? spssDateText(value) : String(value);
  }
  return String(value);
}

/** Opens a .sav file and reads its dictionary; rows are pulled with nextRow(). */
export async function openSpss(path: string): Promise<SpssReader> {
  const whole = statSync(path).size <= BUFFER_READ_LIMIT_BYTES ? readFileSync(path) : undefined;
  const reader = whole ? new SavBufferReader(whole) : new SavFileReader(path);
  const caseCount = whole ? countSpssCases(whole) : undefined;
  await reader.open();
  const variables = (reader.meta.sysvars as unknown as SavVariable[]).filter((variable) => !variable.__is_child_string_var);
  const info: SpssColumnInfo[] = variables.map((variable) => {
    const valueLabels: Record<string, string> = {};
    for (const entry of reader.meta.getValueLabels(variable.name) ?? []) {
      valueLabels[typeof entry.val === 'string' ? entry.val.replace(/\s+$/, '') : String(entry.val)] = entry.label;
    }
    const format = variable.printFormat;
    return {
      name: variable.name,
      label: variable.label ?? '',
      valueLabels,
      missingValues: missingValuesOf(variable.missing),
      printFormat: `${format.typestr}${format.width}${format.nbdec ? `.${format.nbdec}` : ''}`,
    };
  });
  let rowsRead = 0;
  return {
    columns: info.map((column) => ({ key: column.name, label: column.label })),
    info,
    encoding: String(reader.meta.header?.encoding ?? ''),
    ...(caseCount ? { caseCount } : {}),
    async nextRow() {
      if (caseCount && rowsRead >= caseCount.cases) return undefined;
      rowsRead++;
      const row = (await reader.readNextRow()) as Record<string, unknown> | null | undefined;
      if (!row) return undefined;
      return variables.map((variable) => cellOf(variable, row[variable.name]));
    },
  };
}
