import { describe, expect, it } from 'vitest';
import { readExport } from '../../../../stages/ingest/read-export.ts';
import { googleFormsAdapter } from '../../../../stages/ingest/adapters/google-forms.ts';
import { cell, fixture, haveThirdParty } from '../fixture-helpers.ts';

const LEVEL = '¿Cómo calificarías tu nivel de experiencia usando R?';
const REASON = '¿Qué opción refleja mejor la razón principal por la que aprendiste R?';

describe('googleFormsAdapter', () => {
  it('makes duplicate titles unique and reports it', () => {
    const layout = googleFormsAdapter.resolveHeader([['Timestamp', 'Q', 'Grid [Row 1]', 'Q']]);
    expect(layout.columns.map((column) => column.key)).toEqual(['Timestamp', 'Q', 'Grid [Row 1]', 'Q (2)']);
    expect(layout.warnings).toEqual(['duplicate column "Q" renamed to "Q (2)"']);
  });
});

describe.skipIf(!haveThirdParty)('Google Forms fixtures (../shared/fixtures/third-party/google-forms)', () => {
  const csvPath = fixture('google-forms/google-forms-sheets-csv-form-responses-spanish-rsurvey2019.csv');
  const xlsxPath = fixture('google-forms/google-forms-sheets-xlsx-form-responses-1-spanish-rsurvey2019.xlsx');

  it('CSV: 338 responses, 52 columns, CRLF, duplicate header made unique', async () => {
    const table = await readExport({ path: csvPath, sourceId: 'gf' });
    expect(table.format).toBe('google-forms');
    expect(table.headerRows).toBe(1);
    expect(table.columns).toHaveLength(52);
    expect(table.rows).toHaveLength(338);
    expect(table.sourceRows.at(-1)).toBe(339);
    expect(cell(table, 0, 'Timestamp')).toBe('12/13/2019 12:02:32');
    expect(cell(table, 0, LEVEL)).toBe('Inicial');
    expect(cell(table, 337, 'Timestamp')).toBe('1/9/2020 20:30:20');
    expect(table.columns[13].key).toBe(`${REASON} (2)`);
    expect(table.rows.some((row) => row.some((value) => value.includes('\n')))).toBe(true);
  });

  it('XLSX: same rows and cells as the CSV, modulo the timestamp format', async () => {
    const csv = await readExport({ path: csvPath, sourceId: 'gf' });
    const xlsx = await readExport({ path: xlsxPath, sourceId: 'gf' });
    expect(xlsx.format).toBe('google-forms');
    expect(xlsx.columns.map((column) => column.key)).toEqual(csv.columns.map((column) => column.key));
    expect(xlsx.sourceRows).toEqual(csv.sourceRows);
    expect(cell(xlsx, 0, 'Timestamp')).toBe('2019-12-13T12:02:32');
    const usDate = (text: string) => {
      const [date, time] = text.split(' ');
      const [month, day, year] = date.split('/');
      return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}T${time.padStart(8, '0')}`;
    };
    const mismatches: string[] = [];
    csv.rows.forEach((row, rowIndex) =>
      row.forEach((value, columnIndex) => {
        const expected = columnIndex === 0 ? usDate(value) : value.replace(/\r\n/g, '\n');
        const actual = xlsx.rows[rowIndex][columnIndex].replace(/\r\n/g, '\n');
        if (actual !== expected) mismatches.push(`${rowIndex}:${columnIndex}`);
      }),
    );
    expect(mismatches).toEqual([]);
  });
});
