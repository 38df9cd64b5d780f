/**
 * The normalise → analyse cache of the respondents (normalised/respondents.bin), so the analyse
 * stage does not parse respondents.csv: at a million respondents per population papaparse took
 * ≈ 6 s to turn its 2M lines into objects. respondents.csv stays the file other tools read.
 *
 * The respondents read back are exactly those respondentsFromCsv(respondents.csv) gives (the
 * analysis must not depend on which file it read): texts pass through the CSV's spreadsheet-
 * safety round trip (csvRoundTrip) and numbers that the CSV writes as empty cells come back NaN.
 *
 *   "SKGRSP1\n" · header length (uint32 LE) · header JSON {length, dictionaries, idBytes}
 *   · padding to 8 · weight, sourceRow (Float64 × length each) · population, country, region,
 *   organisationType, wave, sourceFile codes (Uint32 × length each) · respondentId end offsets
 *   (Uint32 × length) · respondentId UTF-8 blob
 */
import type { Respondent } from '../contracts/types.ts';
import { BufferedFileWriter } from './buffered-file-writer.ts';
import { binaryCacheStart, readBinaryCache } from './binary-cache-file.ts';
import { unescapeCsvCell } from './csv-read.ts';

const MAGIC = 'SKGRSP1\n';
const CODED_FIELDS = ['population', 'country', 'region', 'organisationType', 'wave', 'sourceFile'] as const;
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A text as it comes back from our CSVs: formatCsvCell prefixes `'` to a formula-like text and
 * unescapeCsvCell removes it, so only a text that already started with `'` and a formula
 * character, without being prefixed, loses its first character.
 */
export function csvRoundTrip(text: string): string {
  const prefixed = FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
  return prefixed ? text : unescapeCsvCell(text);
}

const csvNumber = (value: number) => (Number.isFinite(value) ? value : NaN);

export function writeRespondentsBinary(path: string, respondents: readonly Respondent[]): void {
  const length = respondents.length;
  const dictionaries: string[][] = CODED_FIELDS.map(() => []);
  const codes = CODED_FIELDS.map(() => new Uint32Array(length));
  const lookups = CODED_FIELDS.map(() => new Map<string, number>());
  const weight = new Float64Array(length);
  const sourceRow = new Float64Array(length);
  const idEnds = new Uint32Array(length);
  // One growing buffer for the ids, not a Buffer object per respondent.
  let ids = Buffer.allocUnsafe(1 << 16);
  let idBytes = 0;
  for (let i = 0; i < length; i++) {
    const respondent = respondents[i];
    weight[i] = csvNumber(respondent.weight);
    sourceRow[i] = csvNumber(respondent.sourceRow);
    for (let f = 0; f < CODED_FIELDS.length; f++) {
      const text = csvRoundTrip(String(respondent[CODED_FIELDS[f]] ?? ''));
      let code = lookups[f].get(text);
      if (code === undefined) {
        code = dictionaries[f].length;
        dictionaries[f].push(text);
        lookups[f].set(text, code);
      }
      codes[f][i] = code;
    }
    const id = csvRoundTrip(respondent.respondentId);
    if (idBytes + id.length * 3 > ids.length) {
      const grown = Buffer.allocUnsafe(Math.max(ids.length * 2, idBytes + id.length * 3));
      ids.copy(grown, 0, 0, idBytes);
      ids = grown;
    }
    idBytes += ids.write(id, idBytes, 'utf8');
    idEnds[i] = idBytes;
  }
  const start = binaryCacheStart(MAGIC, { length, dictionaries, idBytes });
  const writer = new BufferedFileWriter(path);
  try {
    writer.writeBytes(start);
    for (const array of [weight, sourceRow, ...codes, idEnds]) writer.writeBytes(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    writer.writeBytes(ids.subarray(0, idBytes));
    writer.commit();
  } catch (error) {
    writer.abort();
    throw error;
  }
}

export function readRespondentsBinary(path: string): Respondent[] {
  type Header = { length: number; dictionaries: string[][]; idBytes: number };
  return readBinaryCache<Header, Respondent[]>(path, MAGIC, 'respondents cache', ({ header, readInto }) => {
    const { length, dictionaries, idBytes } = header;
    const weight = new Float64Array(length);
    const sourceRow = new Float64Array(length);
    const codes = CODED_FIELDS.map(() => new Uint32Array(length));
    const idEnds = new Uint32Array(length);
    for (const array of [weight, sourceRow, ...codes, idEnds]) readInto(array);
    const ids = Buffer.alloc(idBytes);
    readInto(ids);
    const [population, country, region, organisationType, wave, sourceFile] = codes;
    const [populations, countries, regions, organisationTypes, waves, sourceFiles] = dictionaries;
    const respondents: Respondent[] = new Array(length);
    for (let i = 0; i < length; i++) {
      respondents[i] = {
        respondentId: ids.toString('utf8', i === 0 ? 0 : idEnds[i - 1], idEnds[i]),
        population: populations[population[i]] as Respondent['population'],
        country: countries[country[i]],
        region: regions[region[i]],
        organisationType: organisationTypes[organisationType[i]],
        weight: weight[i],
        wave: waves[wave[i]],
        sourceFile: sourceFiles[sourceFile[i]],
        sourceRow: sourceRow[i],
      };
    }
    return respondents;
  });
}
