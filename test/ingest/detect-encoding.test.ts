import { describe, expect, it } from 'vitest';
import { encodingFromHead, firstInvalidUtf8Offset } from '../../pipeline/ingest/detect-encoding.ts';

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
