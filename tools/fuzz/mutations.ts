/**
 * Seeded mutations of survey exports, by kind of file: what damage real files suffer (a flipped
 * byte, a cut download, line ends mixed by an editor, a broken worksheet part, a .sav whose header
 * lies about its case count or whose compression bytes are wrong, one enormous cell).
 */
import Papa from 'papaparse';
import { readZipEntries, writeZip } from './zip-entries.ts';

export type Random = () => number;

/** mulberry32, a small seeded PRNG (Tommy Ettinger, public domain). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const below = (random: Random, n: number) => Math.floor(random() * n);

/** The text of the planted enormous cell: a label no codebook knows, easy to find in any output. */
export const PLANTED_CELL_UNIT = 'ZQXJkvw ';
export const PLANTED_CELL_LEAK = /(?:ZQXJkvw ){8}/;

export interface Mutation {
  name: string;
  apply(bytes: Buffer, random: Random, context: { ratingColumn?: string }): Buffer;
}

function byteFlips(bytes: Buffer, random: Random, from = 0): Buffer {
  const copy = Buffer.from(bytes);
  const flips = 1 + below(random, 4);
  for (let k = 0; k < flips; k++) copy[from + below(random, copy.length - from)] = below(random, 256);
  return copy;
}

export const TEXT_MUTATIONS: Mutation[] = [
  { name: 'byte-flip', apply: (bytes, random) => byteFlips(bytes, random) },
  { name: 'truncate', apply: (bytes, random) => bytes.subarray(0, below(random, bytes.length)) },
  {
    name: 'mixed-line-ends',
    apply: (bytes, random) => {
      const text = bytes.toString('latin1');
      const breaks = ['\r\n', '\n', '\r'];
      const share = 0.05 + random() * 0.5;
      return Buffer.from(text.replace(/\r\n|\n|\r/g, (found) => (random() < share ? breaks[below(random, 3)] : found)), 'latin1');
    },
  },
  {
    name: 'drop-or-double-line',
    apply: (bytes, random) => {
      const lines = bytes.toString('latin1').split('\n');
      const at = below(random, lines.length);
      if (random() < 0.5) lines.splice(at, 1);
      else lines.splice(at, 0, random() < 0.5 ? '' : lines[at] ?? '');
      return Buffer.from(lines.join('\n'), 'latin1');
    },
  },
  {
    name: 'stray-quote',
    apply: (bytes, random) => {
      const at = below(random, bytes.length);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from('"'), bytes.subarray(at)]);
    },
  },
];

/** A 50 MB cell with an unknown label, in a rating column of the first data row (or the last column). */
export const BIG_CELL: Mutation = {
  name: 'big-cell-50mb',
  apply: (bytes, _random, context) => {
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    const delimiter = text.slice(0, 4096).split('\t').length > text.slice(0, 4096).split(',').length ? '\t' : ',';
    const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false }).data;
    const header = parsed[0] ?? [];
    const column = Math.max(0, context.ratingColumn ? header.indexOf(context.ratingColumn) : header.length - 1);
    // The first record whose field count is the header's (after any extra header rows the tool writes).
    const row = parsed.findIndex((record, i) => i > 0 && record.length === header.length && /\d/.test(record.join('')));
    if (row < 0) return bytes;
    const big = PLANTED_CELL_UNIT.repeat(Math.ceil((50 << 20) / PLANTED_CELL_UNIT.length));
    parsed[row] = parsed[row].map((cell, i) => (i === column ? big : cell));
    return Buffer.from(Papa.unparse(parsed, { delimiter, newline: '\r\n' }), 'utf8');
  },
};

export const XLSX_MUTATIONS: Mutation[] = [
  {
    name: 'broken-worksheet-xml',
    apply: (bytes, random) => {
      const entries = readZipEntries(bytes);
      const sheets = entries.filter(([name]) => /^xl\/worksheets\/sheet\d*\.xml$/.test(name));
      if (sheets.length === 0) return bytes;
      const sheet = sheets[below(random, sheets.length)];
      let xml = sheet[1].toString('utf8');
      const damage = below(random, 5);
      if (damage === 0) xml = xml.slice(0, below(random, xml.length)); // cut
      else if (damage === 1) xml = xml.replace(/<\/row>/g, (found) => (random() < 0.1 ? '' : found)); // unclosed rows
      else if (damage === 2) {
        const at = below(random, xml.length);
        xml = `${xml.slice(0, at)}<c r="ZZ${below(random, 99)}" t="s"><v>${below(random, 1e6)}${xml.slice(at)}`; // unclosed cell, bad shared string
      } else if (damage === 3) xml = xml.replace(/<row r="(\d+)"/g, (found, r) => (random() < 0.1 ? `<row r="${Number(r) + below(random, 3) - 1}"` : found)); // rows out of order or repeated
      else {
        const at = below(random, xml.length);
        xml = `${xml.slice(0, at)}&bogus;<${xml.slice(at)}`;
      }
      sheet[1] = Buffer.from(xml, 'utf8');
      return writeZip(entries);
    },
  },
  { name: 'byte-flip', apply: (bytes, random) => byteFlips(bytes, random) },
  { name: 'truncate', apply: (bytes, random) => bytes.subarray(0, below(random, bytes.length)) },
];

/** Offset of the header's case count (int32) and compression flag in a .sav file (PSPP manual, "File Header Record"). */
const SAV_CASE_COUNT = 80;
const SAV_COMPRESSION = 72;

export const SAV_MUTATIONS: Mutation[] = [
  {
    name: 'wrong-case-count',
    apply: (bytes, random) => {
      const copy = Buffer.from(bytes);
      const actual = copy.readInt32LE(SAV_CASE_COUNT);
      copy.writeInt32LE([-1, 0, 1, actual - 1, actual + 1, actual + 1000, 2_000_000_000][below(random, 7)], SAV_CASE_COUNT);
      return copy;
    },
  },
  {
    name: 'bogus-compression',
    apply: (bytes, random) => {
      const copy = Buffer.from(bytes);
      if (random() < 0.3) {
        copy.writeInt32LE([0, 1, 2, 7][below(random, 4)], SAV_COMPRESSION);
        return copy;
      }
      // Damage the data section's bytecodes: its last quarter holds data in every fixture.
      return byteFlips(copy, random, Math.floor(copy.length * 0.75));
    },
  },
  { name: 'byte-flip', apply: (bytes, random) => byteFlips(bytes, random) },
  { name: 'truncate', apply: (bytes, random) => bytes.subarray(0, 176 + below(random, bytes.length - 176)) },
];
