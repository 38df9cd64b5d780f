import { describe, expect, it } from 'vitest';
import { readExport } from '../../../pipeline/ingest/read-export.ts';
import { missingValuesOf, spssDateText } from '../../../pipeline/ingest/adapters/spss.ts';
import type { IngestedTable } from '../../../pipeline/ingest/ingest-types.ts';
import { cell, fixture, haveThirdParty } from '../fixture-helpers.ts';

describe('SPSS helpers', () => {
  it('converts SPSS seconds since 1582-10-14 to ISO 8601', () => {
    expect(spssDateText(13166064000)).toBe('2000-01-01');
    expect(spssDateText(13166064000 + 3661)).toBe('2000-01-01T01:01:01');
  });
  it('reads every shape of user-missing declaration', () => {
    expect(missingValuesOf(null)).toEqual({ discrete: [] });
    expect(missingValuesOf(1)).toEqual({ discrete: [1] });
    expect(missingValuesOf([7, 8, 99])).toEqual({ discrete: [7, 8, 99] });
    expect(missingValuesOf({ min: -999, max: 0, value: 999 })).toEqual({ discrete: [999], range: { low: -999, high: 0 } });
  });
});

describe.skipIf(!haveThirdParty)('SPSS fixtures (../shared/fixtures/third-party/spss)', () => {
  it('SPSS 25: user-missing value 1 is kept as raw value and listed, not blanked', async () => {
    const table = (await readExport({ path: fixture('spss/spss25-user-defined-missing-values.sav'), sourceId: 's1' })) as IngestedTable;
    expect(table.format).toBe('spss');
    expect(table.headerRows).toBe(0);
    expect(table.rows).toEqual([['1'], ['2']]);
    expect(table.sourceRows).toEqual([1, 2]);
    expect(table.spss?.columns[0]).toMatchObject({ name: 'var1', valueLabels: { '1': 'missing' }, missingValues: { discrete: [1] } });
  });

  it('SPSS 21 all types: value labels, discrete and range user-missing, dates, system-missing empty', async () => {
    const table = (await readExport({ path: fixture('spss/spss21-multiple-response-sets-simple-alltypes.sav'), sourceId: 's2' })) as IngestedTable;
    expect(table.rows).toHaveLength(6);
    expect(table.columns[0]).toEqual({ key: 'x', label: 'Numeric variable with value labels' });
    expect(cell(table, 0, 'x')).toBe('1');
    expect(cell(table, 0, 'y')).toBe('2000-01-01');
    expect(cell(table, 0, 'str')).toBe('red');
    expect(cell(table, 1, 'z')).toBe('');
    expect(cell(table, 2, 'z')).toBe('1.234');
    const columns = table.spss!.columns;
    expect(columns.find((column) => column.name === 'x')).toMatchObject({ valueLabels: { '1': 'red', '2': 'green', '3': 'blue' }, missingValues: { discrete: [7, 8, 99] } });
    expect(columns.find((column) => column.name === 'z')?.missingValues).toEqual({ discrete: [999], range: { low: -999, high: 0 } });
  });

  it('Kobo SPSS export: labels hold the XForm paths; the child name variable is dropped', async () => {
    const table = await readExport({ path: fixture('spss/kobocat-onadata-spss-export-children-spssio21.sav'), sourceId: 's3' });
    expect(table.rows).toHaveLength(3);
    expect(table.droppedPersonalColumns).toEqual(['var1']);
    expect(table.columns[0]).toEqual({ key: 'var2', label: 'children/age' });
    expect(cell(table, 0, 'var2')).toBe('5');
    expect(cell(table, 0, 'var3')).toBe('red blue');
    expect(JSON.stringify(table.rows)).not.toContain('Mike');
  });
});
