/**
 * Streams the records of a delimited text file: bytes → iconv-lite decoder → papaparse in chunk
 * mode, so memory holds one chunk of text and the records parsed from it, never the whole file.
 * Records are numbered from 1 in file order (a record spans lines when a quoted cell holds a
 * line break; CRLF, LF and CR all end a record outside quotes: unify-line-breaks.ts). Quote
 * errors stop the read with a ValidationError naming the record.
 */
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { ValidationError } from '../../contracts/errors.ts';
import * as messages from '../../contracts/messages/ingest.ts';
import type { TextEncoding } from './detect-encoding.ts';
import type { LineBreak } from './detect-line-break.ts';
import type { Quoting } from './detect-quoting.ts';
import { hasForeignLineBreaks, unifyLineBreaks } from './unify-line-breaks.ts';

export interface CsvStreamOptions {
  path: string;
  /** Path as the user gave it, for messages. */
  file: string;
  encoding: TextEncoding;
  delimiter: string;
  newline: LineBreak;
  /** `none`: every double quote is text (Google Sheets TSV, detect-quoting.ts); default RFC 4180. */
  quoting?: Quoting;
  /** Called with every chunk of the file's bytes, in order, before it is decoded (hashing while reading). */
  onBytes?: (bytes: Buffer) => void;
  /** Bytes to read at most (the size when reading began): a file that keeps growing is not read for ever. */
  size?: number;
}

/** Bytes read from the file at once: large, so the next read overlaps parsing. */
const READ_BYTES = 1 << 20;
/**
 * About how many bytes are decoded (and so parsed) at once. A 1 MiB piece decodes to a string of
 * 1–2 MiB, which V8 allocates in large-object space, i.e. in the old generation: 2.3 GB of such
 * strings at a million respondents per population meant a mark-sweep every few chunks (≈ 15 % of
 * ingest's time). A 64 KiB piece stays in the young generation and dies there. Reading stays at
 * 1 MiB: read 64 KiB at a time, the parser waited for every read.
 */
const DECODED_PIECE_BYTES = 1 << 16;

/**
 * Cuts the byte stream into pieces of about `pieceBytes` that each end with a line break byte
 * (`lineEnd`: LF, or CR for files with CR line breaks), carrying the rest over to the next piece.
 * Papaparse, parsing chunk by chunk, reports a closing quote followed by the chunk's end in the
 * middle of a CRLF (`"\r` | `\n`) as a malformed quote (InvalidQuotes), which is fatal here: with
 * chunks cut anywhere, an export could fail or not depending on where its chunk boundaries fell.
 * Cut after a line break byte, a piece never ends inside a line break, and the byte never belongs
 * to a multi-byte UTF-8 or Windows-1252 character. (UTF-16 text is passed through uncut.)
 */
function cutAtLineEnds(pieceBytes: number, lineEnd: number): Transform {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      let start = 0;
      while (chunk.length - start + pendingBytes >= pieceBytes) {
        const wanted = start + Math.max(pieceBytes - pendingBytes, 1);
        const cut = chunk.lastIndexOf(lineEnd, Math.min(wanted, chunk.length) - 1);
        if (cut < start) {
          // No line break in reach: look further on (a long line is parsed whole, as papaparse would keep it).
          const next = chunk.indexOf(lineEnd, wanted);
          if (next < 0) break;
          this.push(joined(pending, chunk.subarray(start, next + 1)));
          start = next + 1;
        } else {
          this.push(joined(pending, chunk.subarray(start, cut + 1)));
          start = cut + 1;
        }
        pending = [];
        pendingBytes = 0;
      }
      if (start < chunk.length) {
        pending.push(chunk.subarray(start));
        pendingBytes += chunk.length - start;
      }
      done();
    },
    flush(done) {
      if (pendingBytes > 0) this.push(Buffer.concat(pending));
      done();
    },
  });
}

function joined(pending: Buffer[], last: Buffer): Buffer {
  return pending.length === 0 ? last : Buffer.concat([...pending, last]);
}

/** Calls `onRecords` with each parsed chunk and the 1-based number of its first record. */
export async function streamCsvRecords(
  options: CsvStreamOptions,
  onRecords: (records: string[][], firstRecordNumber: number) => void,
): Promise<number> {
  const singleByteLineEnds = options.encoding === 'utf-8' || options.encoding === 'windows-1252';
  // Mixed line ends (CRLF, LF and CR in one file) are unified outside quotes; a file with one kind
  // only (almost every export) is parsed as it is, without the cost of tracking quotes twice.
  const mixedLineBreaks = !singleByteLineEnds || (await hasForeignLineBreaks(options.path, options.newline));
  return new Promise((resolve, reject) => {
    let recordsSeen = 0;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      reject(error);
    };
    const bytes = createReadStream(options.path, { highWaterMark: READ_BYTES, ...(options.size !== undefined ? { end: Math.max(options.size - 1, 0) } : {}) });
    bytes.on('error', fail);
    // Registered before the decoder is piped in, so it sees each chunk first; every byte of the file passes here.
    if (options.onBytes) {
      const onBytes = options.onBytes;
      bytes.on('data', (chunk) => onBytes(chunk as Buffer));
    }
    const pieces = singleByteLineEnds ? bytes.pipe(cutAtLineEnds(DECODED_PIECE_BYTES, options.newline === '\r' ? 0x0d : 0x0a)) : bytes;
    pieces.on('error', fail);
    const decoded = pieces.pipe(iconv.decodeStream(options.encoding));
    decoded.on('error', fail);
    // Every line break outside quotes becomes LF (a file may mix CRLF, LF and CR).
    const text = mixedLineBreaks ? decoded.pipe(unifyLineBreaks(options.delimiter)) : decoded;
    if (mixedLineBreaks) text.on('error', fail);
    Papa.parse<string[]>(text as unknown as File, {
      delimiter: options.delimiter,
      newline: mixedLineBreaks ? '\n' : options.newline,
      quoteChar: '"',
      // Papaparse's fast mode splits on delimiters and line breaks only, with no quote handling.
      ...(options.quoting === 'none' ? { fastMode: true } : {}),
      skipEmptyLines: false,
      chunk(results, parser) {
        if (failed) return;
        const quoteError = results.errors.find((error) => error.code === 'MissingQuotes' || error.code === 'InvalidQuotes');
        if (quoteError) {
          const row = recordsSeen + (quoteError.row ?? results.data.length) + 1;
          const message = quoteError.code === 'MissingQuotes' ? messages.unterminatedQuote() : messages.malformedQuote();
          fail(new ValidationError(message, { file: options.file, row }));
          parser.abort();
          bytes.destroy();
          return;
        }
        try {
          onRecords(results.data, recordsSeen + 1);
        } catch (error) {
          fail(error);
          parser.abort();
          bytes.destroy();
          return;
        }
        recordsSeen += results.data.length;
      },
      complete() {
        if (!failed) resolve(recordsSeen);
      },
      error(error: Error) {
        fail(error);
      },
    });
  });
}
