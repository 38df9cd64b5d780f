/**
 * A text from an input file (a cell, a label, a header) quoted for a message: at most
 * QUOTE_MAX characters, then "…", so a pasted paragraph or a 50 MB cell cannot flood a message,
 * a log or the manifest (issue 12). Every message that quotes input text goes through here.
 */
export const QUOTE_MAX = 60;

export function shortText(text: string, max = QUOTE_MAX): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  // Never end on half a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** `"text"` (JSON string syntax, so quotes and control characters inside are escaped), shortened. */
export const quoteCell = (text: string, max = QUOTE_MAX): string => JSON.stringify(shortText(text, max));
