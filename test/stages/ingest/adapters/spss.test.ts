import { describe, expect, it } from 'vitest';
import { readExport } from '../../../../stages/ingest/read-export.ts';
import { missingValuesOf, spssDateText } from '../../../../stages/ingest/adapters/spss.ts';
import type { IngestedTable } from '../../../../stages/ingest/ingest-types.ts';
import { countSpssCases } from '../../../../stages/ingest/adapters/spss-case-count.ts';
import { ValidationError } from '../../../../contracts/errors.ts';
import { readFileSync } from 'node:fs';
import { cell, fixture, haveThirdParty, tempFile } from '../fixture-helpers.ts';

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

/** Byte offset of the case count in the 176-byte .sav file header (PSPP manual, "File Header Record"). */
const CASE_COUNT_OFFSET = 80;
const SAV_FIXTURES = [
  // Case counts from R: nrow(foreign::read.spss(file, to.data.frame = TRUE)).
  ['spss/kobocat-onadata-spss-export-children-spssio21.sav', 3],
  ['spss/spss21-multiple-response-sets-simple-alltypes.sav', 6],
  ['spss/spss25-user-defined-missing-values.sav', 2],
] as const;

function patchedCopy(file: string, patch: (bytes: Buffer) => void): string {
  const bytes = Buffer.from(readFileSync(fixture(file)));
  patch(bytes);
  return tempFile('patched.sav', bytes);
}

describe.skipIf(!haveThirdParty)('SPSS files whose header does not give the case count (Qualtrics writes -1)', () => {
  it.each(SAV_FIXTURES)('%s: counted from the data, and read to the end with the header count set to -1', async (file, cases) => {
    const original = readFileSync(fixture(file));
    expect(countSpssCases(original)).toMatchObject({ headerCases: cases, cases, partialSlots: 0 });
    const path = patchedCopy(file, (bytes) => bytes.writeInt32LE(-1, CASE_COUNT_OFFSET));
    const unknown = await readExport({ path, sourceId: 'minus-one' });
    const known = await readExport({ path: fixture(file), sourceId: 'known' });
    expect(unknown.rows).toHaveLength(cases);
    expect(unknown.rows).toEqual(known.rows);
    expect(unknown.warnings).toEqual([]);
  });

  it('stops at the end-of-data code 252 instead of reading the padding after it as a case', async () => {
    // The Kobo file's last 8-byte command block is `fe fe fe fe 00 00 00 00`: four values, then
    // padding. A writer that does not know the count marks the end there with 252 (PSPP manual,
    // "Data Record": "252: End of file. This code may or may not appear at the end of the data stream").
    const file = 'spss/kobocat-onadata-spss-export-children-spssio21.sav';
    const path = patchedCopy(file, (bytes) => {
      bytes.writeInt32LE(-1, CASE_COUNT_OFFSET);
      expect([...bytes.subarray(bytes.length - 8)]).toEqual([0xfe, 0xfe, 0xfe, 0xfe, 0, 0, 0, 0]);
      bytes[bytes.length - 4] = 252;
    });
    expect(countSpssCases(readFileSync(path))).toMatchObject({ headerCases: -1, cases: 3, endMarker: true });
    const table = await readExport({ path, sourceId: 'end-marker' });
    expect(table.rows).toEqual((await readExport({ path: fixture(file), sourceId: 'known' })).rows);
  });

  it('reads every case when the header count is too low, and says so', async () => {
    const path = patchedCopy('spss/spss21-multiple-response-sets-simple-alltypes.sav', (bytes) => bytes.writeInt32LE(4, CASE_COUNT_OFFSET));
    const table = await readExport({ path, sourceId: 'low' });
    expect(table.rows).toHaveLength(6);
    expect(table.warnings).toContain('the SPSS .sav header says 4 case(s) but the data holds 6; all 6 were read');
  });

  it('a file cut inside its last case stops with a ValidationError naming the case', async () => {
    const bytes = readFileSync(fixture('spss/spss21-multiple-response-sets-simple-alltypes.sav'));
    const path = tempFile('cut.sav', bytes.subarray(0, bytes.length - 16));
    const error = await readExport({ path, sourceId: 'cut' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/cut\.sav: .*case 6 \(the file is cut\)/);
  });
});
