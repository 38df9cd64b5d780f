/**
 * The line break of a text export: the first CRLF, LF or CR found outside double quotes (quoted
 * cells may hold a different break, e.g. LF inside a CRLF file from Google Sheets). Fixing it
 * up front, instead of letting the CSV parser guess per chunk, keeps record numbering stable.
 */
export type LineBreak = '\r\n' | '\n' | '\r';

/** Characters after which a double quote opens a quoted field (RFC 4180: only at field start). */
const FIELD_START = new Set([undefined, ',', ';', '\t', '\r', '\n']);

export function detectLineBreak(sample: string): LineBreak {
  let inQuotes = false;
  for (let i = 0; i < sample.length; i++) {
    const char = sample[i];
    if (inQuotes) {
      if (char === '"') {
        if (sample[i + 1] === '"') i++;
        else inQuotes = false;
      }
    } else if (char === '"' && FIELD_START.has(sample[i - 1])) inQuotes = true;
    else if (char === '\r') return sample[i + 1] === '\n' ? '\r\n' : '\r';
    else if (char === '\n') return '\n';
  }
  return '\n';
}
