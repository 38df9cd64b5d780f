/**
 * Reads a curriculum profile CSV (data/templates/curriculum-profile.template.csv): one row per
 * field, so it fits a spreadsheet and a diff alike.
 *
 *   item,label,value,hours,ects
 *   institution,,Politechnika Łódzka,,
 *   country,,PL,,
 *   incident-response,Incident response,Well covered,30,2
 *
 * `item` is `institution`, `programme`, `country`, `framework` (optional: the items are then that
 * framework's units, e.g. CSEC2017 knowledge areas, see framework-profile.ts) or a competency id; `value` is the field's value
 * or the coverage; `label` is for the reader only and is ignored; `hours`/`ects` are optional.
 * Delimiter `,`, `;` or tab (detected), UTF-8 with or without BOM. Rows whose item starts with `#`
 * and blank rows are skipped. Every location is the line the record starts on (1 = header line),
 * counted in the text, so a quoted field with a line break does not shift later lines.
 */
import Papa from 'papaparse';
import type { InputLocation } from '../../contracts/errors.ts';
import * as messages from '../../contracts/messages/curriculum.ts';
import type { LocatedValue, RawProfile } from './curriculum-profile.ts';

const METADATA = ['institution', 'programme', 'country', 'framework'] as const;
const COLUMN_ALIASES: Record<string, string> = { competency: 'item', field: 'item', coverage: 'value', ects_credits: 'ects', credits: 'ects' };

export function readProfileCsv(text: string, file: string): RawProfile {
  const source = text.replace(/^\uFEFF/, '');
  const records: { cells: string[]; line: number }[] = [];
  let recordStart = 0;
  let line = 1;
  Papa.parse<string[]>(source, {
    skipEmptyLines: false,
    delimitersToGuess: [',', ';', '\t'],
    step: (result) => {
      records.push({ cells: result.data, line });
      const end = result.meta.cursor; // start of the next record, past this record's line break
      for (let index = recordStart; index < end; index++) if (source.charCodeAt(index) === 10) line++;
      recordStart = end;
    },
  });
  const profile: RawProfile = { file, kind: 'csv', competencies: [], problems: [] };
  const header = records[0]?.cells.map((cell) => {
    const key = cell.trim().toLowerCase().replace(/\s+/g, '_');
    return COLUMN_ALIASES[key] ?? key;
  });
  if (!header || records.length < 2) {
    profile.problems.push({ message: messages.emptyProfile(), where: { file } });
    return profile;
  }
  const column = (name: string) => header.indexOf(name);
  const missing = ['item', 'value'].filter((name) => column(name) < 0);
  if (missing.length > 0) {
    profile.problems.push({ message: messages.missingCsvColumns(missing), where: { file, row: 1 } });
    return profile;
  }
  const cell = (cells: string[], name: string, row: number): LocatedValue | undefined => {
    const index = column(name);
    if (index < 0) return undefined;
    const where: InputLocation = { row, column: header[index] };
    return { value: cells[index] ?? '', where };
  };
  for (const record of records.slice(1)) {
    const item = (record.cells[column('item')] ?? '').trim();
    if (item === '' && record.cells.every((value) => value.trim() === '')) continue;
    if (item.startsWith('#')) continue;
    const key = item.toLowerCase();
    if ((METADATA as readonly string[]).includes(key)) {
      profile[key as (typeof METADATA)[number]] = cell(record.cells, 'value', record.line);
    } else {
      profile.competencies.push({
        id: { value: item, where: { row: record.line, column: 'item' } },
        coverage: cell(record.cells, 'value', record.line),
        hours: cell(record.cells, 'hours', record.line),
        ects: cell(record.cells, 'ects', record.line),
      });
    }
  }
  return profile;
}
