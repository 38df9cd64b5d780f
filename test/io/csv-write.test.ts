import { describe, expect, it } from 'vitest';
import { formatCsv, formatCsvCell } from '../../io/csv-write.ts';
import { parseOwnCsv } from '../../io/csv-read.ts';

describe('formatCsvCell', () => {
  it('escapes text that a spreadsheet would run as a formula', () => {
    expect(formatCsvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(formatCsvCell('+1+1')).toBe("'+1+1");
    expect(formatCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(formatCsvCell('-cmd')).toBe("'-cmd");
    expect(formatCsvCell('\tx')).toBe("'\tx");
  });
  it('keeps numbers, negative ones included, as numbers', () => {
    expect(formatCsvCell(-0.25)).toBe('-0.25');
    expect(formatCsvCell('-99')).toBe('-99');
    expect(formatCsvCell(NaN)).toBe('');
    expect(formatCsvCell(1 / 3)).toBe('0.3333333333333333');
  });
  it('quotes delimiters, quotes and line breaks', () => {
    expect(formatCsvCell('a,b')).toBe('"a,b"');
    expect(formatCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(formatCsvCell('two\nlines')).toBe('"two\nlines"');
  });
  it('reads back what it wrote', () => {
    const text = formatCsv(['a', 'b'], [['=1+2', 'x,y'], ['-5', 'plain']]);
    expect(parseOwnCsv(text).records).toEqual([['=1+2', 'x,y'], ['-5', 'plain']]);
  });
});
