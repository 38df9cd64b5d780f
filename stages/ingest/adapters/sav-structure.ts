/**
 * The structure of an SPSS .sav file, walked before sav-reader decodes it, so that a damaged file
 * stops with the place of the damage instead of losing cases quietly (issue 12): sav-reader reads
 * until the bytes run out, whatever the header's case count says, and a file cut inside a case gave
 * a half-filled last case.
 *
 *   header (176 bytes: compression code at 72, case count at 80)
 *   dictionary records: 2 variable, 3 value labels + 4 their variables, 6 document, 7 extension,
 *   999 end; then the data: raw 8-byte slots, or bytecode compression (blocks of 8 codes: 0 skip,
 *   1–251 a number, 252 end of data, 253 eight raw bytes follow the block, 254 eight spaces,
 *   255 system-missing).
 * Format: GNU PSPP manual, "System File Format" (https://www.gnu.org/software/pspp/pspp-dev/html_node/System-File-Format.html).
 */
export interface SavStructure {
  /** Case count the header states (−1: unknown, as Qualtrics writes it). */
  headerCases: number;
  /** Complete cases the data section holds. */
  dataCases: number;
  /** 8-byte slots per case. */
  caseWidth: number;
}

export class SavDamage extends Error {
  constructor(message: string, readonly byte: number) {
    super(message);
  }
}

const HEADER_BYTES = 176;

export function savStructure(bytes: Buffer): SavStructure {
  if (bytes.length < HEADER_BYTES) throw new SavDamage(`the file ends inside its ${HEADER_BYTES}-byte header`, bytes.length);
  const signature = bytes.toString('latin1', 0, 4);
  const compression = bytes.readInt32LE(72);
  if (signature === '$FL3' || compression === 2) throw new SavDamage('ZLIB-compressed .sav files are not supported (save it from SPSS with standard or no compression)', signature === '$FL3' ? 0 : 72);
  if (compression !== 0 && compression !== 1) throw new SavDamage(`the header gives compression code ${compression} (0 or 1 expected)`, 72);
  const headerCases = bytes.readInt32LE(80);
  let at = HEADER_BYTES;
  let caseWidth = 0;
  const need = (count: number, what: string) => {
    if (at + count > bytes.length) throw new SavDamage(`the dictionary is cut inside ${what}`, at);
  };
  for (;;) {
    need(4, 'a record type');
    const type = bytes.readInt32LE(at);
    const recordStart = at;
    if (type === 2) {
      need(32, 'a variable record');
      caseWidth++;
      const hasLabel = bytes.readInt32LE(at + 8);
      const missing = Math.abs(bytes.readInt32LE(at + 12));
      if (missing > 3) throw new SavDamage(`a variable record gives ${bytes.readInt32LE(at + 12)} missing values (at most 3)`, at + 12);
      at += 32;
      if (hasLabel) {
        need(4, 'a variable label');
        at += 4 + Math.ceil(bytes.readInt32LE(at) / 4) * 4;
      }
      at += missing * 8;
    } else if (type === 3) {
      need(8, 'a value-label record');
      const count = bytes.readInt32LE(at + 4);
      if (count < 0) throw new SavDamage(`a value-label record gives ${count} labels`, at + 4);
      at += 8;
      for (let k = 0; k < count; k++) {
        need(9, 'a value label');
        at += 8 + Math.ceil((1 + bytes[at + 8]) / 8) * 8;
      }
    } else if (type === 4) {
      need(8, 'a value-label variables record');
      const count = bytes.readInt32LE(at + 4);
      if (count < 0) throw new SavDamage(`a value-label variables record gives ${count} variables`, at + 4);
      at += 8 + count * 4;
    } else if (type === 6) {
      need(8, 'a document record');
      at += 8 + Math.max(0, bytes.readInt32LE(at + 4)) * 80;
    } else if (type === 7) {
      need(16, 'an extension record');
      const size = bytes.readInt32LE(at + 8);
      const count = bytes.readInt32LE(at + 12);
      if (size < 0 || count < 0) throw new SavDamage(`an extension record gives ${count} items of ${size} bytes`, at + 8);
      at += 16 + size * count;
    } else if (type === 999) {
      need(8, 'the dictionary end record');
      at += 8;
      break;
    } else throw new SavDamage(`unknown dictionary record type ${type}`, at);
    if (at > bytes.length) throw new SavDamage(`the dictionary is cut inside the record of type ${type}`, recordStart);
  }
  if (caseWidth === 0) throw new SavDamage('the dictionary has no variable', at);
  const caseBytes = caseWidth * 8;
  if (compression === 0) {
    const dataBytes = bytes.length - at;
    if (dataBytes % caseBytes !== 0) throw new SavDamage(`the data section ends inside case ${Math.floor(dataBytes / caseBytes) + 1} (the file is cut)`, bytes.length);
    return { headerCases, dataCases: dataBytes / caseBytes, caseWidth };
  }
  let slots = 0;
  let ended = false;
  while (!ended && at < bytes.length) {
    if (at + 8 > bytes.length) throw new SavDamage(`the data section ends inside a block of compression codes (case ${Math.floor(slots / caseWidth) + 1})`, at);
    const block = at;
    at += 8;
    for (let k = 0; k < 8; k++) {
      const code = bytes[block + k];
      if (code === 0) continue;
      if (code === 252) {
        ended = true;
        break;
      }
      if (code === 253) {
        if (at + 8 > bytes.length) throw new SavDamage(`the data section ends inside a value of case ${Math.floor(slots / caseWidth) + 1} (the file is cut)`, at);
        at += 8;
      }
      slots++;
    }
  }
  if (slots % caseWidth !== 0) throw new SavDamage(`the data section ends inside case ${Math.floor(slots / caseWidth) + 1} (the file is cut or its compression codes are damaged)`, at);
  return { headerCases, dataCases: slots / caseWidth, caseWidth };
}
