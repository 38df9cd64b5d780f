import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const CHUNK_BYTES = 4 << 20;

/**
 * Calls `onLine` with each parsed line of a JSON-lines file, reading it in 4 MiB chunks so the
 * file is never one string (a gigabyte cache would exceed V8's string limit). JSON text cannot
 * hold a raw line break, so splitting on "\n" is exact.
 */
export function forEachJsonLine(path: string, onLine: (value: unknown) => void): void {
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  const decoder = new StringDecoder('utf8');
  let carry = '';
  try {
    for (;;) {
      const bytesRead = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      const text = carry + decoder.write(buffer.subarray(0, bytesRead));
      let start = 0;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        if (end > start) onLine(JSON.parse(text.slice(start, end)));
        start = end + 1;
      }
      carry = text.slice(start);
    }
    carry += decoder.end();
    if (carry !== '') onLine(JSON.parse(carry));
  } finally {
    closeSync(fd);
  }
}
