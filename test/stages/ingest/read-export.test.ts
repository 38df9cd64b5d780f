import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readExport, streamExport } from '../../../stages/ingest/read-export.ts';
import { ValidationError } from '../../../contracts/errors.ts';
import { cell, tempFile } from './fixture-helpers.ts';

const GENERIC = 'id,country,rating\n1,Türkiye,4\n2,Côte d’Ivoire,5\n';

async function expectValidationError(promise: Promise<unknown>, pattern: RegExp): Promise<ValidationError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).message).toMatch(pattern);
  return error as ValidationError;
}

describe('readExport encodings', () => {
  it('UTF-8 with BOM', async () => {
    const table = await readExport({ path: tempFile('a.csv', '\uFEFF' + GENERIC), sourceId: 'a' });
    expect(table.encoding).toBe('utf-8 (BOM)');
    expect(table.columns[0].key).toBe('id');
    expect(cell(table, 0, 'country')).toBe('Türkiye');
  });

  it('UTF-16LE with BOM, tab-separated (Excel "Unicode text")', async () => {
    const bytes = iconv.encode(GENERIC.replaceAll(',', '\t').replaceAll('\n', '\r\n'), 'utf-16le', { addBOM: true });
    const table = await readExport({ path: tempFile('u.txt', bytes), sourceId: 'u' });
    expect(table.encoding).toBe('utf-16le (BOM)');
    expect(table.delimiter).toBe('\t');
    expect(table.rows).toEqual([['1', 'Türkiye', '4'], ['2', 'Côte d’Ivoire', '5']]);
  });

  it('UTF-16BE with BOM', async () => {
    const bytes = iconv.encode(GENERIC, 'utf-16be', { addBOM: true });
    const table = await readExport({ path: tempFile('b.csv', bytes), sourceId: 'b' });
    expect(table.encoding).toBe('utf-16be (BOM)');
    expect(cell(table, 1, 'country')).toBe('Côte d’Ivoire');
  });

  it('Windows-1252 when the bytes are not valid UTF-8, with a warning naming the offset', async () => {
    const bytes = iconv.encode('id;pays;note\n1;Côte d’Ivoire;4\n', 'windows-1252');
    const table = await readExport({ path: tempFile('w.csv', bytes), sourceId: 'w' });
    expect(table.encoding).toBe('windows-1252');
    expect(table.delimiter).toBe(';');
    expect(cell(table, 0, 'pays')).toBe('Côte d’Ivoire');
    expect(table.warnings[0]).toBe('the file is not valid UTF-8 (first invalid byte at offset 16); it was decoded as Windows-1252');
  });
});

describe('readExport shapes', () => {
  it('quoted newlines, CRLF, blank rows kept, ragged rows reported, record numbers', async () => {
    const text = 'id,comment,rating\r\n1,"line one\r\nline two",4\r\n\r\n2,short\r\n,,\r\n3,x,5,extra\r\n';
    const table = await readExport({ path: tempFile('s.csv', text), sourceId: 's' });
    expect(table.rows).toEqual([
      ['1', 'line one\r\nline two', '4'],
      ['', '', ''],
      ['2', 'short', ''],
      ['', '', ''],
      ['3', 'x', '5'],
    ]);
    expect(table.sourceRows).toEqual([2, 3, 4, 5, 6]);
    expect(table.warnings).toEqual([
      expect.stringMatching(/s\.csv, row 4: row has 2 fields but the header has 3: missing cells were read as empty$/),
      expect.stringMatching(/row 6: row has 4 fields but the header has 3: the extra non-empty cells were not read$/),
    ]);
  });

  it('streamExport hands rows over in batches and returns the rest', async () => {
    const lines = ['id,rating', ...Array.from({ length: 250 }, (_, index) => `${index + 1},${index % 5}`)];
    const batches: number[] = [];
    const seen: number[] = [];
    const meta = await streamExport({ path: tempFile('big.csv', lines.join('\n')), sourceId: 'big' }, (rows, sourceRows) => {
      batches.push(rows.length);
      seen.push(...sourceRows);
    });
    expect(meta.dataRowCount).toBe(250);
    expect(seen).toEqual(Array.from({ length: 250 }, (_, index) => index + 2));
    expect('rows' in meta).toBe(false);
  });
});

describe('readExport bad input', () => {
  it('missing file', async () => {
    const error = await expectValidationError(readExport({ path: '/nonexistent/x.csv', sourceId: 'x' }), /file not found/);
    expect(error.problems[0].where.file).toBe('/nonexistent/x.csv');
  });
  it('empty file and whitespace-only file', async () => {
    await expectValidationError(readExport({ path: tempFile('e.csv', ''), sourceId: 'e' }), /the file is empty/);
    await expectValidationError(readExport({ path: tempFile('e.csv', '\uFEFF\n\n'), sourceId: 'e' }), /the file is empty/);
  });
  it('header only', async () => {
    const error = await expectValidationError(readExport({ path: tempFile('h.csv', 'id,rating\n'), sourceId: 'h' }), /no data rows/);
    expect(error.problems[0].where.row).toBe(2);
  });
  it('Qualtrics header rows only', async () => {
    const text = 'Q1,Q2\nA?,B?\n"{""ImportId"":""QID1""}","{""ImportId"":""QID2""}"\n';
    await expectValidationError(readExport({ path: tempFile('q.csv', text), sourceId: 'q' }), /no data rows: the file holds only its 3 header row/);
  });
  it('unbalanced quote names the row', async () => {
    const error = await expectValidationError(readExport({ path: tempFile('q.csv', 'id,comment\n1,ok\n2,"never closed\n3,x\n'), sourceId: 'q' }), /quoted field is never closed/);
    expect(error.problems[0].where.row).toBe(3);
  });
  it('wrong delimiter: a single column', async () => {
    await expectValidationError(readExport({ path: tempFile('p.csv', 'id|country|rating\n1|TR|4\n'), sourceId: 'p' }), /only one column found/);
  });
  it('binary files and misnamed archives', async () => {
    await expectValidationError(readExport({ path: tempFile('b.csv', Buffer.from([0x41, 0x00, 0x01, 0x02, 0x41, 0x42, 0x00, 0x00, 0x10])), sourceId: 'b' }), /not a text export/);
    await expectValidationError(readExport({ path: tempFile('z.csv', Buffer.from('PK\x03\x04rest of a zip')), sourceId: 'z' }), /ZIP archive/);
    await expectValidationError(readExport({ path: tempFile('x.xlsx', 'id,rating\n1,2\n'), sourceId: 'x' }), /not an Excel workbook/);
    await expectValidationError(readExport({ path: tempFile('y.xlsx', Buffer.from('PK\x03\x04garbage garbage')), sourceId: 'y' }), /Excel workbook cannot be read/);
  });
  it('format override that does not fit the file', async () => {
    await expectValidationError(readExport({ path: tempFile('g.csv', GENERIC), sourceId: 'g', format: 'spss' }), /not an SPSS \.sav file/);
  });
  it('messages never quote a cell value of a personal-data column', async () => {
    const text = 'IPAddress,Email,rating\n10.1.2.3,ann@example.org,4\n10.1.2.4,bob@example.org,"open\n';
    const error = await readExport({ path: tempFile('pii.csv', text), sourceId: 'pii' }).catch((caught: unknown) => caught as Error);
    expect(error).toBeInstanceOf(ValidationError);
    expect(String((error as Error).message)).not.toMatch(/10\.1\.2|example\.org/);
  });
});
