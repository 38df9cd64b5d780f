import { describe, expect, it } from 'vitest';
import { isPersonalColumn, mayHoldPersonalText, personalContentKind, redactPersonalText, redactPersonalTextByPattern } from '../../../stages/ingest/personal-data.ts';
import { readExport } from '../../../stages/ingest/read-export.ts';
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

describe('ODK geopoint columns (by content)', () => {
  it('are coordinates when most filled values are "lat lon alt precision"', () => {
    expect(personalContentKind(['-1.2627557 36.7926442 0.0 30.0', 'n/a', ''])).toBe('coordinates');
    expect(personalContentKind(['-1.2627557 36.7926442 0.0 30.0', 'Nairobi', 'Mombasa'])).toBeUndefined();
    expect(personalContentKind(['', 'n/a'])).toBeUndefined();
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

describe('phone numbers in every international format (libphonenumber-js, issue 12)', () => {
  it.each([
    ['Call +44 7564 479146 after six', 'Call [phone removed] after six'],
    ['UK mobile 07564 479146.', 'UK mobile [phone removed].'],
    ['typed without spaces 07564479146 ok', 'typed without spaces [phone removed] ok'],
    ['Handy: +49 151 23456789', 'Handy: [phone removed]'],
    ['Nairobi office +254 712 345678', 'Nairobi office [phone removed]'],
    ['portable +33 6 12 34 56 78 merci', 'portable [phone removed] merci'],
    ['my number +1 219879728464 thanks', 'my number [phone removed] thanks'],
    ['dots 020.7946.0123', 'dots [phone removed]'],
    ['brackets (0491) 570 156', 'brackets [phone removed]'],
    ['+44 (0)20 7946 0958 ext. 123', '[phone removed]'],
    ['US +1 (202) 555-0143 x 77 or 202-555-0143', 'US [phone removed] or [phone removed]'],
    ['0049 151 23456789 (international prefix 00)', '[phone removed] (international prefix 00)'],
    ['Kenya 0712 345678, NL +31 6 12345678', 'Kenya [phone removed], NL [phone removed]'],
    ['Tel. 030 1234567', 'Tel. [phone removed]'],
  ])('%s', (input, output) => {
    expect(redactPersonalText(input)).toBe(output);
  });

  it.each([
    ['In 2019 and 2022 we rated 4 of 5'], ['Between 2019-2022 we hired 12345 students'], ['year 2021, 3 out of 5, 10 to 15 hours'],
    ['We hired 25 graduates in 2020/2021 at 35000 EUR'], ['Rating 4/5, since 1998; 2000-2010 was hard'], ['ISO 27001 and NIST 800-53 rev 5'],
    ['CVE-2021-44228 (log4shell)'], ['ports 8080 and 443, 1024-65535'], ['at 11:36:48 on 05.09.2022'], ['on 09/05/2022 11:36 AM'],
    ['ids 1234567 9876543'], ['1 2 3 4 5'], ['Scale 1-5: 4'], ['2022-09-05 11:36:48'], ['114279364511'],
  ])('leaves years, scale points and ordinary numbers alone: %s', (input) => {
    expect(redactPersonalText(input)).toBe(input);
  });

  it('removes IPv6 addresses as well as IPv4', () => {
    expect(redactPersonalText('from 2001:db8:85a3::8a2e:370:7334 and fe80::1, not 11:36:48')).toBe('from [ip address removed] and [ip address removed], not 11:36:48');
  });
});

describe('personal-data headers in six languages and tool conventions', () => {
  it.each([
    'tel.office', 'tel.mobile', 'children[1]/child_name', 'group_a/resp_name', 'deviceid', 'imei', 'refurl', 'Device ID', 'Nom de famille',
    'Prénom', 'Téléphone', 'Téléphone portable', 'courriel', 'Adresse', 'Nombre', 'Apellido', 'Correo electrónico', 'Teléfono móvil', 'Dirección',
    'Nome', 'Sobrenome', 'Celular', 'Telefone', 'Endereço', 'Vorname', 'Nachname', 'Telefon', 'Handynummer', 'E-Mail-Adresse', 'Anschrift',
    'naam', 'achternaam', 'telefoon', 'mobiel nummer', 'adres', 'Your e-mail address', 'Geolocation', 'Breitengrad', 'GPS', 'Latitude',
  ])('%s is personal', (key) => {
    expect(isPersonalColumn({ key, label: '' })).toBe(true);
  });
  it.each([
    'Q3_1', 'Q3[SQ001]', 'country', 'orgtype', 'Status', 'Duration (in seconds)', 'submitdate', 'interviewtime', 'comments', 'Institution name',
    'Question time: address', '_parent_table_name', 'How important is e-mail security for graduates?', 'Q5_name_system', 'Respondent ID',
  ])('%s is not personal', (key) => {
    expect(isPersonalColumn({ key, label: '' })).toBe(false);
  });
});

describe('personal-data columns by content', () => {
  it('names what most non-empty values are', () => {
    expect(personalContentKind(['ann@example.org', 'bo@example.net', '', 'n/a'])).toBe('email');
    expect(personalContentKind(['+44 7564 479146', '07564 479146', '+254 712 345678', 'none'])).toBe('phone');
    expect(personalContentKind(['198.51.100.7', '2001:db8::1'])).toBe('ip_address');
    expect(personalContentKind(['52.3676, 4.9041', '-1.2627557 36.7926442 0.0 30.0', 'POINT (4.9 52.3)'])).toBe('coordinates');
  });
  it('needs more than half of the non-empty values', () => {
    expect(personalContentKind(['ann@example.org', 'Kenya', 'Germany'])).toBeUndefined();
    expect(personalContentKind(['', 'n/a'])).toBeUndefined();
  });
  it.each([
    [['Very important', 'Moderately important', 'Not at all important']], [['Kenya', 'Viet Nam', 'NA']], [['1', '2', '5', '4']],
    [['R_1abc', 'R_2def']], [['114279364511', '114279364512']], [['2022-09-05 11:36:48', '9/1/2022 10:10:00']], [['1.2345', '0.87']],
    [['482', '1033']], [['100', '87']], [['uuid:5b2cc313-fc09-437e-8149-fcd32f695d41']],
  ])('never flags ratings, countries, ids, weights, durations or timestamps: %j', (values) => {
    expect(personalContentKind(values)).toBeUndefined();
  });
});
