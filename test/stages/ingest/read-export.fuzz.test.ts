/**
 * Fuzz-style robustness test: seeded mutations of small exports (truncation, shuffled columns,
 * random bytes, mixed encodings, huge fields, stray quotes, lost and doubled lines). Each input
 * must either give a RawTable whose row count equals the number of data records — counted here
 * by an independent RFC 4180 record counter, not by papaparse — or throw ValidationError.
 * The repository's full fuzzer of whole runs on real exports is `npm run fuzz` (tools/fuzz/run-fuzz.ts).
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readExport } from '../../../stages/ingest/read-export.ts';
import { ValidationError } from '../../../contracts/errors.ts';
import { tempFile } from './fixture-helpers.ts';

/** mulberry32, a small seeded PRNG (Tommy Ettinger, public domain). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quote = (value: string) => (/[",;\t\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const serialise = (records: string[][], delimiter: string, newline: string) =>
  records.map((record) => record.map(quote).join(delimiter)).join(newline) + newline;

const BASES: { name: string; records: string[][]; delimiter: string; newline: string }[] = [
  {
    name: 'generic',
    delimiter: ',',
    newline: '\n',
    records: [['id', 'country', 'rating', 'comment'], ...Array.from({ length: 8 }, (_, i) => [`${i + 1}`, ['Türkiye', 'France', 'Perú'][i % 3], `${(i % 5) + 1}`, i % 2 ? 'fine, thanks' : 'line\nbreak'])],
  },
  {
    name: 'qualtrics',
    delimiter: ',',
    newline: '\r\n',
    records: [
      ['ResponseId', 'Q1_1', 'Q1_2', 'Q2_TEXT'],
      ['Response ID', 'Rate - A', 'Rate - B', 'Other'],
      ['{"ImportId":"_recordId"}', '{"ImportId":"QID1_1"}', '{"ImportId":"QID1_2"}', '{"ImportId":"QID2_TEXT"}'],
      ...Array.from({ length: 6 }, (_, i) => [`R_${i}`, `${(i % 5) + 1}`, `${((i + 2) % 5) + 1}`, i === 2 ? 'said "hi"' : '']),
    ],
  },
  {
    name: 'surveymonkey',
    delimiter: ',',
    newline: '\n',
    records: [
      ['RespondentID', 'Which skills?', '', 'Age'],
      ['', 'Forensics', 'Networking', 'Response'],
      ...Array.from({ length: 7 }, (_, i) => [`${3000 + i}`, i % 2 ? 'Forensics' : '', 'Networking', '18-29']),
    ],
  },
  {
    name: 'kobo',
    delimiter: ';',
    newline: '\n',
    records: [['grp/q1', 'grp/skills/a', 'grp/skills/b', '_uuid', '_submission_time'], ...Array.from({ length: 5 }, (_, i) => [`${i}`, 'True', i % 2 ? 'False' : 'n/a', `u-${i}`, '2024-01-01T10:00:00'])],
  },
];

type Mutation = (bytes: Buffer, random: () => number, base: (typeof BASES)[number]) => Buffer;

const pick = <T,>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

const MUTATIONS: Record<string, Mutation> = {
  truncate: (bytes, random) => bytes.subarray(0, Math.floor(random() * bytes.length)),
  shuffleColumns: (_bytes, random, base) => {
    const order = base.records[0].map((_, index) => index).sort(() => random() - 0.5);
    return Buffer.from(serialise(base.records.map((record) => order.map((index) => record[index])), base.delimiter, base.newline));
  },
  randomBytes: (bytes, random) => {
    const copy = Buffer.from(bytes);
    for (let k = 0; k < 1 + Math.floor(random() * 4); k++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
    return copy;
  },
  mixedEncodings: (_bytes, random, base) => {
    const text = serialise(base.records, base.delimiter, base.newline);
    const cut = Math.floor(random() * text.length);
    return Buffer.concat([iconv.encode(text.slice(0, cut), 'utf-8'), iconv.encode(text.slice(cut), 'windows-1252')]);
  },
  utf16: (_bytes, random, base) => iconv.encode(serialise(base.records, random() < 0.5 ? '\t' : base.delimiter, base.newline), 'utf-16le', { addBOM: true }),
  hugeField: (_bytes, random, base) => {
    const records = base.records.map((record) => [...record]);
    const row = Math.min(records.length - 1, 1 + Math.floor(random() * (records.length - 1)));
    records[row][records[row].length - 1] = 'x'.repeat(50_000 + Math.floor(random() * 200_000)) + (random() < 0.5 ? ', "quoted"\n' : '');
    return Buffer.from(serialise(records, base.delimiter, base.newline));
  },
  mixedLineEnds: (_bytes, random, base) => {
    const breaks = ['\r\n', '\n', '\r'];
    return Buffer.from(serialise(base.records, base.delimiter, base.newline).replace(/\r\n|\n|\r/g, (found) => (random() < 0.4 ? breaks[Math.floor(random() * 3)] : found)));
  },
  strayQuote: (bytes, random) => {
    const at = Math.floor(random() * bytes.length);
    return Buffer.concat([bytes.subarray(0, at), Buffer.from('"'), bytes.subarray(at)]);
  },
  dropOrDoubleLine: (_bytes, random, base) => {
    const lines = serialise(base.records, base.delimiter, base.newline).split(base.newline);
    const at = Math.floor(random() * lines.length);
    if (random() < 0.5) lines.splice(at, 1);
    else lines.splice(at, 0, random() < 0.5 ? '' : lines[at] ?? '');
    return Buffer.from(lines.join(base.newline));
  },
};

/**
 * Independent RFC 4180 record count (quotes open only at field start; "" escapes). CRLF, LF and CR
 * each end a record outside quotes, as ingest reads them (a file may mix them: issue 12).
 */
