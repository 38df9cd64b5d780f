import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../stages/ingest/detect-delimiter.ts';
import { detectLineBreak } from '../../../stages/ingest/detect-line-break.ts';

describe('detectDelimiter', () => {
  it('picks comma, semicolon or tab by consistent field counts', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n', '\n')).toEqual({ delimiter: ',', headerFields: 3 });
    expect(detectDelimiter('a;b;c\n"1,5";2;3\n', '\n')).toEqual({ delimiter: ';', headerFields: 3 });
    expect(detectDelimiter('a\tb\n"x, y; z"\t2\n', '\n')).toEqual({ delimiter: '\t', headerFields: 2 });
  });
  it('ignores delimiters inside quoted header text', () => {
    expect(detectDelimiter('"Q1; part a";"Q1, part b"\n1;2\n', '\n').delimiter).toBe(';');
  });
});

describe('detectLineBreak', () => {
  it('takes the first break outside quotes', () => {
    expect(detectLineBreak('a,"x\ny"\r\n1,2')).toBe('\r\n');
    expect(detectLineBreak('a,b\n1,2')).toBe('\n');
    expect(detectLineBreak('a,b\r1,2')).toBe('\r');
  });
});
