/**
 * Nothing personal is written anywhere under out/ (issue 12, section 1).
 *
 * One wave with an export of every shape the project reads (Qualtrics CSV, LimeSurvey CSV,
 * SurveyMonkey CSV and XLSX, Google Forms CSV and XLSX, KoboToolbox CSV, SPSS .sav written by
 * test/helpers/write-sav.ts, plain CSV, TSV and XLSX), each with personal data planted of every kind: as columns with headers in English,
 * French, Spanish, Portuguese, German and Dutch (names, e-mail, phone, address, IMEI, device id,
 * GPS, IP address, LimeSurvey refurl, Kobo `deviceid` and `…/resp_name`, SPSS-style `tel.office`),
 * as columns with neutral headers whose values are e-mails, phones, IPs or coordinates, typed
 * into the kept free-text column (e-mails, IPv4/IPv6 and phones in ten international formats),
 * and typed into a country cell and a rating cell. The whole pipeline runs into a temporary out
 * folder; then every file under it (binary caches included, as raw bytes), the log, and the
 * PDF's text read back with pdfjs-dist are searched for every planted value.
 *
 * Not covered: names typed inside free text (no tool can find every name in prose; a codebook
 * keeps free text only by naming it in `keepText`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCommand } from '../../commands/run-command.ts';
import { readColumnarCacheTable, cellText } from '../../stages/normalise/columnar-raw-table.ts';
import { readPdf } from '../helpers/read-pdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { writeSav } from '../helpers/write-sav.ts';
import type { Codebook, Population, SourceCodebook, WaveConfig } from '../../contracts/types.ts';

const PHONES = [
  // Digits chosen not to occur in the inlined libraries of report.html (vega's tables hold runs such as 0123456789).
  '+44 7564 479146', '07564 479146', '+49 151 73920418', '+254 712 904863', '+33 6 47 83 29 05', '+1 219879728464',
  '020.7946.0123', '(0491) 570 156', '+44 (0)20 7946 0958 ext. 123', '+1 (202) 555-0143 x 77', '0712 904863', '+31 6 48203917',
];
const PLANTED = {
  firstName: 'Krzysztof',
  lastName: 'Wiśniewski',
  fullName: 'Thandiwe Nyambura',
  email: 'oluwaseun.okonkwo@example.org',
  typedEmail: 'k.halvorsen77@example.net',
  ipv4: '198.51.100.77',
  ipv6: '2001:db8:4a2::7e1',
  geopoint: '-1.2627557 36.7926442 1540.0 30.0',
  degreePair: '-33.86785, 151.20732',
  latitude: '-33.86785',
  longitude: '151.20732',
  imei: '356938035643809',
  deviceId: 'collect:Xy7PqR2mN4aB9cD1',
  address: 'Keizersgracht 123, 1015 CJ Amsterdam',
  streetAddress: '17 Rue Quincampoix',
  referrer: 'https://mail.example.com/inbox/u/krzysztof',
};

/** What is searched for: each planted value, its distinctive parts, and each phone's run of digits. */
function searchTerms(): string[] {
  const terms = new Set<string>([
    ...Object.values(PLANTED), ...PHONES,
    'Krzysztof', 'krzysztof', 'Wiśniewski', 'Thandiwe', 'Nyambura', 'oluwaseun', 'okonkwo', 'halvorsen77', '36.7926442', '33.86785', '151.20732',
    '4a2::7e1', 'Xy7PqR2mN4aB9cD1', 'Keizersgracht', 'Quincampoix', '356938035643809',
  ]);
  for (const phone of PHONES) {
    const digits = phone.replace(/\D/g, '');
    terms.add(digits);
    terms.add(digits.slice(-8));
  }
  return [...terms];
}

const COMPETENCIES = ['communication', 'teamwork', 'critical-thinking'];
const LABELS = ['Very low', 'Low', 'Medium', 'High', 'Very high'];
const COUNTRIES = ['Kenya', 'Germany', 'France', 'Brazil', 'Netherlands', 'Spain', 'Viet Nam', 'Mexico'];
const ROWS = 14;

