import { describe, expect, it } from 'vitest';
import { isPersonalColumn, looksLikeGeopoint, mayHoldPersonalText, redactPersonalText, redactPersonalTextByPattern } from '../../pipeline/ingest/personal-data.ts';
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

describe('mayHoldPersonalText (the shortcut before the patterns)', () => {
  it.each([
    ['+4915112345678', '[phone removed]'],
    ['020 7946 0958', '[phone removed]'],
    ['192.168.1.1', '[ip address removed]'],
    ['10.0.0.1', '[ip address removed]'],
    ['+49 151 1234 5678', '[phone removed]'],
    ['0049-151-1234-5678', '[phone removed]'],
    ['(030) 1234 567', '[phone removed]'],
    ['030.1234.5678', '[phone removed]'],
    ['-020 7946 0958', '-[phone removed]'],
    ['2022-09-03 13:52:12 from 192.168.1.1', '2022-09-03 13:52:12 from [ip address removed]'],
    ['2022-09-03 13:52:12 +4915112345678', '2022-09-03 13:52:12 [phone removed]'],
    ['4915112345678@example.org', '[email removed]'],
  ])('still sends %s to the patterns, which give %s', (cell, redacted) => {
    expect(mayHoldPersonalText(cell)).toBe(redacted !== cell);
    expect(redactPersonalText(cell)).toBe(redacted);
  });

  it.each([
    ['2022-09-03 13:52:12'], ['2022-09-03T13:52:12'], ['2022-09-03 13:52'], ['4915112345678'], ['-4915112345678'], ['1234.5678'],
    ['-18.5373'], ['334.00'], ['1500851907'], ['R_48BdY5AfxfowwFV'], ['Extremely important'], ['Moderately prepared'], ['1-5 years'],
  ])('skips %s, which the patterns leave unchanged', (cell) => {
    expect(mayHoldPersonalText(cell)).toBe(false);
    expect(redactPersonalTextByPattern(cell)).toBe(cell);
  });

  it('skips a cell only when every pattern leaves it unchanged (20,000 generated numbers, timestamps and look-alikes)', () => {
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const digits = (count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
    const pick = <T,>(items: T[]) => items[Math.floor(random() * items.length)];
    const shapes = [
      () => `${pick(['', '-', '+'])}${digits(1 + Math.floor(random() * 15))}`,
      () => `${pick(['', '-'])}${digits(1 + Math.floor(random() * 8))}.${digits(1 + Math.floor(random() * 8))}`,
      () => `${digits(4)}-${digits(2)}-${digits(2)}${pick([' ', 'T'])}${digits(2)}:${digits(2)}${pick(['', `:${digits(2)}`])}`,
      () => `${digits(1 + Math.floor(random() * 4))}.${digits(1 + Math.floor(random() * 4))}.${digits(1 + Math.floor(random() * 4))}.${digits(1 + Math.floor(random() * 4))}`,
      () => Array.from({ length: 2 + Math.floor(random() * 4) }, () => digits(1 + Math.floor(random() * 4))).join(pick([' ', '-', '.'])),
      () => `${pick(['+', '(', ''])}${digits(2)}${pick([')', ' ', ''])}${digits(3 + Math.floor(random() * 8))}`,
    ];
    let skipped = 0;
    let changed = 0;
    for (let i = 0; i < 20_000; i++) {
      const cell = pick(shapes)();
      const byPattern = redactPersonalTextByPattern(cell);
      if (byPattern !== cell) {
        changed++;
        expect(mayHoldPersonalText(cell), cell).toBe(true);
      }
      if (!mayHoldPersonalText(cell)) skipped++;
      expect(redactPersonalText(cell), cell).toBe(byPattern);
    }
    // Both sides are exercised: many cells skipped, many redacted.
    expect(skipped).toBeGreaterThan(5_000);
    expect(changed).toBeGreaterThan(1_000);
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
