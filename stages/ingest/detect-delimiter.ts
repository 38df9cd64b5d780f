/**
 * The field delimiter of a text export: comma, semicolon (LimeSurvey and Kobo in European
 * locales) or tab (Qualtrics TSV, Excel "Unicode text"). Each candidate parses the first lines of
 * the sample; the winner has the most fields on the header line among candidates whose lines
 * mostly agree with the header's field count (a delimiter inside quoted text splits nothing).
 * Ties go to comma, then tab, then semicolon.
 */
import Papa from 'papaparse';
import type { LineBreak } from './detect-line-break.ts';

export const DELIMITER_CANDIDATES = [',', '\t', ';'] as const;
export type Delimiter = (typeof DELIMITER_CANDIDATES)[number];

export interface DelimiterDetection {
  delimiter: Delimiter;
  /** Fields on the first line with that delimiter. */
  headerFields: number;
}

export function detectDelimiter(sample: string, newline: LineBreak): DelimiterDetection {
  // Drop the last (possibly cut) line of the sample so it cannot spoil the consistency score.
  const lastBreak = sample.lastIndexOf(newline);
  const text = lastBreak > 0 ? sample.slice(0, lastBreak) : sample;
  let best: DelimiterDetection & { score: number } = { delimiter: ',', headerFields: 1, score: -1 };
  for (const delimiter of DELIMITER_CANDIDATES) {
    const parsed = Papa.parse<string[]>(text, { delimiter, newline, preview: 20, skipEmptyLines: true });
    const records = parsed.data;
    if (records.length === 0) continue;
    const headerFields = records[0].length;
    const agreeing = records.filter((record) => record.length === headerFields || record.length === headerFields + 1).length;
    const consistency = agreeing / records.length;
    const score = headerFields > 1 ? headerFields * (consistency >= 0.5 ? 1 : 0.1) : 0;
    if (score > best.score) best = { delimiter, headerFields, score };
  }
  return { delimiter: best.delimiter, headerFields: best.headerFields };
}
