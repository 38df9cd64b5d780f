/**
 * Decides what kind of file an export is from its first bytes, before any decoding, so that a
 * workbook or a binary file named `.csv` gets a clear message instead of pages of mojibake.
 * Signatures: ZIP (XLSX) `PK\x03\x04` (APPNOTE.TXT 4.3.7); SPSS `$FL2`/`$FL3` (PSPP manual,
 * "System File Format"); UTF-16 byte-order marks FF FE / FE FF (Unicode 15, §23.8).
 */
import { ValidationError } from '../../contracts/errors.ts';
import * as messages from '../../contracts/messages/ingest.ts';

export type FileKind = 'text' | 'xlsx' | 'sav';

const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.tab']);

export function sniffFileKind(head: Uint8Array, extension: string, file: string): FileKind {
  const ext = extension.toLowerCase();
  const isZip = head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const magic = String.fromCharCode(...head.subarray(0, 4));
  if (magic === '$FL2' || magic === '$FL3') return 'sav';
  if (isZip) {
    if (TEXT_EXTENSIONS.has(ext)) throw new ValidationError(messages.zipWithTextExtension(), { file });
    return 'xlsx';
  }
  if (ext === '.xlsx' || ext === '.xlsm') throw new ValidationError(messages.xlsxNotZip(), { file });
  if (ext === '.sav') throw new ValidationError(messages.binaryFile('named .sav but no SPSS signature'), { file });
  return 'text';
}

/** True when the bytes start with a UTF-16 byte-order mark (NUL bytes are then expected). */
export function hasUtf16Bom(head: Uint8Array): boolean {
  return head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
}

/**
 * A text export never contains NUL bytes unless it is UTF-16, and mostly printable bytes. We call
 * a sample binary when it has a NUL byte (and is not UTF-16) or more than 10% control bytes
 * other than tab, CR, LF and form feed.
 */
export function looksBinary(sample: Uint8Array, utf16: boolean): string | undefined {
  if (utf16) return undefined;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i];
    if (byte === 0) return 'it contains NUL bytes';
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  }
  if (sample.length > 0 && controls / sample.length > 0.1) return 'more than 10% of its bytes are control characters';
  return undefined;
}
