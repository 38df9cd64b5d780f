import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { validateCommand } from '../../commands/validate-command.ts';
import { REPO_ROOT } from '../../runner/context.ts';
import { ValidationError } from '../../contracts/errors.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const wave2023 = join(REPO_ROOT, 'data', 'raw', '2023');
const FILES = ['wave.json', 'codebook.json', 'industry-qualtrics.csv', 'education-limesurvey.csv'];

/** Data records of a CSV counted independently of ingest (papaparse, minus the header rows). */
function dataRecordCount(file: string, headerRows: number): number {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<string[]>(text, { skipEmptyLines: false }).data.filter((record) => !(record.length === 1 && record[0] === '')).length - headerRows;
}

/** A copy of the 2023 wave in a temp folder, with the Qualtrics export passed through `edit`. */
function copyWave(dir: string, name: string, edit?: (records: string[][]) => void): string {
  const target = join(dir, name);
  mkdirSync(target, { recursive: true });
  for (const file of FILES) copyFileSync(join(wave2023, file), join(target, file));
  if (edit) {
    const text = readFileSync(join(wave2023, 'industry-qualtrics.csv'), 'utf8').replace(/^\uFEFF/, '');
    const records = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    edit(records);
    writeFileSync(join(target, 'industry-qualtrics.csv'), '\uFEFF' + Papa.unparse(records, { newline: '\r\n' }));
  }
  return join(target, 'wave.json');
}

