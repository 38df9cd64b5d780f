/**
 * Line breaks outside quoted fields → LF, in a decoded text stream, so that a file whose line
 * ends are mixed (CRLF, LF and CR, as editors and concatenated downloads leave them) is read
 * record by record instead of gluing records together: with one break fixed for the whole file,
 * a bare CR in an LF file made two records one, and a record vanished (issue 12). Line breaks
 * inside quoted fields are cell text and pass unchanged.
 *
 * Quotes follow RFC 4180 as papaparse reads them: a double quote opens a quoted field only at the
 * start of a field (after the delimiter, a line break, or at the start of the file), and "" inside
 * it is one quote. State is carried across chunks (a chunk may end inside a quoted field, between
 * the two quotes of "", or between the CR and LF of a CRLF).
 */
import { Transform } from 'node:stream';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

export function unifyLineBreaks(delimiter: string): Transform {
  const delimiterCode = delimiter.charCodeAt(0);
  let inQuotes = false;
  /** In a quoted field, the last chunk ended with a quote: closing, or the first of "". */
  let pendingQuote = false;
  /** Outside quotes, the last chunk ended with a CR (already written as LF): drop an LF that follows. */
  let pendingCr = false;
  /** The character before the current position, outside quotes (-1: start of file). */
  let previous = -1;
  const atFieldStart = (code: number) => code === -1 || code === delimiterCode || code === LF || code === CR;

  return new Transform({
    decodeStrings: false,
    encoding: 'utf8',
    transform(chunk: string | Buffer, _encoding, done) {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      const parts: string[] = [];
      let start = 0;
      let i = 0;
      if (pendingCr) {
        pendingCr = false;
        if (text.charCodeAt(0) === LF) start = i = 1;
      }
      if (pendingQuote) {
        pendingQuote = false;
        if (text.charCodeAt(0) === QUOTE) i = 1; // "" across the chunk boundary: still quoted
        else {
          inQuotes = false;
          previous = QUOTE;
        }
      }
      while (i < text.length) {
        if (inQuotes) {
          const close = text.indexOf('"', i);
          if (close < 0) {
            i = text.length;
            break;
          }
          if (close === text.length - 1) {
            pendingQuote = true;
            i = text.length;
            break;
          }
          if (text.charCodeAt(close + 1) === QUOTE) {
            i = close + 2;
            continue;
          }
          inQuotes = false;
          previous = QUOTE;
          i = close + 1;
          continue;
        }
        const quote = text.indexOf('"', i);
        const cr = text.indexOf('\r', i);
        if (quote < 0 && cr < 0) {
          i = text.length;
          break;
        }
        if (cr >= 0 && (quote < 0 || cr < quote)) {
          parts.push(text.slice(start, cr), '\n');
          if (cr + 1 === text.length) pendingCr = true;
          i = start = text.charCodeAt(cr + 1) === LF ? cr + 2 : cr + 1;
          previous = LF;
          continue;
        }
        const before = quote > 0 ? text.charCodeAt(quote - 1) : previous;
        if (atFieldStart(before)) inQuotes = true;
        i = quote + 1;
        previous = QUOTE;
      }
      if (!inQuotes && !pendingQuote && text.length > start) previous = text.charCodeAt(text.length - 1) === CR ? LF : text.charCodeAt(text.length - 1);
      parts.push(text.slice(start));
      done(null, parts.join(''));
    },
  });
}
