import { describe, expect, it } from 'vitest';
import { readExport } from '../../../../stages/ingest/read-export.ts';
import { cell, fixture, haveThirdParty, tempFile } from '../fixture-helpers.ts';

const AMBULANCE = 'transport/available_transportation_types_to_referral_facility/ambulance';

describe('kobo adapter', () => {
  it('reads a semicolon export with group paths and keeps n/a as written', async () => {
    const path = tempFile('kobo.csv', 'start;group/q1;group/skills/a;group/skills/b;_uuid;_submission_time\n2024-01-01;4;1;0;abc;2024-01-01T10:00:00\n2024-01-02;n/a;0;1;def;2024-01-02T10:00:00\n');
    const table = await readExport({ path, sourceId: 'kobo' });
    expect(table.format).toBe('kobo');
    expect(table.delimiter).toBe(';');
    expect(cell(table, 1, 'group/q1')).toBe('n/a');
    expect(cell(table, 1, 'group/skills/b')).toBe('1');
  });
});

describe.skipIf(!haveThirdParty)('KoboToolbox fixtures (../shared/fixtures/third-party/kobotoolbox-odk)', () => {
  it('True/False select-multiple, n/a, 1 submission', async () => {
    const table = await readExport({ path: fixture('kobotoolbox-odk/kobocat-csv-export-select-multiple-true-false-na.csv'), sourceId: 'k1' });
    expect(table.format).toBe('kobo');
    expect(table.headerRows).toBe(1);
    expect(table.rows).toHaveLength(1);
    expect(cell(table, 0, AMBULANCE)).toBe('False');
    expect(cell(table, 0, '_uuid')).toBe('5b2cc313-fc09-437e-8149-fcd32f695d41');
    expect(cell(table, 0, '_validation_status')).toBe('{}');
  });

  it('2013 all-quoted export: trailing comma on data rows is ignored and reported, 4 submissions', async () => {
    const table = await readExport({ path: fixture('kobotoolbox-odk/kobocat-csv-export-2013-all-quoted-trailing-comma.csv'), sourceId: 'k2' });
    expect(table.format).toBe('kobo');
    expect(table.columns).toHaveLength(23);
    expect(table.rows).toHaveLength(4);
    expect(table.rows[3][10]).toBe('camel');
    expect(cell(table, 1, AMBULANCE)).toBe('True');
    expect(table.warnings).toContain('4 row(s) end with empty fields beyond the last header column (trailing delimiters); those empty fields were ignored');
  });

  it('nested repeats: names in repeat groups, address, geopoint and _gps_* columns dropped as personal data', async () => {
    const table = await readExport({ path: fixture('kobotoolbox-odk/kobocat-csv-export-nested-repeats-geopoint.csv'), sourceId: 'k3' });
    expect(table.format).toBe('kobo');
    expect(table.rows).toHaveLength(2);
    // Children's names in repeat groups (`kids_details[n]/kids_name`) and the address are personal too (issue 12).
    expect(table.droppedPersonalColumns).toEqual([
      'kids/kids_details[1]/kids_name', 'kids/kids_details[2]/kids_name', 'kids/kids_details[3]/kids_name', 'kids/nested_group/nested_name',
      'address', 'gps', '_gps_latitude', '_gps_longitude', '_gps_altitude', '_gps_precision',
    ]);
    expect(cell(table, 1, 'kids/kids_details[3]/kids_age')).toBe('3');
    const serialised = JSON.stringify(table.rows);
    for (const planted of ['36.7926442', 'Harry', 'Hansel', 'Gretel']) expect(serialised).not.toContain(planted);
  });

  it('XLSX export: booleans as True/False, absent cells empty, 4 rows', async () => {
    const table = await readExport({ path: fixture('kobotoolbox-odk/kobocat-xlsx-export-transportation.xlsx'), sourceId: 'k4' });
    expect(table.format).toBe('kobo');
    expect(table.rows).toHaveLength(4);
    expect(cell(table, 0, 'transport/available_transportation_types_to_referral_facility')).toBe('none');
    expect(cell(table, 0, AMBULANCE)).toBe('False');
    expect(cell(table, 0, '_submission_time')).toBe('2013-02-14T15:37:21');
    expect(cell(table, 0, '_parent_index')).toBe('-1');
    expect(table.rows[0][11]).toBe('');
  });
});
