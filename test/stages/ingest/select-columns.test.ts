import { describe, expect, it } from 'vitest';
import { selectColumns } from '../../../stages/ingest/select-columns.ts';
import { streamExport } from '../../../stages/ingest/read-export.ts';
import { ValidationError } from '../../../contracts/errors.ts';
import type { SourceCodebook } from '../../../contracts/types.ts';
import { tempFile } from './fixture-helpers.ts';

const columns = ['id', 'StartDate', 'Email', 'country', 'Q1_1', 'Q1_2', 'contact', 'comment', 'Nachname'].map((key) => ({ key, label: '' }));
const sample = [
  ['1', '2022-09-05 11:36:48', 'a@example.org', 'Kenya', 'High', 'Low', '+44 7564 479146', 'More labs', 'Okonkwo'],
  ['2', '2022-09-05 11:40:02', 'b@example.org', 'Spain', 'Low', 'High', '07564 479146', '', 'Halvorsen'],
];
const codebook: SourceCodebook = {
  source: 's',
  columns: { respondentId: 'id', country: 'country' },
  items: [{ column: 'Q1_1', competency: 'communication', dimension: 'importance' }, { column: 'Q1_2', competency: 'communication', dimension: 'preparedness' }],
  keepText: ['comment'],
};

describe('selectColumns (data minimisation)', () => {
  it('keeps what the codebook maps or keeps, drops the rest with the most telling reason', () => {
    const selection = selectColumns(columns, sample, codebook, 'x.csv');
    expect(selection.kept.map((index) => columns[index].key)).toEqual(['id', 'country', 'Q1_1', 'Q1_2', 'comment']);
    expect(selection.dropped).toEqual([
      { column: 'StartDate', reason: 'not_in_codebook' },
      { column: 'Email', reason: 'personal_data_header' },
      { column: 'contact', reason: 'personal_data_content' },
      { column: 'Nachname', reason: 'personal_data_header' },
    ]);
    expect(selection.droppedNeutral).toEqual([1]);
    expect(selection.warnings).toEqual([]);
  });

  it('without a codebook drops only personal-data columns', () => {
    expect(selectColumns(columns, sample, undefined, 'x.csv').dropped.map((column) => column.column)).toEqual(['Email', 'contact', 'Nachname']);
  });

  it('stops when a mapped column holds personal data, or the respondent id is a personal column', () => {
    const byContent = { ...codebook, columns: { ...codebook.columns, organisationType: 'contact' } };
    const error = (() => {
      try {
        selectColumns(columns, sample, byContent, 'x.csv');
      } catch (thrown) {
        return thrown as ValidationError;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error!.problems[0].where).toEqual({ file: 'x.csv', column: 'contact' });
    expect(error!.problems[0].message).toMatch(/maps this column as organisation type, but most of its values are phone numbers/);
    expect(() => selectColumns(columns, sample, { ...codebook, columns: { ...codebook.columns, respondentId: 'Nachname' } }, 'x.csv')).toThrow(/respondent id, but its name says it holds personal data/);
    expect(() => selectColumns(columns, sample, { ...codebook, columns: { ...codebook.columns, respondentId: 'Email' } }, 'x.csv')).toThrow(/respondent id, but most of its values are e-mail addresses/);
  });

  it('does not keep free text that is personal, and says so', () => {
    const selection = selectColumns(columns, sample, { ...codebook, keepText: ['comment', 'Nachname', 'contact', 'absent'] }, 'x.csv');
    expect(selection.kept.map((index) => columns[index].key)).toEqual(['id', 'country', 'Q1_1', 'Q1_2', 'comment']);
    expect(selection.warnings).toEqual([
      'codebook keepText names column "Nachname", but its name says it holds personal data: it was dropped, not kept',
      'codebook keepText names column "contact", but most of its values are phone numbers: it was dropped, not kept',
      'codebook keepText names column "absent", which this export does not have',
    ]);
  });

  it('never judges a rating column by its header ("Mobile security")', () => {
    const selection = selectColumns([{ key: 'id', label: '' }, { key: 'country', label: '' }, { key: 'Mobile security', label: '' }], [['1', 'Kenya', 'High']], {
      source: 's', columns: { respondentId: 'id', country: 'country' }, items: [{ column: 'Mobile security', competency: 'communication', dimension: 'importance' }],
    }, 'x.csv');
    expect(selection.dropped).toEqual([]);
  });
});

describe('streamExport with a codebook', () => {
  it('hands over only the kept cells, redacted, plus a marker of text in a dropped column (not blank rows)', async () => {
    const text = [
      columns.map((column) => column.key).join(','),
      ...sample.map((row) => row.map((cell) => `"${cell}"`).join(',')),
      ',"2022-09-06 09:00:00",,,,,,,', // only a dropped column holds text: not a blank row
      ',,,,,,,,', // blank
      '"3",,,"Kenya","High",,,"call 07564 479146",',
    ].join('\n');
    const rows: string[][] = [];
    const meta = await streamExport({ path: tempFile('minimise.csv', text), sourceId: 's' }, (batch) => rows.push(...batch.map((row) => [...row])), { codebook });
    expect(meta.columns.map((column) => column.key)).toEqual(['id', 'country', 'Q1_1', 'Q1_2', 'comment']);
    expect(meta.droppedTextMarker).toBe(true);
    expect(meta.droppedPersonalColumns).toEqual(['Email', 'contact', 'Nachname']);
    expect(rows).toEqual([
      ['1', 'Kenya', 'High', 'Low', 'More labs', '1'],
      ['2', 'Spain', 'Low', 'High', '', '1'],
      ['', '', '', '', '', '1'],
      ['', '', '', '', '', ''],
      ['3', 'Kenya', 'High', '', 'call [phone removed]', ''],
    ]);
  });
});
