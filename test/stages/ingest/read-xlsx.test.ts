/**
 * The streaming XLSX reader against the whole-workbook reader it replaced (kept as the oracle in
 * xlsx-whole-workbook-oracle.ts): same records, same worksheet row numbers, same cell text,
 * handed on in batches; plus the one place they differ by design (a row wider than the first
 * batch, which streaming cannot know about in advance).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../contracts/errors.ts';
import { readExport } from '../../../stages/ingest/read-export.ts';
import { streamXlsxRecords, XLSX_BATCH_ROWS } from '../../../stages/ingest/read-xlsx.ts';
import { readXlsxRecordsWhole } from './xlsx-whole-workbook-oracle.ts';
import { writeStoredZip } from './xlsx-handmade-zip.ts';

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

  // Styles last, right after the worksheet (exceljs's streaming WorkbookReader sometimes dropped that entry), or not last.
  it.each([
    ['styles.xml last', false],
    ['styles.xml before docProps', true],
  ])('hand-written parts, %s: shared and inline rich text, _x000D_, phonetic runs, typed formulas, built-in date format, shared formulas', async (_, trailingEntry) => {
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const path = join(tempDir(), 'handmade.xlsx');
    writeStoredZip(path, [
      [
        '[Content_Types].xml',
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
      ],
      ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
      ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${relationships}"><sheets><sheet name="Antworten" sheetId="1" r:id="rId1"/></sheets></workbook>`],
      [
        'xl/_rels/workbook.xml.rels',
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/worksheet" Target="worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${relationships}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${relationships}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ],
      [
        'xl/sharedStrings.xml',
        `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${main}" count="5" uniqueCount="5"><si><t>Zeitstempel</t></si><si><t>Frage</t></si>` +
          '<si><t xml:space="preserve">Zeile eins_x000D_\nZeile zwei</t></si><si><r><t xml:space="preserve">fett </t></r><r><rPr><b/></rPr><t>normal</t></r></si>' +
          '<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh></si></sst>',
      ],
      [
        'xl/worksheets/sheet1.xml',
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}"><dimension ref="A1:E6"/><sheetData>` +
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Kommentar</t></is></c><c r="D1" t="str"><f>"For"&amp;"mel"</f><v>Formel</v></c></row>' +
          '<row r="2"><c r="A2" s="2"><v>43812.501759259</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="inlineStr"><is><r><t xml:space="preserve">ein </t></r><r><rPr><i/></rPr><t>zwei</t></r></is></c><c r="D2" t="b"><f>TRUE()</f><v>1</v></c></row>' +
          '<row r="3"><c r="A3" s="1"><v>43813</v></c><c r="B3" t="s"><v>3</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' +
          '<row r="5"><c r="A5" s="1"><f>A3+1</f><v>43814</v></c><c r="B5" t="s"><v>4</v></c><c r="C5" t="b"><v>0</v></c><c r="D5"><f t="shared" ref="D5:D6" si="0">1+1</f><v>2</v></c><c r="E5" s="1"/></row>' +
          '<row r="6"><c r="D6"><f t="shared" si="0"/><v>3</v></c></row></sheetData></worksheet>',
      ],
      [
        'xl/styles.xml',
        `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${main}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>` +
          '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>' +
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
          '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
      ],
      ...(trailingEntry ? [['docProps/core.xml', '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"/>'] as [string, string]] : []),
    ]);
    const whole = await readXlsxRecordsWhole(path, path);
    const streamed = await streamAll(path);
    expect(streamed.records).toEqual(whole.records);
    expect(streamed.recordNumbers).toEqual(whole.recordNumbers);
    expect(streamed.sheetName).toBe('Antworten');
    expect(streamed.records).toEqual([
      ['Zeitstempel', 'Frage', 'Kommentar', 'Formel', ''],
      ['2019-12-13T12:02:32', 'Zeile eins\r\nZeile zwei', 'ein zwei', 'True', ''],
      ['2019-12-14', 'fett normal', '#N/A', '#DIV/0!', ''],
      ['', '', '', '', ''],
      ['2019-12-15', '漢字', 'False', '2', ''],
      ['', '', '', '3', ''],
    ]);
  });

  it('merged ranges: their other cells repeat the top-left text, also over missing rows and below the last row', async () => {
    const path = join(tempDir(), 'merged.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    sheet.getRow(1).values = ['Question one', null, 'Question two'];
    sheet.getRow(2).values = ['a', 'b', 'c'];
    sheet.getRow(3).values = ['group x', 1, 2];
    sheet.getRow(6).values = ['y', 3, 4];
    sheet.mergeCells('A1:B1');
    sheet.mergeCells('A3:A5');
    sheet.mergeCells('C6:D8');
    await workbook.xlsx.writeFile(path);
    const whole = await readXlsxRecordsWhole(path, path);
    const streamed = await streamAll(path);
    expect(streamed.records).toEqual(whole.records);
    expect(streamed.recordNumbers).toEqual(whole.recordNumbers);
    expect(streamed.records[0]).toEqual(['Question one', 'Question one', 'Question two', '']);
    expect(streamed.records.map((record) => record[0])).toEqual(['Question one', 'a', 'group x', 'group x', 'group x', 'y', '', '']);
    expect(streamed.records[7]).toEqual(['', '', '4', '4']);
  });

  it('the 1904 date system (workbookPr date1904, old Mac Excel) shifts serial days by 1462', async () => {
    const path = join(tempDir(), 'mac.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet('S');
    sheet.addRow(['when', 'n']);
    sheet.addRow([new Date(Date.UTC(2021, 4, 6, 8, 30)), 1]);
    sheet.getCell('A2').numFmt = 'yyyy-mm-dd hh:mm';
    await workbook.xlsx.writeFile(path);
    const streamed = await streamAll(path);
    expect(streamed.records).toEqual((await readXlsxRecordsWhole(path, path)).records);
    expect(streamed.records[1]).toEqual(['2021-05-06T08:30:00', '1']);
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
