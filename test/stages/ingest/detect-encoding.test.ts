import { describe, expect, it } from 'vitest';
import { detectEncoding, encodingFromHead, firstInvalidUtf8Offset } from '../../../stages/ingest/detect-encoding.ts';
import { tempFile } from './fixture-helpers.ts';

describe('encodingFromHead', () => {
  it('reads byte-order marks', () => {
    expect(encodingFromHead(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ encoding: 'utf-8', bom: true });
    expect(encodingFromHead(Uint8Array.from([0xff, 0xfe, 0x61, 0]))).toEqual({ encoding: 'utf-16le', bom: true });
    expect(encodingFromHead(Uint8Array.from([0xfe, 0xff, 0, 0x61]))).toEqual({ encoding: 'utf-16be', bom: true });
  });
  it('recognises BOM-less UTF-16LE by its NUL pattern, and leaves ASCII undecided', () => {
    expect(encodingFromHead(Buffer.from('id,rating\r\n1,2\r\n', 'utf16le'))).toEqual({ encoding: 'utf-16le', bom: false });
    expect(encodingFromHead(Buffer.from('id,rating\n1,2\n'))).toBeUndefined();
  });
});

describe('firstInvalidUtf8Offset', () => {
  it('finds stray continuation and Windows-1252 bytes', () => {
    expect(firstInvalidUtf8Offset(Buffer.from('Ça va'))).toBe(-1);
    expect(firstInvalidUtf8Offset(Uint8Array.from([0x61, 0x8c, 0xe6]))).toBe(1);
    expect(firstInvalidUtf8Offset(Uint8Array.from([0x61, 0xe9, 0x74]))).toBe(1);
  });
});

describe('detectEncoding (whole-file UTF-8 validation, read in 1 MiB chunks)', () => {
  const chunk = 1 << 20;
  const head = new Uint8Array([0x61, 0x62]);
  /** ASCII up to `at`, then `bytes`, then more ASCII. */
  const fileWith = (at: number, bytes: number[], after = 100) => {
    const content = Buffer.alloc(at + bytes.length + after, 0x61);
    Buffer.from(bytes).copy(content, at);
    return tempFile('encoding.csv', content);
  };

  it('accepts multi-byte characters cut by every chunk boundary position', async () => {
    for (const [name, bytes] of [['é', [0xc3, 0xa9]], ['€', [0xe2, 0x82, 0xac]], ['😀', [0xf0, 0x9f, 0x98, 0x80]]] as const) {
      for (let cut = 1; cut < bytes.length; cut++) {
        const detection = await detectEncoding(fileWith(chunk - cut, [...bytes]), head);
        expect(detection, `${name} cut after ${cut} byte(s)`).toEqual({ encoding: 'utf-8', bom: false });
      }
    }
  });

  it('falls back to Windows-1252 at the first invalid byte, in a later chunk too', async () => {
    expect(await detectEncoding(fileWith(chunk + 5, [0xe9, 0x74]), head)).toEqual({ encoding: 'windows-1252', bom: false, firstInvalidByte: chunk + 5 });
    expect(await detectEncoding(fileWith(17, [0x8c]), head)).toEqual({ encoding: 'windows-1252', bom: false, firstInvalidByte: 17 });
    // A lead byte right before the boundary whose continuation is not one.
    expect(await detectEncoding(fileWith(chunk - 1, [0xc3, 0x41]), head)).toEqual({ encoding: 'windows-1252', bom: false, firstInvalidByte: chunk - 1 });
  });

  it('reports a sequence cut short by the end of the file at its last byte', async () => {
    expect(await detectEncoding(fileWith(40, [0xe2, 0x82], 0), head)).toEqual({ encoding: 'windows-1252', bom: false, firstInvalidByte: 41 });
  });
});
