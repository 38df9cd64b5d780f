/**
 * The normalise → analyse file of the respondents, normalised/respondents.arrow: an Arrow IPC
 * file (io/arrow-ipc-file.ts) with the columns of respondents.csv, in its order and
 * with its names. The repeated texts (population, country, region, organisation_type, wave,
 * source_file) are dictionary-encoded, respondent_id is plain text, weight and source_row are
 * float64. The analyse stage reads it instead of parsing respondents.csv (at a million
 * respondents per population papaparse took ≈ 6 s to turn its 2M lines into objects); the CSV
 * stays the human-readable form. The texts are the respondents' own: nothing of the CSV's
 * spreadsheet escaping is imitated here.
 */
import { Dictionary, Field, Float64, makeData, Utf8, type Data, type Int8, type Int16, type Int32, type Table } from 'apache-arrow';
import type { Respondent } from '../contracts/types.ts';
import { RESPONDENT_COLUMNS } from './table-files.ts';
import { ValidationError } from '../contracts/errors.ts';
import { runMessages } from '../contracts/messages/index.ts';
import type { FileHashCache } from './hash.ts';
import { dictionaryData, dictionaryIndexType, dictionaryTexts, readArrowFile, recordBatchOf, Schema, utf8Data, utf8Vector, writeArrowFile } from './arrow-ipc-file.ts';

const WHAT = 'respondents cache';
const CODED_FIELDS = ['population', 'country', 'region', 'organisationType', 'wave', 'sourceFile'] as const;
type CodedField = (typeof CODED_FIELDS)[number];
/** respondents.csv's column of each Respondent field. */
const COLUMN_OF: Record<keyof Respondent, (typeof RESPONDENT_COLUMNS)[number]> = {
  respondentId: 'respondent_id', population: 'population', country: 'country', region: 'region', organisationType: 'organisation_type',
  weight: 'weight', wave: 'wave', sourceFile: 'source_file', sourceRow: 'source_row',
};
const FIELD_OF = Object.fromEntries(Object.entries(COLUMN_OF).map(([field, column]) => [column, field])) as Record<string, keyof Respondent>;

/** The respondents as one Arrow record batch (the API's `loadWave` hands out the table read back from the file). */
export function writeRespondentsArrow(path: string, respondents: readonly Respondent[], knownHashes?: FileHashCache): void {
  const length = respondents.length;
  const codes = new Map<CodedField, { texts: string[]; lookup: Map<string, number>; codes: Int32Array }>();
  for (const field of CODED_FIELDS) codes.set(field, { texts: [], lookup: new Map(), codes: new Int32Array(length) });
  const weight = new Float64Array(length);
  const sourceRow = new Float64Array(length);
  const idOffsets = new Int32Array(length + 1);
  // One growing buffer for the ids, not a Buffer object per respondent.
  let ids = Buffer.allocUnsafe(1 << 16);
  let idBytes = 0;
  const coded = CODED_FIELDS.map((field) => codes.get(field)!);
  for (let i = 0; i < length; i++) {
    const respondent = respondents[i];
    weight[i] = respondent.weight;
    sourceRow[i] = respondent.sourceRow;
    for (let f = 0; f < CODED_FIELDS.length; f++) {
      const column = coded[f];
      const text = String(respondent[CODED_FIELDS[f]] ?? '');
      let code = column.lookup.get(text);
      if (code === undefined) {
        code = column.texts.length;
        column.texts.push(text);
        column.lookup.set(text, code);
      }
      column.codes[i] = code;
    }
    const id = respondent.respondentId;
    if (idBytes + id.length * 3 > ids.length) {
      const grown = Buffer.allocUnsafe(Math.max(ids.length * 2, idBytes + id.length * 3));
      ids.copy(grown, 0, 0, idBytes);
      ids = grown;
    }
    idBytes += ids.write(id, idBytes, 'utf8');
    idOffsets[i + 1] = idBytes;
  }
  const fields: Field[] = [];
  const children: Data[] = [];
  for (const column of RESPONDENT_COLUMNS) {
    const field = FIELD_OF[column];
    if (field === 'respondentId') {
      fields.push(new Field(column, new Utf8(), false));
      children.push(utf8Data(ids.subarray(0, idBytes), idOffsets));
    } else if (field === 'weight' || field === 'sourceRow') {
      fields.push(new Field(column, new Float64(), false));
      children.push(makeData({ type: new Float64(), length, nullCount: 0, data: field === 'weight' ? weight : sourceRow }));
    } else {
      const { texts, codes: all } = codes.get(field as CodedField)!;
      const type = new Dictionary(new Utf8(), dictionaryIndexType(texts.length), fields.length);
      const narrow = type.indices.bitWidth === 8 ? Int8Array.from(all) : type.indices.bitWidth === 16 ? Int16Array.from(all) : all;
      fields.push(new Field(column, type, false));
      children.push(dictionaryData(type as Dictionary<Utf8, Int8 | Int16 | Int32>, narrow, utf8Vector(texts)));
    }
  }
  const schema = new Schema(fields, new Map([['skillgap.format', 'respondents/1']]));
  writeArrowFile(path, schema, [recordBatchOf(schema, length, children)], knownHashes);
}

