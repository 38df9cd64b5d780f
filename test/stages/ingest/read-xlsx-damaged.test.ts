/**
 * Damaged worksheets stop the read naming the worksheet and row, instead of losing rows quietly
 * (issue 12): an unclosed row, rows repeated or out of order, a worksheet cut short, a cell
 * pointing at a shared string the workbook lacks, XML the parser rejects.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { streamXlsxRecords } from '../../../stages/ingest/read-xlsx.ts';
import { ValidationError } from '../../../contracts/errors.ts';
import { writeStoredZip } from './xlsx-handmade-zip.ts';

const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function workbook(sheetData: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'skillgap-xlsx-damaged-')), 'book.xlsx');
  writeStoredZip(path, [
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${relationships}"><sheets><sheet name="Responses" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="${relationships}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`],
    ['xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${main}" count="2" uniqueCount="2"><si><t>id</t></si><si><t>rating</t></si></sst>`],
    ['xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}">${sheetData}`],
  ]);
  return path;
}

const header = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>';
const dataRow = (r: number) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>3</v></c></row>`;

async function failure(sheetData: string): Promise<string> {
  const path = workbook(sheetData);
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
});
