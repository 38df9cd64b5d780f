/**
 * Damaged worksheets stop the read naming the worksheet and row, instead of losing rows quietly
 * (issue 12): an unclosed row, rows repeated or out of order, a worksheet cut short, a cell
 * pointing at a shared string the workbook lacks, XML the parser rejects.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { streamXlsxRecords } from '../../../stages/ingest/read-xlsx.ts';
import { ValidationError } from '../../../contracts/errors.ts';
import { writeZip } from '../../../tools/fuzz/zip-entries.ts';

const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const sharedStrings = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${main}" count="2" uniqueCount="2"><si><t>id</t></si><si><t>rating</t></si></sst>`;

function workbook(sheetData: string, parts: { sharedStrings?: string; workbookPr?: string; styles?: string } = {}): string {
  const path = join(mkdtempSync(join(tmpdir(), 'skillgap-xlsx-damaged-')), 'book.xlsx');
  writeFileSync(path, writeZip([
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${relationships}">${parts.workbookPr ?? ''}<sheets><sheet name="Responses" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="${relationships}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`],
    ['xl/sharedStrings.xml', parts.sharedStrings ?? sharedStrings],
    ...(parts.styles ? [['xl/styles.xml', parts.styles] as [string, string]] : []),
    ['xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}">${sheetData}`],
  ], { stored: true }));
  return path;
}

const header = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>';
const dataRow = (r: number) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>3</v></c></row>`;

async function failure(sheetData: string, parts: Parameters<typeof workbook>[1] = {}): Promise<string> {
  const path = workbook(sheetData, parts);
  const error = await streamXlsxRecords(path, 'book.xlsx', () => {}).then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ValidationError);
  const message = (error as ValidationError).message;
  expect(message).not.toMatch(/\n\s+at /);
  return message;
}

describe('damaged worksheets', () => {
  it('reads the intact workbook', async () => {
    const records: string[][] = [];
    await streamXlsxRecords(workbook(`<sheetData>${header}${dataRow(2)}${dataRow(3)}</sheetData></worksheet>`), 'book.xlsx', (batch) => records.push(...batch));
    expect(records).toEqual([['id', 'rating'], ['2', '3'], ['3', '3']]);
  });

  it('an unclosed row (the XML parser finds it first, at its line and column)', async () => {
    expect(await failure(`<sheetData>${header}${dataRow(2).replace('</row>', '')}${dataRow(3)}</sheetData></worksheet>`)).toMatch(
      /^book\.xlsx: the Excel workbook cannot be read in worksheet "Responses" \(xl\/worksheets\/sheet1\.xml\) \(XML line 1, column \d+: unexpected close tag/,
    );
  });

  it('a repeated or backwards row number', async () => {
    expect(await failure(`<sheetData>${header}${dataRow(3)}${dataRow(2)}</sheetData></worksheet>`)).toContain('row 2 comes after row 3: rows are repeated or out of order');
  });

  it('a worksheet cut after a row, and one cut inside a row', async () => {
    expect(await failure(`<sheetData>${header}${dataRow(2)}`)).toContain('the worksheet XML ends before its last row (no </sheetData>)');
    const inside = await failure(`<sheetData>${header}${dataRow(2).slice(0, 30)}`);
    expect(inside).toMatch(/book\.xlsx, row 2: .*worksheet "Responses"/);
  });

  it('a cell pointing at a missing shared string', async () => {
    expect(await failure(`<sheetData>${header}<row r="2"><c r="A2" t="s"><v>7</v></c></row></sheetData></worksheet>`)).toContain('a cell refers to shared string "7", but the workbook has 2');
  });

  it('XML the parser rejects: the worksheet, the row and the XML line and column', async () => {
    expect(await failure(`<sheetData>${header}<row r="2"><c r="A2" =><v>1</v></c></row></sheetData></worksheet>`)).toMatch(
      /book\.xlsx: the Excel workbook cannot be read in worksheet "Responses" \(xl\/worksheets\/sheet1\.xml\) \(XML line 1, column \d+: /,
    );
  });

  it('a shared-strings part cut short names the part (its strings would be missing)', async () => {
    const cut = sharedStrings.slice(0, sharedStrings.indexOf('</sst>'));
    expect(await failure(`<sheetData>${header}${dataRow(2)}</sheetData></worksheet>`, { sharedStrings: cut })).toMatch(
      /^book\.xlsx: the Excel workbook cannot be read in part xl\/sharedStrings\.xml \(XML line 1, column \d+: unclosed tag: sst/,
    );
  });
});

describe('cells the reader decodes itself', () => {
  const styles =
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${main}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/></numFmts>` +
    '<cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="46"/><xf numFmtId="49"/></cellXfs>' +
    '<dxfs count="1"><dxf><numFmt numFmtId="165" formatCode="yyyy"/></dxf></dxfs></styleSheet>';

  async function read(sheetData: string, parts: { workbookPr?: string } = {}): Promise<string[][]> {
    const records: string[][] = [];
    await streamXlsxRecords(workbook(`<sheetData>${header}${sheetData}</sheetData></worksheet>`, { ...parts, styles }), 'book.xlsx', (batch) => records.push(...batch));
    return records.slice(1);
  }

  it('dates by number format: custom (backslash escapes), built-in elapsed time; text format and no style stay numbers', async () => {
    // 45000 = 2023-03-15 in the 1900 date system (Excel: =DATE(2023,3,15) → 45000); 1.5 days = 36:00:00 elapsed.
    expect(await read('<row r="2"><c r="A2" s="1"><v>45000</v></c><c r="B2" s="2"><v>1.5</v></c></row><row r="3"><c r="A3" s="3"><v>45000</v></c><c r="B3"><v>45000.25</v></c></row>')).toEqual([
      ['2023-03-15', '1899-12-31T12:00:00'],
      ['45000', '45000.25'],
    ]);
  });

  it('the 1904 date system written as date1904="true" as well as "1"', async () => {
    // 45000 days after 1904-01-01 = 2027-03-16 (1462 days later than the 1900 system).
    for (const flag of ['1', 'true']) {
      expect(await read('<row r="2"><c r="A2" s="1"><v>45000</v></c></row>', { workbookPr: `<workbookPr date1904="${flag}"/>` })).toEqual([['2027-03-16', '']]);
    }
  });

  it('a string formula result holding an escaped entity keeps it as typed (decoded once)', async () => {
    expect(await read('<row r="2"><c r="A2" t="str"><f>"&amp;lt;"</f><v>&amp;lt; &lt;b&gt;</v></c></row>')).toEqual([['&lt; <b>', '']]);
  });
});