function countRecords(text: string, delimiter: string): { records: string[][]; malformed: boolean } {
  const lineBreakAt = (at: number) => (text.startsWith('\r\n', at) ? 2 : text[at] === '\r' || text[at] === '\n' ? 1 : 0);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let atFieldStart = true;
  let malformed = false;
  while (i < text.length) {
    if (atFieldStart && text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) return { records, malformed: true };
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          let after = i;
          while (text[after] === ' ') after++;
          if (after >= text.length || text.startsWith(delimiter, after) || lineBreakAt(after) > 0) {
            i = after;
            break;
          }
          malformed = true;
          field += '"';
          continue;
        }
        field += text[i++];
      }
      atFieldStart = false;
      continue;
    }
    if (text.startsWith(delimiter, i)) {
      record.push(field);
      field = '';
      i += delimiter.length;
      atFieldStart = true;
    } else if (lineBreakAt(i) > 0) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += lineBreakAt(i);
      atFieldStart = true;
    } else {
      field += text[i++];
      atFieldStart = false;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return { records, malformed };
}

function decodeAs(bytes: Buffer, encoding: string): string {
  const name = encoding.replace(' (BOM)', '');
  const text = new TextDecoder(name === 'windows-1252' ? 'windows-1252' : name).decode(bytes);
  return text.replace(/^\uFEFF/, '');
}

describe('readExport fuzz (seeded mutations)', () => {
  it('every mutated export gives the right row count or a ValidationError', { timeout: 30_000 }, async () => {
    const random = seededRandom(20240611);
    const outcomes = { ok: 0, validationError: 0 };
    const names = Object.keys(MUTATIONS);
    for (let caseNumber = 0; caseNumber < 240; caseNumber++) {
      const base = pick(random, BASES);
      const mutationName = names[caseNumber % names.length];
      const original = Buffer.from(serialise(base.records, base.delimiter, base.newline));
      const bytes = MUTATIONS[mutationName](original, random, base);
      const path = tempFile(`fuzz-${caseNumber}.csv`, bytes);
      const context = `case ${caseNumber} (${base.name}, ${mutationName})`;
      let table: Awaited<ReturnType<typeof readExport>>;
      try {
        table = await readExport({ path, sourceId: 'fuzz' });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw new Error(`${context}: threw ${String(error)}`);
        outcomes.validationError++;
        continue;
      }
      outcomes.ok++;
      const { records, malformed } = countRecords(decodeAs(bytes, table.encoding), table.delimiter);
      expect(malformed, `${context}: malformed quotes accepted`).toBe(false);
      let trailingEmpty = 0;
      while (records.length - trailingEmpty > 0 && records[records.length - 1 - trailingEmpty].join('') === '' && records[records.length - 1 - trailingEmpty].length === 1) trailingEmpty++;
      expect(table.rows.length, context).toBe(records.length - table.headerRows - trailingEmpty);
      expect(table.sourceRows.length, context).toBe(table.rows.length);
      expect(table.rows.every((row) => row.length === table.columns.length), context).toBe(true);
    }
    expect(outcomes.ok).toBeGreaterThan(60);
    expect(outcomes.validationError).toBeGreaterThan(10);
  });
});
