import { describe, expect, it } from 'vitest';
import { unifyLineBreaks } from '../../../stages/ingest/unify-line-breaks.ts';

async function unify(chunks: string[], delimiter = ','): Promise<string> {
  const transform = unifyLineBreaks(delimiter);
  const out: string[] = [];
  transform.on('data', (text: string) => out.push(text));
  const done = new Promise((resolve) => transform.on('end', resolve));
  for (const chunk of chunks) transform.write(chunk);
  transform.end();
  await done;
  return out.join('');
}

/** Every way of cutting `text` in two. */
const cuts = (text: string) => Array.from({ length: text.length + 1 }, (_, at) => [text.slice(0, at), text.slice(at)]);

describe('unifyLineBreaks', () => {
  const mixed = 'a,b\r\n1,"x\r\ny"\r2,"say ""hi""\r"\n3,4\r\n"q",5\r';
  const expected = 'a,b\n1,"x\r\ny"\n2,"say ""hi""\r"\n3,4\n"q",5\n';

  it('turns CRLF and CR outside quotes into LF and leaves quoted cells alone', async () => {
    expect(await unify([mixed])).toBe(expected);
  });

  it('gives the same text wherever the stream is cut (inside "", between CR and LF, inside quotes)', async () => {
    for (const [first, second] of cuts(mixed)) expect(await unify([first, second]), JSON.stringify(first)).toBe(expected);
    expect(await unify([...mixed])).toBe(expected); // one character at a time
  });

  it('opens a quote only at the start of a field, as papaparse does', async () => {
    expect(await unify(['a,b"c\r1,2\r'])).toBe('a,b"c\n1,2\n');
    expect(await unify(['a\t"b\rc"\r1\t2'], '\t')).toBe('a\t"b\rc"\n1\t2');
  });
});

describe('hasForeignLineBreaks', () => {
  it('finds a line break other than the file\'s own, anywhere (quoted or not)', async () => {
    const { hasForeignLineBreaks } = await import('../../../stages/ingest/unify-line-breaks.ts');
    const { tempFile } = await import('./fixture-helpers.ts');
    const check = (text: string, newline: '\r\n' | '\n' | '\r') => hasForeignLineBreaks(tempFile(`breaks-${Math.random()}.csv`, text), newline);
    expect(await check('a,b\n1,2\n', '\n')).toBe(false);
    expect(await check('a,b\n1,2\r\n', '\n')).toBe(true);
    expect(await check('a,b\r\n1,2\r\n', '\r\n')).toBe(false);
    expect(await check('a,b\r\n1,"x\ny"\r\n', '\r\n')).toBe(true);
    expect(await check('a,b\r\n1,2\r', '\r\n')).toBe(true);
    expect(await check('a,b\r1,2\r', '\r')).toBe(false);
    expect(await check('a,b\r1,2\n', '\r')).toBe(true);
  });
});
