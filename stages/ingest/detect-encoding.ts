/**
 * Which character encoding an export uses. Survey tools write UTF-8 (with or without a BOM);
 * Excel's "Unicode text" is UTF-16LE with a BOM and tabs; older Windows tools write Windows-1252.
 * Rule, in order: a BOM decides (EF BB BF → UTF-8, FF FE → UTF-16LE, FE FF → UTF-16BE); a BOM-less
 * sample whose odd (even) bytes are mostly NUL is UTF-16LE (BE); otherwise the whole file is
 * validated as UTF-8 in a streaming pass (bounded memory) and falls back to Windows-1252 at the
 * first invalid sequence — Windows-1252 decodes every byte, so the fallback never fails.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface EncodingDetection {
  encoding: TextEncoding;
  bom: boolean;
  /** Byte offset of the first invalid UTF-8 sequence when the fallback was used. */
  firstInvalidByte?: number;
}

/** Encoding decided by the first bytes alone (BOM or UTF-16 NUL pattern), if they decide it. */
export function encodingFromHead(head: Uint8Array): EncodingDetection | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const pairs = Math.min(head.length >> 1, 2048);
  if (pairs < 4) return undefined;
  let nulOdd = 0;
  let nulEven = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) nulEven++;
    if (head[2 * i + 1] === 0) nulOdd++;
  }
  // ASCII text in UTF-16 has a NUL in every other byte; require 70% to avoid binary look-alikes.
  if (nulOdd > 0.7 * pairs && nulEven < 0.05 * pairs) return { encoding: 'utf-16le', bom: false };
  if (nulEven > 0.7 * pairs && nulOdd < 0.05 * pairs) return { encoding: 'utf-16be', bom: false };
  return undefined;
}

/** Offset of the first byte that does not start a valid UTF-8 sequence (RFC 3629 §4), or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    if (i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

/**
 * Validates the whole file as UTF-8 in one streaming pass; memory stays at one chunk. Node's
 * isUtf8 (simdutf) checks a chunk without decoding it: the fatal TextDecoder used before built a
 * string of every chunk only to throw it away (≈ 2 s for a 1.2 GB export). A sequence cut by the
 * chunk boundary is carried over to the next chunk.
 */
export async function detectEncoding(path: string, head: Uint8Array, size?: number): Promise<EncodingDetection> {
  const fromHead = encodingFromHead(head);
  if (fromHead) return fromHead;
  let offset = 0;
  let carried: Buffer = Buffer.alloc(0);
  // Bounded by `size` (the size when reading began), so a file that keeps growing is not read for ever.
  const range = size !== undefined ? { end: Math.max(size - 1, 0) } : {};
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20, ...range }) as AsyncIterable<Buffer>) {
    const bytes = carried.length > 0 ? Buffer.concat([carried, chunk]) : chunk;
    const whole = wholeSequencesLength(bytes);
    const checked = bytes.subarray(0, whole);
    if (!isUtf8(checked)) {
      const within = firstInvalidUtf8Offset(checked);
      return { encoding: 'windows-1252', bom: false, firstInvalidByte: offset + Math.max(within, 0) };
    }
    offset += whole;
    carried = Buffer.from(bytes.subarray(whole));
  }
  // A sequence cut short by the end of the file.
  if (carried.length > 0) return { encoding: 'windows-1252', bom: false, firstInvalidByte: offset + carried.length - 1 };
  return { encoding: 'utf-8', bom: false };
}

/** Length of `bytes` without a multi-byte sequence that its last bytes start but do not finish. */
function wholeSequencesLength(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: its lead is further back
    const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 1;
    return length > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}
