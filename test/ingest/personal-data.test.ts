import { describe, expect, it } from 'vitest';
import { isPersonalColumn, looksLikeGeopoint, redactPersonalText } from '../../pipeline/ingest/personal-data.ts';
import { readExport } from '../../pipeline/ingest/read-export.ts';
import { tempFile } from './fixture-helpers.ts';

describe('isPersonalColumn', () => {
  it.each([
    ['IPAddress'], ['ipaddr'], ['IP Address'], ['RecipientLastName'], ['RecipientFirstName'], ['RecipientEmail'], ['EmailAddress'],
    ['Email Address'], ['Name'], ['First Name'], ['Last Name'], ['ExternalReference'], ['ExternalDataReference'], ['LocationLatitude'],
    ['LocationLongitude'], ['_gps_latitude'], ['group/_gps_precision'], ['Custom Data 1'], ['Phone number'], ['_geolocation'],
  ])('%s is personal', (key) => {
    expect(isPersonalColumn({ key, label: '' })).toBe(true);
  });
  it('recognises Qualtrics ImportIds and labels', () => {
    expect(isPersonalColumn({ key: 'X1', label: '', importId: 'panel-RecipientEmail' })).toBe(true);
    expect(isPersonalColumn({ key: 'X2', label: '', importId: 'Location-LocationLatitude' })).toBe(true);
    expect(isPersonalColumn({ key: 'var1', label: 'children/name' })).toBe(true);
  });
  it.each([['Q1'], ['LocationAccuracy'], ['Name of your institution'], ['kids/kids_name_count'], ['RespondentID'], ['country']])('%s is not personal', (key) => {
    expect(isPersonalColumn({ key, label: '' })).toBe(false);
  });
});

describe('looksLikeGeopoint', () => {
  it('needs every filled value to be "lat lon alt precision"', () => {
    expect(looksLikeGeopoint(['-1.2627557 36.7926442 0.0 30.0', 'n/a', ''])).toBe(true);
    expect(looksLikeGeopoint(['-1.2627557 36.7926442 0.0 30.0', 'Nairobi'])).toBe(false);
    expect(looksLikeGeopoint(['', 'n/a'])).toBe(false);
  });
});

describe('redactPersonalText', () => {
  it.each([
    ['write to ann.smith@uni.example.edu please', 'write to [email removed] please'],
    ['call +41 79 123 45 67 today', 'call [phone removed] today'],
    ['(555) 123-4567', '[phone removed]'],
    ['555-123-4567', '[phone removed]'],
    ['+447911123456', '[phone removed]'],
    ['from 130.92.34.66 again', 'from [ip address removed] again'],
  ])('%s', (input, output) => {
    expect(redactPersonalText(input)).toBe(output);
  });
  it.each([
    ['2017-07-18 08:28:09'], ['12/13/2019 12:02:32'], ['18.07.2017'], ['2013-02-14T15:37:21'], ['3237565956'], ['47.115097045898'],
    ['uuid:5b2cc313-fc09-437e-8149-fcd32f695d41'], ['$50,000 - $99,999'], ['1-5 years'], ['Strongly agree'],
  ])('leaves %s alone', (input) => {
    expect(redactPersonalText(input)).toBe(input);
  });
});

describe('personal data at ingest', () => {
  it('drops PII columns and redacts free text; planted values appear nowhere', async () => {
    const text = [
      'ResponseId,IPAddress,RecipientEmail,First Name,comment,rating',
      'R_1,192.168.10.20,jane@corp.example,Jane,"reach me at jane.doe@mail.example or 079 123 45 67",4',
    ].join('\n');
    const table = await readExport({ path: tempFile('pii.csv', text), sourceId: 'pii' });
    expect(table.droppedPersonalColumns).toEqual(['IPAddress', 'RecipientEmail', 'First Name']);
    expect(table.rows[0]).toEqual(['R_1', 'reach me at [email removed] or [phone removed]', '4']);
    const serialised = JSON.stringify(table);
    for (const planted of ['192.168.10.20', 'jane@corp.example', 'Jane', 'jane.doe', '079 123 45 67']) expect(serialised).not.toContain(planted);
  });
});