/** One column of an export: its header cell in each header record, the codebook's name for it, its value in row r. */
interface ColumnSpec {
  header: string[];
  key: string;
  value: (row: number) => string;
  role?: 'id' | 'country' | 'org' | 'text' | { competency: string; dimension: 'importance' | 'preparedness' | 'coverage' };
  /** Expected drop reason, for planted columns. */
  dropped?: 'personal_data_header' | 'personal_data_content' | 'not_in_codebook';
}

interface Shape {
  id: string;
  file: string;
  population: Population;
  format: string;
  headerRows: number;
  writer: 'csv' | 'tsv' | 'xlsx' | 'sav';
  columns: ColumnSpec[];
}

const rating = (row: number, column: number) => LABELS[(row * 7 + column * 3 + (row >> 2)) % LABELS.length];

function freeText(row: number): string {
  const phone = PHONES[row % PHONES.length];
  const ip = row % 2 === 0 ? PLANTED.ipv4 : PLANTED.ipv6;
  return `Ring me on ${phone} or write to ${PLANTED.typedEmail} (sent from ${ip}). Between 2019-2022 we rated 4 of 5 and hired 12 graduates.`;
}

/** The columns every shape shares: ratings, country, organisation type, free text, content-personal columns. */
function commonColumns(population: Population, header: (text: string, code: string) => string[], keyOf: (text: string, code: string) => string): ColumnSpec[] {
  const second = population === 'industry' ? 'preparedness' : 'coverage';
  const columns: ColumnSpec[] = [
    { header: header('Country', 'country'), key: keyOf('Country', 'country'), value: (r) => (r === 0 ? PLANTED.email : COUNTRIES[r % COUNTRIES.length]), role: 'country' },
    { header: header('Organisation type', 'orgtype'), key: keyOf('Organisation type', 'orgtype'), value: (r) => (r % 3 === 0 ? 'University' : 'Company'), role: 'org' },
  ];
  COMPETENCIES.forEach((competency, c) => {
    for (const [d, dimension] of (['importance', second] as const).entries()) {
      const code = `R${d + 1}_${c + 1}`;
      columns.push({
        header: header(`${dimension} of ${competency}`, code),
        key: keyOf(`${dimension} of ${competency}`, code),
        value: (r) => (r === 1 && c === 0 && d === 0 ? PHONES[0] : rating(r, c * 2 + d)),
        role: { competency, dimension },
      });
    }
  });
  columns.push(
    { header: header('Any comments?', 'comments'), key: keyOf('Any comments?', 'comments'), value: freeText, role: 'text' },
    { header: header('Contact', 'Q90'), key: keyOf('Contact', 'Q90'), value: (r) => (r % 2 ? PLANTED.email : PLANTED.typedEmail), dropped: 'personal_data_content' },
    { header: header('Reach', 'Q91'), key: keyOf('Reach', 'Q91'), value: (r) => PHONES[(r + 3) % PHONES.length], dropped: 'personal_data_content' },
    { header: header('Origin', 'Q92'), key: keyOf('Origin', 'Q92'), value: (r) => (r % 2 ? PLANTED.ipv4 : PLANTED.ipv6), dropped: 'personal_data_content' },
    { header: header('Where', 'Q93'), key: keyOf('Where', 'Q93'), value: (r) => (r % 2 ? PLANTED.degreePair : PLANTED.geopoint), dropped: 'personal_data_content' },
  );
  return columns;
}

/** A personal column by header (value the same in every row, or as given). */
const personal = (header: string[], key: string, value: string | ((row: number) => string)): ColumnSpec => ({
  header, key, value: typeof value === 'string' ? () => value : value, dropped: 'personal_data_header',
});

