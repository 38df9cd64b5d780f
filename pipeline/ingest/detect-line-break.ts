/**
 * The line break of a text export: the first CRLF, LF or CR found outside double quotes (quoted
 * cells may hold a different break, e.g. LF inside a CRLF file from Google Sheets). Fixing it
 * up front, instead of letting the CSV parser guess per chunk, keeps record numbering stable.
 */
export type LineBreak = '\r\n' | '\n' | '\r';

export function detectLineBreak(sample: string): LineBreak {
  let inQuotes = false;
  for (let i = 0; i < sample.length; i++) {
    const char = sample[i];
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && char === '\r') return sample[i + 1] === '\n' ? '\r\n' : '\r';
    else if (!inQuotes && char === '\n') return '\n';
  }
  return '\n';
}
