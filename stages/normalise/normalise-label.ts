/**
 * The form in which answer labels and column names are compared: Unicode NFKC, case-folded,
 * accents removed, curly quotes straightened, whitespace collapsed. "Don’t Know " and
 * "don't know" are the same label; "Très important" matches "tres important".
 */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