function shapes(): Shape[] {
  const single = (text: string) => [text];
  const sameKey = (text: string) => text;
  return [
    {
      id: 'qualtrics-csv', file: 'qualtrics.csv', population: 'industry', format: 'qualtrics', headerRows: 3, writer: 'csv',
      columns: [
        { header: ['ResponseId', 'Response ID', '{"ImportId":"_recordId"}'], key: 'ResponseId', value: (r) => `R_${1000 + r}`, role: 'id' },
        personal(['IPAddress', 'IP Address', '{"ImportId":"ipAddress"}'], 'IPAddress', PLANTED.ipv4),
        personal(['RecipientFirstName', 'Recipient First Name', '{"ImportId":"recipientFirstName"}'], 'RecipientFirstName', PLANTED.firstName),
        personal(['RecipientEmail', 'Recipient Email', '{"ImportId":"recipientEmail"}'], 'RecipientEmail', PLANTED.email),
        personal(['LocationLatitude', 'Location Latitude', '{"ImportId":"locationLatitude"}'], 'LocationLatitude', PLANTED.latitude),
        personal(['LocationLongitude', 'Location Longitude', '{"ImportId":"locationLongitude"}'], 'LocationLongitude', PLANTED.longitude),
        personal(['Q80', 'Numéro de téléphone', '{"ImportId":"QID80_TEXT"}'], 'Q80', (r) => PHONES[r % PHONES.length]),
        personal(['Q81', 'Nom de famille', '{"ImportId":"QID81_TEXT"}'], 'Q81', PLANTED.lastName),
        ...commonColumns('industry', (text, code) => [code, text, `{"ImportId":"QID_${code}"}`], (_text, code) => code),
      ],
    },
    {
      id: 'limesurvey-csv', file: 'limesurvey.csv', population: 'education', format: 'limesurvey', headerRows: 1, writer: 'csv',
      columns: [
        { header: ['id'], key: 'id', value: (r) => String(r + 1), role: 'id' },
        { header: ['submitdate'], key: 'submitdate', value: (r) => `2022-09-0${1 + (r % 9)} 11:36:48`, dropped: 'not_in_codebook' },
        { header: ['lastpage'], key: 'lastpage', value: () => '4', dropped: 'not_in_codebook' },
        { header: ['startlanguage'], key: 'startlanguage', value: () => 'en', dropped: 'not_in_codebook' },
        personal(['ipaddr'], 'ipaddr', (r) => (r % 2 ? PLANTED.ipv4 : PLANTED.ipv6)),
        personal(['refurl'], 'refurl', PLANTED.referrer),
        personal(['email'], 'email', PLANTED.email),
        personal(['firstname'], 'firstname', PLANTED.firstName),
        personal(['Nachname'], 'Nachname', PLANTED.lastName),
        personal(['Anschrift'], 'Anschrift', PLANTED.address),
        ...commonColumns('education', (_text, code) => [code.startsWith('R') ? `Q${code.slice(1, 2)}[SQ00${code.slice(3)}]` : code], (_text, code) => (code.startsWith('R') ? `Q${code.slice(1, 2)}[SQ00${code.slice(3)}]` : code)),
      ],
    },
    ...(['csv', 'xlsx'] as const).map((writer): Shape => ({
      id: `surveymonkey-${writer}`, file: `surveymonkey.${writer}`, population: writer === 'csv' ? 'industry' : 'education', format: 'surveymonkey', headerRows: 2, writer,
      columns: [
        { header: ['Respondent ID', ''], key: 'Respondent ID', value: (r) => String(114279364511 + r), role: 'id' },
        personal(['IP Address', ''], 'IP Address', PLANTED.ipv4),
        personal(['Email Address', ''], 'Email Address', PLANTED.email),
        personal(['First Name', ''], 'First Name', PLANTED.firstName),
        personal(['Teléfono móvil', 'Open-Ended Response'], 'Teléfono móvil', (r) => PHONES[(r + 5) % PHONES.length]),
        personal(['Dirección', 'Open-Ended Response'], 'Dirección', PLANTED.streetAddress),
        ...commonColumns(writer === 'csv' ? 'industry' : 'education', (text) => [text, 'Response'], sameKey),
      ],
    })),
    ...(['csv', 'xlsx'] as const).map((writer): Shape => ({
      id: `google-forms-${writer}`, file: `google-forms.${writer}`, population: writer === 'csv' ? 'education' : 'industry', format: 'google-forms', headerRows: 1, writer,
      columns: [
        { header: ['Timestamp'], key: 'Timestamp', value: (r) => `9/${1 + r}/2022 10:1${r % 10}:00`, role: 'id' },
        personal(['Email address'], 'Email address', PLANTED.email),
        personal(['Nome'], 'Nome', PLANTED.firstName),
        personal(['Sobrenome'], 'Sobrenome', PLANTED.lastName),
        personal(['Endereço'], 'Endereço', PLANTED.address),
        personal(['Celular'], 'Celular', (r) => PHONES[(r + 7) % PHONES.length]),
        ...commonColumns(writer === 'csv' ? 'education' : 'industry', single, sameKey),
      ],
    })),
    {
      id: 'kobo-csv', file: 'kobo.csv', population: 'education', format: 'kobo', headerRows: 1, writer: 'csv',
      columns: [
        { header: ['_uuid'], key: '_uuid', value: (r) => `0a2a8ef5-5d82-4e43-a267-74037b0e9e${String(10 + r)}`, role: 'id' },
        { header: ['_submission_time'], key: '_submission_time', value: () => '2022-09-18T15:54:01', dropped: 'not_in_codebook' },
        personal(['deviceid'], 'deviceid', PLANTED.deviceId),
        personal(['imei'], 'imei', PLANTED.imei),
        personal(['group_a/resp_name'], 'group_a/resp_name', PLANTED.fullName),
        personal(['children[1]/child_name'], 'children[1]/child_name', PLANTED.firstName),
        personal(['gps'], 'gps', PLANTED.geopoint),
        personal(['_gps_latitude'], '_gps_latitude', PLANTED.latitude),
        personal(['_geolocation'], '_geolocation', `[${PLANTED.latitude}, ${PLANTED.longitude}]`),
        ...commonColumns('education', (_text, code) => [`survey/${code}`], (_text, code) => `survey/${code}`),
      ],
    },
    {
      // SPSS: header = [variable name, variable label]; names in SPSS style (`tel.office`).
      id: 'spss-sav', file: 'spss.sav', population: 'industry', format: 'spss', headerRows: 0, writer: 'sav',
      columns: [
        { header: ['respid', 'Respondent'], key: 'respid', value: (r) => `S${300 + r}`, role: 'id' },
        personal(['tel.office', 'Office phone'], 'tel.office', (r) => PHONES[(r + 8) % PHONES.length]),
        personal(['tel.mobile', 'Mobile phone'], 'tel.mobile', (r) => PHONES[(r + 9) % PHONES.length]),
        personal(['resp_name', 'Respondent name'], 'resp_name', PLANTED.fullName),
        personal(['email', 'Adresse e-mail'], 'email', PLANTED.email),
        personal(['ipaddr', 'IP'], 'ipaddr', PLANTED.ipv4),
        personal(['imei', 'IMEI'], 'imei', PLANTED.imei),
        personal(['geo', 'GPS'], 'geo', PLANTED.geopoint),
        ...commonColumns('industry', (text, code) => [code, text], (_text, code) => code),
      ],
    },
    ...(['csv', 'tsv', 'xlsx'] as const).map((writer): Shape => ({
      id: `plain-${writer}`, file: `plain.${writer}`, population: writer === 'tsv' ? 'education' : 'industry', format: 'generic', headerRows: 1, writer,
      columns: [
        { header: ['respondent'], key: 'respondent', value: (r) => `P${200 + r}`, role: 'id' },
        personal(['naam'], 'naam', PLANTED.fullName),
        personal(['achternaam'], 'achternaam', PLANTED.lastName),
        personal(['telefoon'], 'telefoon', (r) => PHONES[(r + 1) % PHONES.length]),
        personal(['Handy'], 'Handy', (r) => PHONES[(r + 2) % PHONES.length]),
        personal(['tel.office'], 'tel.office', (r) => PHONES[(r + 4) % PHONES.length]),
        personal(['tel.mobile'], 'tel.mobile', (r) => PHONES[(r + 6) % PHONES.length]),
        personal(['adres'], 'adres', PLANTED.address),
        personal(['IMEI'], 'IMEI', PLANTED.imei),
        personal(['Device ID'], 'Device ID', PLANTED.deviceId),
        personal(['courriel'], 'courriel', PLANTED.email),
        personal(['Latitude'], 'Latitude', PLANTED.latitude),
        personal(['Longitude'], 'Longitude', PLANTED.longitude),
        ...commonColumns(writer === 'tsv' ? 'education' : 'industry', single, sameKey),
      ],
    })),
  ];
}

