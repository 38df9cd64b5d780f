import { describe, expect, it } from 'vitest';
import { readExport } from '../../../stages/ingest/read-export.ts';
import { tempFile } from './fixture-helpers.ts';

/**
 * Papaparse, fed chunk by chunk, reports a closing quote followed by the chunk's end between the
 * CR and the LF of a line break as a malformed quote. The parser must be fed pieces that end at
 * line breaks, wherever the file's reads fall.
 */
describe('streamCsvRecords chunk boundaries', () => {
  /** A CRLF export in which a quoted last cell's closing quote is followed by a CR at byte `crAt`. */
  function exportWithCrAt(crAt: number): { text: string; rows: number } {
    const lines = ['id,comment'];
    let length = 'id,comment\r\n'.length;
    let id = 0;
    for (;;) {
      const line = `${id},"comment ${id}, quoted"`;
      if (length + line.length + 2 + 40 > crAt) break;
      lines.push(line);
      length += line.length + 2;
      id++;
    }
    // The last line is padded so that its closing quote ends right before byte crAt.
    const prefix = `${id},"`;
    const padding = 'x'.repeat(crAt - length - prefix.length - 1);
    lines.push(`${prefix}${padding}"`);
    lines.push(`${id + 1},"after the boundary"`);
    const text = lines.join('\r\n') + '\r\n';
    expect(text[crAt - 1]).toBe('"');
    expect(text.slice(crAt, crAt + 2)).toBe('\r\n');
    return { text, rows: id + 2 };
  }

  it.each([[(1 << 16) - 1], [(1 << 20) - 1], [(1 << 20) + (1 << 16) - 1]])('parses a CRLF split by a read or piece boundary at byte %i', async (crAt) => {
    const { text, rows } = exportWithCrAt(crAt);
    const table = await readExport({ path: tempFile('boundary.csv', text), sourceId: 'boundary' });
    expect(table.rows).toHaveLength(rows);
    expect(table.rows.at(-1)).toEqual([String(rows - 1), 'after the boundary']);
    expect(table.rows.at(-2)![1]).toMatch(/^x+$/);
  });
});
