/**
 * The fuzzer's oracles: how many records a (possibly damaged) export holds, computed here
 * independently of the pipeline's readers, to check that every one reached quality/audit.csv.
 *
 * - text (CSV/TSV): RFC 4180 records; a double quote opens a quoted field only at a field's
 *   start, "" escapes one; CRLF, LF and CR are each a record break outside quotes (a file may mix
 *   them); empty records at the end of the file are not records.
 * - XLSX: the worksheet rows (`<row r="N">`) of the first sheet, in tab order, with a cell holding
 *   a value; returned as row numbers.
 * - SPSS .sav: the cases the data section holds, decoded from the dictionary's case width and the
 *   bytecode compression (GNU PSPP manual, "System File Format": codes 0 skip, 1–251 number,
 *   252 end of data, 253 raw 8 bytes follow, 254 eight spaces, 255 system-missing).
 */
import { readZipEntries } from './zip-entries.ts';

export interface TextRecords {
  records: number;
  /** A quoted field is never closed or a closing quote is followed by text. */
  malformed: boolean;
}

export function countTextRecords(text: string, delimiter: string): TextRecords {
  let records = 0;
  let fieldsInRecord = 0;
  let recordHasText = false;
  let pendingEmpty = 0; // empty records seen since the last non-empty one (trailing ones are dropped)
  let malformed = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let atFieldStart = true;
  const delimiterCode = delimiter.charCodeAt(0);
  const endRecord = () => {
    if (recordHasText || fieldsInRecord > 0) {
      records += pendingEmpty + 1;
      pendingEmpty = 0;
    } else pendingEmpty++;
    fieldsInRecord = 0;
    recordHasText = false;
    atFieldStart = true;
  };
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (atFieldStart && code === 0x22) {
      // Quoted field.
      let j = i + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close < 0) return { records: records + pendingEmpty + 1, malformed: true };
        if (text.charCodeAt(close + 1) === 0x22) {
          j = close + 2;
          continue;
        }
        const next = text.charCodeAt(close + 1);
        if (close + 1 < text.length && next !== delimiterCode && next !== 0x0a && next !== 0x0d) malformed = true;
        i = close + 1;
        break;
      }
      recordHasText = true;
      atFieldStart = false;
      continue;
    }
    if (code === delimiterCode) {
      fieldsInRecord++;
      atFieldStart = true;
      i++;
    } else if (code === 0x0d) {
      endRecord();
      i += text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
    } else if (code === 0x0a) {
      endRecord();
      i++;
    } else {
      recordHasText = true;
      atFieldStart = false;
      i++;
    }
  }
  if (recordHasText || fieldsInRecord > 0) records += pendingEmpty + 1;
  return { records, malformed };
}

/** Row numbers of the first worksheet (tab order) that has a cell with a value; null when the workbook cannot be read. */
export function xlsxRowsWithValues(bytes: Buffer): number[] | null {
  let entries: [string, Buffer][];
  try {
    entries = readZipEntries(bytes);
  } catch {
    return null;
  }
  const part = (name: string) => entries.find(([entry]) => entry === name)?.[1].toString('utf8');
  const workbook = part('xl/workbook.xml');
  const relations = part('xl/_rels/workbook.xml.rels');
  if (!workbook || !relations) return null;
  const targets = new Map([...relations.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/Id="([^"]*)"/.exec(m[0])?.[1] ?? '', /Target="([^"]*)"/.exec(m[0])?.[1] ?? '']));
  for (const sheet of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const id = /r:id="([^"]*)"/.exec(sheet[0])?.[1] ?? '';
    const target = (targets.get(id) ?? '').replace(/^\/?xl\//, '').replace(/^\//, '');
    const xml = part(`xl/${target}`);
    if (!xml) continue;
    const rows: number[] = [];
    for (const row of xml.matchAll(/<row\b([^>]*?)(\/>|>([\s\S]*?)<\/row>)/g)) {
      const number = Number(/\br="(\d+)"/.exec(row[1])?.[1] ?? NaN);
      const body = row[3] ?? '';
      if (/<v>[^<]|<t[^>]*>[^<]/.test(body) && Number.isFinite(number)) rows.push(number);
    }
    if (rows.length > 0) return rows;
  }
  return [];
}

/** Cases in the data section of a .sav file; null when the dictionary cannot be walked. */
export function countSavCases(bytes: Buffer): number | null {
  if (bytes.length < 176 || !['$FL2', '$FL3'].includes(bytes.toString('latin1', 0, 4))) return null;
  const compression = bytes.readInt32LE(72);
  let at = 176;
  let width = 0; // 8-byte slots per case
  try {
    for (;;) {
      const type = bytes.readInt32LE(at);
      if (type === 2) {
        width++;
        const hasLabel = bytes.readInt32LE(at + 8);
        const missing = Math.abs(bytes.readInt32LE(at + 12));
        at += 32;
        if (hasLabel) at += 4 + Math.ceil(bytes.readInt32LE(at) / 4) * 4;
        at += missing * 8;
      } else if (type === 3) {
        const count = bytes.readInt32LE(at + 4);
        at += 8;
        for (let k = 0; k < count; k++) at += 8 + Math.ceil((1 + bytes[at + 8]) / 8) * 8;
      } else if (type === 4) at += 8 + bytes.readInt32LE(at + 4) * 4;
      else if (type === 6) at += 8 + bytes.readInt32LE(at + 4) * 80;
      else if (type === 7) at += 16 + bytes.readInt32LE(at + 8) * bytes.readInt32LE(at + 12);
      else if (type === 999) {
        at += 8;
        break;
      } else return null;
      if (at > bytes.length) return null;
    }
  } catch {
    return null;
  }
  if (width === 0) return null;
  if (compression === 0) return Math.floor((bytes.length - at) / (width * 8));
  if (compression !== 1) return null;
  // Bytecode: blocks of 8 codes, each followed by the raw 8-byte values its 253 codes call for.
  let slots = 0;
  while (at + 8 <= bytes.length) {
    const codes = bytes.subarray(at, at + 8);
    at += 8;
    let ended = false;
    for (const code of codes) {
      if (code === 0) continue;
      if (code === 252) {
        ended = true;
        break;
      }
      if (code === 253) {
        if (at + 8 > bytes.length) {
          ended = true;
          break;
        }
        at += 8;
      }
      slots++;
    }
    if (ended) break;
  }
  return Math.floor(slots / width);
}
