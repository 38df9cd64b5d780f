import Papa from 'papaparse';

/** Test helpers: parse the sample exports the way a reader that knows nothing of the generator would. */
export const BOM = '\ufeff';

export function parseCsv(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.startsWith(BOM) ? text.slice(1) : text, { skipEmptyLines: false });
  const rows = parsed.data;
  // A file ending in a line break yields one empty record at the end.
  if (rows.length > 0 && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
  return rows;
}

export function asText(content: string | Buffer): string {
  return typeof content === 'string' ? content : content.toString('utf8');
}

/** Same comparison form as the normaliser: NFKC, accents off, case-folded, curly quotes straightened. */
export function labelKey(text: string): string {
  return text.normalize('NFKC').normalize('NFD').replace(/\p{M}/gu, '').replace(/[\u2018\u2019]/g, "'").toLowerCase().replace(/\s+/g, ' ').trim();
}