describe.skipIf(!existsSync(wave2023))('validateCommand', () => {
  const dir = useTempDir();

  it('passes the 2023 sample wave with the right counts', async () => {
    const lines: string[] = [];
    const report = await validateCommand({ wave: '2023', log: (line) => lines.push(line) });
    expect(report.wave).toBe('2023');
    const [industry, education] = report.files;
    expect(industry).toMatchObject({ sourceId: 'industry-qualtrics', usable: true, format: 'qualtrics', headerRows: 3, problems: [] });
    expect(industry.dataRows).toBe(dataRecordCount(join(wave2023, 'industry-qualtrics.csv'), 3));
    expect(industry.droppedPersonalColumns).toEqual(['IPAddress', 'RecipientLastName', 'RecipientFirstName', 'RecipientEmail', 'ExternalReference', 'LocationLatitude', 'LocationLongitude']);
    expect(industry.codebook).toMatchObject({ itemsFound: 52, itemsInCodebook: 52, missingItems: [], unmappedRatingColumns: [], unmappedBatteries: [], unknownLabels: [], outOfRange: [] });
    expect(education).toMatchObject({ sourceId: 'education-limesurvey', usable: true, format: 'limesurvey', headerRows: 1, droppedPersonalColumns: ['ipaddr', 'refurl'] });
    // Data minimisation: what a run would keep (the codebook's columns) and drop (the rest, with reasons).
    expect(industry.keptColumns).toHaveLength(7 + 52 + 1);
    expect(industry.keptColumns!.at(-1)).toBe('Q5'); // the open question, kept by the codebook's keepText
    expect(industry.keptColumns!.slice(0, 7)).toEqual(['Status', 'Progress', 'Duration (in seconds)', 'Finished', 'ResponseId', 'Q1', 'Q2']);
    expect(industry.droppedColumns!.filter((column) => column.reason === 'not_in_codebook').map((column) => column.column)).toEqual(['StartDate', 'EndDate', 'RecordedDate', 'DistributionChannel', 'UserLanguage']);
    expect(industry.droppedColumns!.filter((column) => column.reason === 'personal_data_header')).toHaveLength(7);
    expect(education.droppedColumns).toEqual([
      { column: 'ipaddr', reason: 'personal_data_header' }, { column: 'refurl', reason: 'personal_data_header' },
      ...['lastpage', 'startlanguage', 'seed', 'startdate', 'datestamp'].map((column) => ({ column, reason: 'not_in_codebook' })),
    ]);
    expect(lines.join('\n')).toContain('a run would drop 7 column(s): personal data by name: 2 (ipaddr, refurl); not in the codebook');
    expect(education.dataRows).toBe(dataRecordCount(join(wave2023, 'education-limesurvey.csv'), 1));
    expect(education.codebook).toMatchObject({ itemsFound: 52, unknownLabels: [], outOfRange: [], unmappedRatingColumns: [] });
    expect(lines.at(-1)).toBe('2 file(s) can be used');
    expect(lines.join('\n')).toContain('format qualtrics (record 3 holds');
  });

  it('exits with a ValidationError naming the file and the column when a required column is renamed', async () => {
    const config = copyWave(dir, 'renamed', (records) => {
      records[0] = records[0].map((key) => (key === 'ResponseId' ? 'RespId' : key));
    });
    const lines: string[] = [];
    const error = await validateCommand({ config, log: (line) => lines.push(line) }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ValidationError);
    const problems = (error as ValidationError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0].where).toEqual({ file: join(dir, 'renamed', 'industry-qualtrics.csv'), column: 'ResponseId' });
    expect(problems[0].message).toContain('respondent id column');
    expect((error as ValidationError).message).toContain('industry-qualtrics.csv, column "ResponseId"');
    // The good file is still reported: all files are checked before failing.
    expect(lines.some((line) => line.includes('education-limesurvey.csv: format limesurvey'))).toBe(true);
    expect(lines.at(-1)).toContain('1 of 2 file(s) cannot be used');
  });

  it('reports an unknown answer label and an out-of-range value with their rows, and still passes', async () => {
    const config = copyWave(dir, 'labels', (records) => {
      const column = records[0].indexOf('Q3_1');
      const other = records[0].indexOf('Q4_2');
      records[3][column] = 'Sehr wichtig'; // record 4: the first data row
      records[5][column] = 'Sehr wichtig';
      records[6][other] = '7';
    });
    const report = await validateCommand({ config, log: () => {} });
    const check = report.files[0].codebook!;
    expect(check.unknownLabels).toEqual([{ column: 'Q3_1', label: 'Sehr wichtig', count: 2, firstRows: [4, 6] }]);
    expect(check.outOfRange).toEqual([{ column: 'Q4_2', label: '7', count: 1, firstRows: [7] }]);
    expect(report.files[0].warnings.some((warning) => warning.includes('unknown answer label "Sehr wichtig" in 2 cell(s) (rows 4, 6)'))).toBe(true);
  });

  it('checks single files for format and structure only, and against the best-fitting codebook source with --wave', async () => {
    const alone = await validateCommand({ inputs: [join(wave2023, 'industry-qualtrics.csv')], log: () => {} });
    expect(alone.wave).toBeUndefined();
    expect(alone.files[0]).toMatchObject({ format: 'qualtrics', usable: true });
    expect(alone.files[0].ratingLikeColumns).toHaveLength(52);
    const fitted = await validateCommand({ inputs: [join(REPO_ROOT, 'data', 'raw', '2022', 'education-limesurvey.csv')], wave: '2023', log: () => {} });
    expect(fitted.files[0].codebook).toMatchObject({ source: 'education-limesurvey', itemsFound: 52 });
  });

  it('reports a battery of columns on a scale it does not know (Introduced / Practised / Assessed / Mastered) that the codebook does not map', async () => {
    const levels = ['Introduced', 'Practised', 'Assessed', 'Mastered'];
    const config = copyWave(dir, 'battery', (records) => {
      const header = records[0].length;
      records.forEach((record, i) => {
        if (record.length !== header) return;
        // Qualtrics: three header rows (codes, question text, ImportId), then data.
        const cells = i === 0 ? ['Q9_1', 'Q9_2', 'Q9_3'] : i === 1 ? ['Depth - Forensics', 'Depth - Crypto', 'Depth - Cloud'] : i === 2 ? ['{"ImportId":"QID9_1"}', '{"ImportId":"QID9_2"}', '{"ImportId":"QID9_3"}'] : [0, 1, 2].map((k) => levels[(i + k) % 4]);
        record.push(...cells);
      });
    });
    const lines: string[] = [];
    const report = await validateCommand({ config, log: (line) => lines.push(line) });
    const industry = report.files[0];
    expect(industry.codebook!.unmappedBatteries).toEqual([{ labels: expect.arrayContaining(levels), columns: ['Q9_1', 'Q9_2', 'Q9_3'] }]);
    expect(industry.codebook!.unmappedBatteries[0].labels).toHaveLength(4);
    const warning = lines.find((line) => line.includes('like a rating grid'));
    expect(warning).toMatch(/3 column\(s\) share the answers ".*" \/ ".*" \/ ".*" \/ ".*" like a rating grid, but the codebook maps none of them: "Q9_1", "Q9_2", "Q9_3"/);
    // Structure-only mode lists them as rating-like too.
    const single = await validateCommand({ inputs: [join(dir, 'battery', 'industry-qualtrics.csv')], log: () => {} });
    expect(single.files[0].ratingLikeColumns).toEqual(expect.arrayContaining(['Q9_1', 'Q9_2', 'Q9_3']));
  });

  it('names an unreadable input file and exits with ValidationError', async () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const error = await validateCommand({ inputs: [empty], log: () => {} }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems[0].where.file).toBe(empty);
  });
});
