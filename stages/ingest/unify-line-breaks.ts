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

  /** A stretch of text outside quotes with its CRLF and CR turned into LF (native replace: most of a file is such text). */
  const outside = (segment: string) => (segment.indexOf('\r') < 0 ? segment : segment.replace(/\r\n?/g, '\n'));

  return new Transform({
    decodeStrings: false,
    encoding: 'utf8',
    transform(chunk: string | Buffer, _encoding, done) {
      let text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      if (pendingCr) {
        pendingCr = false;
        if (text.charCodeAt(0) === LF) text = text.slice(1);
      }
      // One pass over the quotes: where quoted stretches begin and end, and whether any holds a CR.
      // Most chunks have no CR inside quotes, and then one native replace does the whole chunk.
      const stretches: number[] = []; // [open, close) pairs of quoted text, in order; an open one runs to the end
      let crInsideQuotes = false;
      let nextCr = text.indexOf('\r');
      const noteQuoted = (from: number, to: number) => {
        while (nextCr >= 0 && nextCr < from) nextCr = text.indexOf('\r', from);
        if (nextCr >= 0 && nextCr < to) crInsideQuotes = true;
      };
      let i = 0;
      let openedAt = inQuotes || pendingQuote ? 0 : -1;
      if (pendingQuote) {
        pendingQuote = false;
        if (text.charCodeAt(0) === QUOTE) i = 1; // "" across the chunk boundary: still quoted
        else {
          inQuotes = false;
          previous = QUOTE;
          stretches.push(0, 0);
          openedAt = -1;
        }
      }
      while (i < text.length) {
        if (inQuotes) {
          const close = text.indexOf('"', i);
          if (close < 0) break;
          if (close === text.length - 1) {
            pendingQuote = true;
            break;
          }
          if (text.charCodeAt(close + 1) === QUOTE) {
            i = close + 2;
            continue;
          }
          inQuotes = false;
          stretches.push(openedAt, close + 1);
          if (!crInsideQuotes) noteQuoted(openedAt, close + 1);
          openedAt = -1;
          i = close + 1;
          continue;
        }
        const quote = text.indexOf('"', i);
        if (quote < 0) break;
        const before = quote > 0 ? text.charCodeAt(quote - 1) : previous;
        i = quote + 1;
        if (atFieldStart(before)) {
          inQuotes = true;
          openedAt = quote;
        }
      }
      const quotedToEnd = inQuotes || pendingQuote;
      if (quotedToEnd && !crInsideQuotes) noteQuoted(openedAt, text.length);
      let out: string;
      if (!crInsideQuotes) out = quotedToEnd ? outside(text.slice(0, openedAt)) + text.slice(openedAt) : outside(text);
      else {
        const parts: string[] = [];
        let from = 0;
        for (let k = 0; k < stretches.length; k += 2) {
          parts.push(outside(text.slice(from, stretches[k])), text.slice(stretches[k], stretches[k + 1]));
          from = stretches[k + 1];
        }
        parts.push(quotedToEnd ? outside(text.slice(from, openedAt)) + text.slice(openedAt) : outside(text.slice(from)));
        out = parts.join('');
      }
      if (!quotedToEnd && text.length > 0) {
        const last = text.charCodeAt(text.length - 1);
        // A CR ending the chunk was written as LF; an LF starting the next chunk completes it.
        if (last === CR) pendingCr = true;
        previous = last === CR ? LF : last;
      }
      done(null, out);
    },
  });
}

/**
 * Whether a file (UTF-8 or Windows-1252: line-break bytes are single bytes) holds a line break
 * other than its own `newline` anywhere, in or out of quotes: a CR in an LF file, an LF in a CR
 * file, a CR or LF not part of a CRLF in a CRLF file. Only such files need unifyLineBreaks, whose
 * quote tracking costs a pass over every quote; the check is one native search per line break.
 */
export async function hasForeignLineBreaks(path: string, newline: '\r\n' | '\n' | '\r'): Promise<boolean> {
  const { open } = await import('node:fs/promises');
  const handle = await open(path, 'r');
  const buffer = Buffer.alloc(1 << 20);
  let previousByte = -1;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return previousByte === CR && newline === '\r\n'; // a CR ending the file is a bare CR
      const bytes = buffer.subarray(0, bytesRead);
      if (newline === '\n' && bytes.indexOf(CR) >= 0) return true;
      if (newline === '\r' && bytes.indexOf(LF) >= 0) return true;
      if (newline === '\r\n') {
        if (previousByte === CR && bytes[0] !== LF) return true;
        for (let at = bytes.indexOf(LF); at >= 0; at = bytes.indexOf(LF, at + 1)) {
          if ((at > 0 ? bytes[at - 1] : previousByte) !== CR) return true;
        }
        for (let at = bytes.indexOf(CR); at >= 0 && at < bytes.length - 1; at = bytes.indexOf(CR, at + 1)) {
          if (bytes[at + 1] !== LF) return true;
        }
      }
      previousByte = bytes[bytes.length - 1];
    }
  } finally {
    await handle.close();
  }
}
