/**
 * Whether a text export uses double quotes to enclose fields (RFC 4180) or writes every `"` as
 * text. Comma- and semicolon-separated exports always quote (a cell holding the delimiter must be
 * enclosed). Tab-separated ones differ by writer: Excel "Unicode text" and Qualtrics TSV enclose
 * cells that hold a tab, a line break or a quote, while a **Google Sheets TSV download never
 * quotes** (a quote is written as is), so a cell such as `"There's a package for that." Doesn't matter…` is text, not a broken quoted field.
 *
 * Rule for tab-separated text, on the sample without its last (possibly cut) line: parse it
 * with quotes and without. Quoting is off when the quoted parse hits a malformed quoted field
 * (other than one cut by the sample's end). It is on when the quoted parse gives more records of
 * the header's width (quoted cells holding tabs or line breaks), when every header field is
 * enclosed, or when an enclosed field holds a doubled `""`. Otherwise every `"` is text. A quoting
 * writer whose first such cell lies beyond the sample would have that cell split: those rows then
 * have more fields than the header and are reported as ragged rows, never dropped.
 */
import Papa from 'papaparse';
import type { LineBreak } from './detect-line-break.ts';

export type Quoting = 'rfc4180' | 'none';

export interface QuotingDetection {
  quoting: Quoting;
  /** Why, for `skillgap validate` (absent for the default comma/semicolon case). */
  evidence?: string;
}

/** A field opening with a quote that holds a doubled quote before its closing quote. */
const DOUBLED_QUOTE_IN_FIELD = /(?:^|[\t\r\n])"(?:[^"]|"")*""(?:[^"]|"")*"(?=[\t\r\n]|$)/;

export function detectQuoting(sample: string, delimiter: string, newline: LineBreak): QuotingDetection {
  if (delimiter !== '\t') return { quoting: 'rfc4180' };
  const lastBreak = sample.lastIndexOf(newline);
  const text = lastBreak > 0 ? sample.slice(0, lastBreak) : sample;
  const quoted = Papa.parse<string[]>(text, { delimiter, newline, quoteChar: '"' });
  const plain = Papa.parse<string[]>(text, { delimiter, newline, fastMode: true });
  const lastRecord = quoted.data.length - 1;
  const broken = quoted.errors.some((error) => (error.code === 'InvalidQuotes' || error.code === 'MissingQuotes') && (error.row ?? 0) < lastRecord);
  if (broken) return { quoting: 'none', evidence: 'tab-separated and a cell opens with a double quote that does not enclose it (Google Sheets style): a double quote is text' };
  if (headerWidthShare(quoted.data) > headerWidthShare(plain.data)) {
    return { quoting: 'rfc4180', evidence: 'tab-separated with quoted cells holding tabs or line breaks (Excel/Qualtrics style)' };
  }
  const header = plain.data[0] ?? [];
  if (header.length > 1 && header.every((field) => field.length >= 2 && field.startsWith('"') && field.endsWith('"'))) {
    return { quoting: 'rfc4180', evidence: 'tab-separated with every header field in double quotes' };
  }
  if (DOUBLED_QUOTE_IN_FIELD.test(text)) return { quoting: 'rfc4180', evidence: 'tab-separated with quoted cells holding "" (Excel/Qualtrics style)' };
  return { quoting: 'none', evidence: 'tab-separated without quoting (Google Sheets style): a double quote is text' };
}

/** Share of records with as many fields as the first (header) record. */
function headerWidthShare(records: string[][]): number {
  if (records.length === 0) return 0;
  const width = records[0].length;
  return records.filter((record) => record.length === width).length / records.length;
}