function records(shape: Shape): string[][] {
  const header = Array.from({ length: shape.headerRows }, (_, h) => shape.columns.map((column) => column.header[h] ?? ''));
  // (SPSS: the header cells are the variable name and label, written by writeSav, not as records.)
  const data = Array.from({ length: ROWS }, (_, r) => shape.columns.map((column) => column.value(r)));
  return [...header, ...data];
}

async function writeExport(path: string, shape: Shape): Promise<void> {
  const rows = records(shape);
  if (shape.writer === 'sav') {
    const data = rows.slice(shape.headerRows);
    const variables = shape.columns.map((column, c) => ({
      name: column.header[0],
      label: column.header[1],
      width: Math.min(255, Math.max(8, ...data.map((row) => Buffer.byteLength(row[c], 'utf8')))),
    }));
    writeSav(path, variables, data);
    return;
  }
  if (shape.writer === 'xlsx') {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    for (const row of rows) sheet.addRow(row);
    await workbook.xlsx.writeFile(path);
    return;
  }
  const delimiter = shape.writer === 'tsv' ? '\t' : ',';
  const quote = (cell: string) => (shape.writer === 'csv' && /[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  writeFileSync(path, rows.map((row) => row.map(quote).join(delimiter)).join('\r\n') + '\r\n');
}

function sourceCodebook(shape: Shape): SourceCodebook {
  const keyOf = (role: ColumnSpec['role']) => shape.columns.find((column) => column.role === role)!.key;
  return {
    source: shape.id,
    columns: { respondentId: keyOf('id'), country: keyOf('country'), organisationType: keyOf('org') },
    items: shape.columns.flatMap((column) => (typeof column.role === 'object' ? [{ column: column.key, ...column.role }] : [])),
    keepText: [keyOf('text')],
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('personal data planted in every export shape never reaches out/', () => {
  const root = useTempDir('skillgap-plants-');
  const waveDir = join(root, 'wave');
  const out = join(root, 'out');
  const log: string[] = [];
  const allShapes = shapes();
  let outcome: Awaited<ReturnType<typeof runCommand>>;

  beforeAll(async () => {
    mkdirSync(waveDir, { recursive: true });
    for (const shape of allShapes) await writeExport(join(waveDir, shape.file), shape);
    const codebook: Codebook = {
      wave: 'plants',
      scale: { min: 1, max: 5, labels: Object.fromEntries(LABELS.map((label, i) => [label, i + 1])), missing: {} },
      sources: allShapes.map(sourceCodebook),
    };
    const config: Partial<WaveConfig> = {
      wave: 'plants',
      title: 'Personal-data plants',
      reportDate: '2022-12-01',
      sources: allShapes.map((shape) => ({ id: shape.id, file: shape.file, population: shape.population })),
      codebook: 'codebook.json',
      regionScheme: 'un-m49-region',
      quality: { dropDuplicates: false, minProgress: 0, speederFraction: 0, straightLineMinItems: 0, minAnsweredItems: 1 },
      analysis: { ipaCrosshair: 'grand-mean', bootstrapReplicates: 20, seed: 7, weightCap: 5 },
    };
    writeFileSync(join(waveDir, 'codebook.json'), JSON.stringify(codebook, null, 1));
    writeFileSync(join(waveDir, 'wave.json'), JSON.stringify(config, null, 1));
    outcome = await runCommand({ config: join(waveDir, 'wave.json'), out, log: (line) => log.push(line) });
  }, 300_000);

  it('runs every stage over all eleven exports, each read as its tool', () => {
    expect(outcome.stages.map((stage) => stage.ran)).toEqual([true, true, true, true]);
    for (const shape of allShapes) {
      const meta = JSON.parse(readFileSync(join(out, 'plants', 'ingested', `${shape.id}.meta.json`), 'utf8'));
      expect([shape.id, meta.format, meta.rowCount]).toEqual([shape.id, shape.format, ROWS]);
    }
  });

  it('drops each planted column with its reason, and keeps only what the codebook names', () => {
    const summary = JSON.parse(readFileSync(join(out, 'plants', 'quality', 'summary.json'), 'utf8'));
    for (const shape of allShapes) {
      const meta = JSON.parse(readFileSync(join(out, 'plants', 'ingested', `${shape.id}.meta.json`), 'utf8'));
      const expected = shape.columns.filter((column) => column.dropped).map((column) => ({ column: column.key, reason: column.dropped }));
      expect(meta.droppedColumns, shape.id).toEqual(expected);
      expect(meta.columns.map((column: { key: string }) => column.key), shape.id).toEqual(shape.columns.filter((column) => column.role).map((column) => column.key));
      const perSource = summary.perSource.find((source: { sourceFile: string }) => source.sourceFile.endsWith(`/${shape.file}`));
      expect(perSource.droppedColumns, shape.id).toEqual(expected);
    }
  });

  it('keeps the free text the codebook names, with phones, e-mails and IPs redacted and years left alone', () => {
    for (const shape of allShapes) {
      const meta = JSON.parse(readFileSync(join(out, 'plants', 'ingested', `${shape.id}.meta.json`), 'utf8'));
      const textIndex = meta.columns.findIndex((column: { key: string }) => column.key === sourceCodebook(shape).keepText![0]);
      const width = meta.columns.length + (meta.droppedTextMarker ? 1 : 0);
      const table = readColumnarCacheTable(join(out, 'plants', 'ingested', `${shape.id}.cols`), width, meta.rowCount);
      const texts = Array.from({ length: table.rowCount }, (_, r) => cellText(table.cells[textIndex], r));
      texts.forEach((text, r) => {
        const ip = r % 2 === 0 ? 'ip address' : 'ip address';
        expect(text, `${shape.id} row ${r}`).toBe(`Ring me on [phone removed] or write to [email removed] (sent from [${ip} removed]). Between 2019-2022 we rated 4 of 5 and hired 12 graduates.`);
      });
    }
  });

  it('finds no planted value in any file under out/ (raw bytes), in the log, or in the PDF text', async () => {
    const files = filesUnder(join(out, 'plants'));
    expect(files.some((file) => file.endsWith('.cols'))).toBe(true);
    expect(files.some((file) => file.endsWith('report.pdf'))).toBe(true);
    expect(files.some((file) => file.endsWith('.png'))).toBe(true);
    const terms = searchTerms();
    const leaks: string[] = [];
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const term of terms) if (bytes.includes(Buffer.from(term, 'utf8'))) leaks.push(`${file.slice(out.length)}: ${term}`);
    }
    const pdf = await readPdf(readFileSync(join(out, 'plants', 'report.pdf')));
    const pdfText = pdf.text.replace(/\s+/g, ' ');
    for (const term of terms) if (pdfText.includes(term) || pdf.text.includes(term)) leaks.push(`report.pdf text: ${term}`);
    const logText = log.join('\n');
    for (const term of terms) if (logText.includes(term)) leaks.push(`log: ${term}`);
    expect(leaks).toEqual([]);
    // The search would have found them: the exports hold every term.
    const exportBytes = Buffer.concat(allShapes.filter((shape) => shape.writer !== 'xlsx').map((shape) => readFileSync(join(waveDir, shape.file))));
    for (const term of terms.filter((term) => !/^\d+$/.test(term))) expect(exportBytes.includes(Buffer.from(term, 'utf8')), term).toBe(true);
    // The report's data-quality appendix lists the dropped columns by name.
    expect(pdfText).toContain('Columns dropped at ingest');
    expect(pdfText).toContain('personal data (content)');
  });

  it('redacted values in mapped cells reach warnings only as placeholders', () => {
    const manifest = readFileSync(join(out, 'plants', 'manifest.json'), 'utf8');
    expect(manifest).toContain('[email removed]');
    expect(manifest).toContain('[phone removed]');
  });
});
