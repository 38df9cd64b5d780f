/**
 * The streaming XLSX reader against the whole-workbook reader it replaced (kept as
 * `readXlsxRecordsWhole`, the oracle here): same records, same worksheet row numbers, same cell
 * text, handed on in batches; plus the one place they differ by design (a row wider than the
 * first batch, which streaming cannot know about in advance).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../pipeline/errors.ts';
import { readExport } from '../../pipeline/ingest/read-export.ts';
import { readXlsxRecordsWhole, streamXlsxRecords, XLSX_BATCH_ROWS } from '../../pipeline/ingest/read-xlsx.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'skillgap-xlsx-'));

async function streamAll(path: string) {
  const records: string[][] = [];
  const recordNumbers: number[] = [];
  const batchSizes: number[] = [];
  const { sheetName } = await streamXlsxRecords(path, path, (batch, numbers) => {
    batchSizes.push(batch.length);
    records.push(...batch);
    recordNumbers.push(...numbers);
  });
  return { sheetName, records, recordNumbers, batchSizes };
}

async function expectValidationError(promise: Promise<unknown>, pattern: RegExp): Promise<ValidationError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).message).toMatch(pattern);
  expect((error as ValidationError).message).not.toMatch(/\n\s+at /);
  return error as ValidationError;
}

describe('streamXlsxRecords: cell text as the whole-workbook reader gave it', () => {
  it('strings, numbers, booleans, dates, formulas (number, boolean, error, string, date), rich text, hyperlinks, errors, gaps', async () => {
    const path = join(tempDir(), 'cells.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Responses');
    sheet.addRow(['Timestamp', 'Name', 'Rating', 'Agree', 'Formula', 'Link', 'Note']);
    const stamp = sheet.getRow(2);
    stamp.values = [new Date(Date.UTC(2019, 11, 13, 12, 2, 32)), 'Zoë 日本', 3.5, true, { formula: '1+1', result: 2 }, { text: 'site', hyperlink: 'https://example.org' }, { richText: [{ text: 'bold ' }, { text: 'plain' }] }];
    stamp.getCell(1).numFmt = 'yyyy-mm-dd hh:mm:ss';
    const third = sheet.getRow(3);
    third.values = [new Date(Date.UTC(2020, 0, 2)), 'line one\r\nline two', 42, false, { formula: 'A1=A1', result: true }, { error: '#DIV/0!' }, { formula: 'NA()', result: { error: '#N/A' } }];
    third.getCell(1).numFmt = 'yyyy-mm-dd';
    // Row 4 absent: a blank row inside the data. Row 5: a string formula and a dated formula.
    const fifth = sheet.getRow(5);
    fifth.values = [null, { formula: '"a"&"b"', result: 'ab' }, { formula: 'A3+1', result: new Date(Date.UTC(2020, 0, 3)) }];
    fifth.getCell(3).numFmt = 'yyyy-mm-dd';
    await workbook.xlsx.writeFile(path);

    const whole = await readXlsxRecordsWhole(path, path);
    const streamed = await streamAll(path);
    expect(streamed.records).toEqual(whole.records);
    expect(streamed.recordNumbers).toEqual(whole.recordNumbers);
    expect(streamed.sheetName).toBe('Responses');
    expect(streamed.recordNumbers).toEqual([1, 2, 3, 4, 5]);
    expect(streamed.records[1]).toEqual(['2019-12-13T12:02:32', 'Zoë 日本', '3.5', 'True', '2', 'site', 'bold plain']);
    // XML parsing turns the CR LF exceljs writes into LF, in both readers (XML 1.0 §2.11).
    expect(streamed.records[2]).toEqual(['2020-01-02', 'line one\nline two', '42', 'False', 'True', '#DIV/0!', '#N/A']);
    expect(streamed.records[3]).toEqual(['', '', '', '', '', '', '']);
    expect(streamed.records[4]).toEqual(['', 'ab', '2020-01-03', '', '', '', '']);
  });

  it('inline strings (no shared strings part), as the streaming writer writes them', async () => {
    const path = join(tempDir(), 'inline.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
    const sheet = writer.addWorksheet('Sheet1');
    sheet.addRow(['id', 'comment']).commit();
    sheet.addRow([1, 'café & <tags>']).commit();
    sheet.addRow([2, null]).commit();
    sheet.commit();
    await writer.commit();
    const whole = await readXlsxRecordsWhole(path, path);
    const streamed = await streamAll(path);
    expect(streamed.records).toEqual(whole.records);
    expect(streamed.records).toEqual([['id', 'comment'], ['1', 'café & <tags>'], ['2', '']]);
  });

  it('skips a first worksheet without values, and refuses a workbook with none', async () => {
    const dir = tempDir();
    const withSecond = join(dir, 'second.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Empty').getCell('B2').numFmt = '0.00';
    const data = workbook.addWorksheet('Data');
    data.addRow(['a', 'b']);
    data.addRow(['1', '2']);
    await workbook.xlsx.writeFile(withSecond);
    const streamed = await streamAll(withSecond);
    expect(streamed.sheetName).toBe('Data');
    expect(streamed.records).toEqual([['a', 'b'], ['1', '2']]);

    const noData = join(dir, 'none.xlsx');
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Empty').getCell('A1').numFmt = '0.00';
    await empty.xlsx.writeFile(noData);
    const error = await expectValidationError(streamXlsxRecords(noData, noData, () => {}), /no worksheet with data/);
    expect(error.problems[0].where.file).toBe(noData);
  });

  it('a truncated workbook is a ValidationError without a stack trace', async () => {
    const dir = tempDir();
    const path = join(dir, 'good.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('S').addRow(['a', 'b']);
    await workbook.xlsx.writeFile(path);
    const truncated = join(dir, 'truncated.xlsx');
    const bytes = readFileSync(path);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectValidationError(readExport({ path: truncated, sourceId: 't' }), /Excel workbook cannot be read/);
  });

  it('errors of the consumer pass through unchanged', async () => {
    const path = join(tempDir(), 'consumer.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('S').addRow(['a', 'b']);
    await workbook.xlsx.writeFile(path);
    const mine = new ValidationError('from the consumer', { file: path });
    await expect(
      streamXlsxRecords(path, path, () => {
        throw mine;
      }),
    ).rejects.toBe(mine);
  });
});

describe('streamXlsxRecords at scale', () => {
  it('50,000 rows: the same records as the whole-workbook reader, in batches, with non-ASCII text across chunk boundaries', async () => {
    const path = join(tempDir(), 'large.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
    const sheet = writer.addWorksheet('Form Responses 1');
    sheet.addRow(['Timestamp', 'Región', 'Nivel', 'Puntuación', 'Comentario']).commit();
    const labels = ['Nada', 'Poco', 'Bastante', 'Mucho', 'Muchísimo'];
    for (let index = 0; index < 50_000; index++) {
      if (index % 9_999 === 0) continue; // a few missing rows: blank rows inside the data
      const row = sheet.getRow(index + 2);
      row.values = [new Date(Date.UTC(2024, 0, 1) + index * 61_000), `Región ${index % 17} — ñandú`, labels[index % 5], (index % 7) / 2, index % 13 === 0 ? `comentario único ${index} 日本語` : null];
      row.getCell(1).numFmt = 'dd/mm/yyyy hh:mm:ss';
      row.commit();
    }
    sheet.commit();
    await writer.commit();

    const whole = await readXlsxRecordsWhole(path, path);
    const streamed = await streamAll(path);
    expect(streamed.records.length).toBe(50_001);
    expect(streamed.records).toEqual(whole.records);
    expect(streamed.recordNumbers).toEqual(whole.recordNumbers);
    expect(Math.max(...streamed.batchSizes)).toBe(XLSX_BATCH_ROWS);
    expect(streamed.batchSizes.length).toBe(Math.ceil(50_001 / XLSX_BATCH_ROWS));
    expect(streamed.records[2]).toEqual(['2024-01-01T00:01:01', 'Región 1 — ñandú', 'Poco', '0.5', '']);
    expect(streamed.records[1]).toEqual(['', '', '', '', '']);

    const table = await readExport({ path, sourceId: 'large' });
    expect(table.format).toBe('google-forms');
    expect(table.rows.length).toBe(50_000);
    expect(table.sourceRows[0]).toBe(2);
    expect(table.sourceRows.at(-1)).toBe(50_001);
  }, 120_000);

  it('a row wider than the header: inside the first batch it widens the sheet as before; after it, it is reported as ragged', async () => {
    const dir = tempDir();
    const build = async (name: string, wideRow: number) => {
      const path = join(dir, name);
      const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
      const sheet = writer.addWorksheet('S');
      sheet.addRow(['id', 'rating', 'comment']).commit();
      for (let index = 1; index <= 6_000; index++) {
        const values: (string | number | null)[] = [index, index % 5, 'ok'];
        if (index + 1 === wideRow) values.push(null, 'extra');
        sheet.addRow(values).commit();
      }
      sheet.commit();
      await writer.commit();
      return path;
    };

    const early = await build('early.xlsx', 10);
    const earlyWhole = await readXlsxRecordsWhole(early, early);
    const earlyStreamed = await streamAll(early);
    expect(earlyStreamed.records).toEqual(earlyWhole.records);
    expect(earlyStreamed.records[0]).toEqual(['id', 'rating', 'comment', '', '']);
    expect(earlyStreamed.records[9]).toEqual(['9', '4', 'ok', '', 'extra']);

    const late = await build('late.xlsx', 5_500);
    const lateStreamed = await streamAll(late);
    expect(lateStreamed.records[0]).toEqual(['id', 'rating', 'comment']);
    expect(lateStreamed.records[5_499]).toEqual(['5499', '4', 'ok', '', 'extra']);
    expect(lateStreamed.records[5_500]).toEqual(['5500', '0', 'ok']);
    const table = await readExport({ path: late, sourceId: 'late' });
    expect(table.columns.map((column) => column.key)).toEqual(['id', 'rating', 'comment']);
    expect(table.rows[5_498]).toEqual(['5499', '4', 'ok']);
    expect(table.warnings.some((warning) => warning.includes('row 5500: row has 5 fields but the header has 3'))).toBe(true);
  }, 60_000);
});
