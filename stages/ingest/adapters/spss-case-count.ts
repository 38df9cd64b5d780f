/**
 * How many cases an SPSS system file holds, counted from its data, not taken from its header.
 * The header's case count is −1 when the writer did not know it in advance (Qualtrics, and any
 * writer that streams: the field is "−1 if unknown"), and a bytecode-compressed data stream may
 * end with the end-of-data code 252 followed by padding. sav-reader ignores the count and reads a
 * 252 as one more value, which turns the padding after it into a phantom case or an error; so the
 * reader stops after the cases counted here.
 *
 * Layout (GNU PSPP manual, "System File Format"): a 176-byte file header (`$FL2`, layout code at
 * byte 64, compression at 72, case count at 80), then dictionary records until type 999, then the
 * data. Every variable record (type 2, continuation records of long strings included) is one
 * 8-byte slot of a case. Uncompressed data is slots × 8 bytes per case. Bytecode-compressed data
 * is blocks of 8 command bytes, each command one slot (1–251 a number stored as code − bias, 253
 * a literal 8 bytes following the block, 254 eight spaces, 255 system-missing), or nothing (0,
 * padding), or the end of the data (252).
 */

export interface SpssCaseCount {
  /** The header's case count (−1: not given). */
  headerCases: number;
  /** Whole cases found in the data. */
  cases: number;
  /** Slots left over after the last whole case (a cut file), 0 normally. */
  partialSlots: number;
  /** True when the data ended with code 252. */
  endMarker: boolean;
}

const HEADER_BYTES = 176;

/** Counts the cases of an uncompressed or bytecode-compressed .sav; undefined for ZLIB ($FL3) or unreadable dictionaries. */
export function countSpssCases(bytes: Uint8Array): SpssCaseCount | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < HEADER_BYTES || String.fromCharCode(...bytes.subarray(0, 4)) !== '$FL2') return undefined;
  const layoutLe = view.getInt32(64, true);
  const little = layoutLe === 2 || layoutLe === 3;
  const int = (offset: number) => view.getInt32(offset, little);
  const compression = int(72);
  const headerCases = int(80);
  let offset = HEADER_BYTES;
  let slots = 0;
  for (;;) {
    if (offset + 4 > bytes.length) return undefined;
    const type = int(offset);
    if (type === 2) {
      slots++;
      const hasLabel = int(offset + 8);
      const missingCount = Math.abs(int(offset + 12));
      offset += 32;
      if (hasLabel === 1) offset += 4 + Math.ceil(int(offset) / 4) * 4;
      offset += missingCount * 8;
    } else if (type === 3) {
      const labels = int(offset + 4);
      offset += 8;
      for (let i = 0; i < labels; i++) {
        if (offset + 9 > bytes.length) return undefined;
        const length = bytes[offset + 8];
        offset += 8 + Math.ceil((length + 1) / 8) * 8;
      }
    } else if (type === 4) {
      offset += 8 + int(offset + 4) * 4;
    } else if (type === 6) {
      offset += 8 + int(offset + 4) * 80;
    } else if (type === 7) {
      offset += 16 + int(offset + 8) * int(offset + 12);
    } else if (type === 999) {
      offset += 8;
      break;
    } else return undefined;
  }
  if (slots === 0 || offset > bytes.length) return undefined;
  if (compression === 0) {
    const values = Math.floor((bytes.length - offset) / 8);
    return { headerCases, cases: Math.floor(values / slots), partialSlots: values % slots, endMarker: false };
  }
  if (compression !== 1) return undefined;
  let values = 0;
  let endMarker = false;
  scan: while (offset + 8 <= bytes.length) {
    const block = offset;
    offset += 8;
    for (let k = 0; k < 8; k++) {
      const code = bytes[block + k];
      if (code === 0) continue;
      if (code === 252) {
        endMarker = true;
        break scan;
      }
      if (code === 253) {
        if (offset + 8 > bytes.length) break scan;
        offset += 8;
      }
      values++;
    }
  }
  return { headerCases, cases: Math.floor(values / slots), partialSlots: values % slots, endMarker };
}
