/**
 * Streams the records of a delimited text file: bytes → iconv-lite decoder → papaparse in chunk
 * mode, so memory holds one chunk of text and the records parsed from it, never the whole file.
 * Records are numbered from 1 in file order (a record spans lines when a quoted cell holds a
 * line break). Quote errors stop the read with a ValidationError naming the record.
 */
import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { ValidationError } from '../errors.ts';
import * as messages from '../messages/ingest.ts';
import type { TextEncoding } from './detect-encoding.ts';
import type { LineBreak } from './detect-line-break.ts';

export interface CsvStreamOptions {
  path: string;
  /** Path as the user gave it, for messages. */
  file: string;
  encoding: TextEncoding;
  delimiter: string;
  newline: LineBreak;
  /** Called with every chunk of the file's bytes, in order, before it is decoded (hashing while reading). */
  onBytes?: (bytes: Buffer) => void;
}

/** Calls `onRecords` with each parsed chunk and the 1-based number of its first record. */
export function streamCsvRecords(
  options: CsvStreamOptions,
  onRecords: (records: string[][], firstRecordNumber: number) => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let recordsSeen = 0;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      reject(error);
    };
    const bytes = createReadStream(options.path, { highWaterMark: 1 << 20 });
    bytes.on('error', fail);
    // Registered before the decoder is piped in, so it sees each chunk first; every byte of the file passes here.
    if (options.onBytes) {
      const onBytes = options.onBytes;
      bytes.on('data', (chunk) => onBytes(chunk as Buffer));
    }
    const text = bytes.pipe(iconv.decodeStream(options.encoding));
    text.on('error', fail);
    Papa.parse<string[]>(text as unknown as File, {
      delimiter: options.delimiter,
      newline: options.newline,
      quoteChar: '"',
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