/** Reads normalised/respondents.arrow as it is (the API hands this table out). */
export function readRespondentsArrowTable(path: string): Table {
  const table = readArrowFile(path, WHAT);
  const names = table.schema.fields.map((field) => field.name);
  if (table.schema.metadata.get('skillgap.format') !== 'respondents/1' || names.join() !== RESPONDENT_COLUMNS.join()) {
    throw new ValidationError(runMessages.cacheUnreadable(WHAT, `does not have the columns ${RESPONDENT_COLUMNS.join(', ')}`), { file: path });
  }
  return table;
}

/** The respondents of a respondents table (as written by writeRespondentsArrow) as objects. */
export function respondentsFromArrow(table: Table): Respondent[] {
  const respondents: Respondent[] = new Array(table.numRows);
  const at = (name: string) => RESPONDENT_COLUMNS.indexOf(name as (typeof RESPONDENT_COLUMNS)[number]);
  let first = 0;
  for (const batch of table.batches) {
    const rows = batch.numRows;
    const child = (name: string) => batch.data.children[at(name)];
    const coded = (name: string) => {
      const data = child(name);
      return { texts: dictionaryTexts(data.dictionary!), codes: (data.values as Int8Array | Int16Array | Int32Array).subarray(data.offset) };
    };
    const [population, country, region, organisationType, wave, sourceFile] = ['population', 'country', 'region', 'organisation_type', 'wave', 'source_file'].map(coded);
    const idData = child('respondent_id') as Data<Utf8>;
    const idOffsets = idData.valueOffsets.subarray(idData.offset);
    const ids = Buffer.from(idData.values.buffer, idData.values.byteOffset, idData.values.byteLength);
    const numbers = (name: string) => {
      const data = child(name);
      return (data.values as Float64Array).subarray(data.offset);
    };
    const weight = numbers('weight');
    const sourceRow = numbers('source_row');
    for (let row = 0; row < rows; row++) {
      respondents[first + row] = {
        respondentId: ids.toString('utf8', idOffsets[row], idOffsets[row + 1]),
        population: population.texts[population.codes[row]] as Respondent['population'],
        country: country.texts[country.codes[row]],
        region: region.texts[region.codes[row]],
        organisationType: organisationType.texts[organisationType.codes[row]],
        weight: weight[row],
        wave: wave.texts[wave.codes[row]],
        sourceFile: sourceFile.texts[sourceFile.codes[row]],
        sourceRow: sourceRow[row],
      };
    }
    first += rows;
  }
  return respondents;
}

export function readRespondentsArrow(path: string): Respondent[] {
  return respondentsFromArrow(readRespondentsArrowTable(path));
}
