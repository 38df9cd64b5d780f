import { describe, expect, it } from 'vitest';
import { detectQuoting } from '../../../stages/ingest/detect-quoting.ts';
import { readExport } from '../../../stages/ingest/read-export.ts';
import { cell, tempFile } from './fixture-helpers.ts';

describe('detectQuoting', () => {
  it('comma and semicolon files always quote', () => {
    expect(detectQuoting('a,b\n"x",y\n', ',', '\n').quoting).toBe('rfc4180');
    expect(detectQuoting('a;b\n1;2\n', ';', '\n').quoting).toBe('rfc4180');
  });
  it('a tab file whose cell opens with a quote it does not close is read without quoting (Google Sheets)', () => {
    expect(detectQuoting('Timestamp\tBest\n1/9/2020\t"There\'s a package for that." Always.\n1/9/2020\tx\n', '\t', '\n').quoting).toBe('none');
    // A cell that is just a word in quotes needs no quoting: it is text too.
    expect(detectQuoting('Timestamp\tWord\n1/9/2020\t"eight"\n1/9/2020\tnine\n', '\t', '\n').quoting).toBe('none');
  });
  it('a tab file with a quoted cell holding a tab, a line break or "" is quoted (Excel, Qualtrics)', () => {
    expect(detectQuoting('id\tcomment\tn\n1\t"two\nlines"\t3\n2\tx\t4\n', '\t', '\n').quoting).toBe('rfc4180');
    expect(detectQuoting('id\tcomment\n1\t"said ""hi"""\n2\tx\n', '\t', '\n').quoting).toBe('rfc4180');
    expect(detectQuoting('"id"\t"comment"\n"1"\t"x"\n', '\t', '\n').quoting).toBe('rfc4180');
  });
});

describe('readExport of tab-separated text', () => {
  it('keeps cells that open with a double quote as text in a Google Sheets TSV (CRLF, no final line break)', async () => {
    const path = tempFile('sheet.tsv', 'Timestamp\tWhat do you like?\tScore\r\n12/13/2019 9:50:30\t"There\'s a package for that." Really.\t5\r\n12/13/2019 9:51:00\t"Quoted"\t4');
    const table = await readExport({ path, sourceId: 'sheet' });
    expect(table.format).toBe('google-forms');
    expect(table.rows).toHaveLength(2);
    expect(cell(table, 0, 'What do you like?')).toBe('"There\'s a package for that." Really.');
    expect(cell(table, 1, 'What do you like?')).toBe('"Quoted"');
    expect(cell(table, 1, 'Score')).toBe('4');
  });
  it('still reads quoted line breaks in an Excel-style TSV', async () => {
    const path = tempFile('excel.tsv', 'id\tcomment\tscore\n1\t"two\nlines"\t3\n2\tplain\t4\n');
    const table = await readExport({ path, sourceId: 'excel' });
    expect(table.rows).toEqual([['1', 'two\nlines', '3'], ['2', 'plain', '4']]);
  });
});
