import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { forEachCachedGroup, plainText } from '../../../io/columnar-cache.ts';
import { readExport, streamExport } from '../../../stages/ingest/read-export.ts';
import { redactPersonalText } from '../../../stages/ingest/personal-data.ts';
import { ingestSource } from '../../../stages/ingest/ingest-source.ts';
import { tempFile } from './fixture-helpers.ts';

/**
 * The ingest stage hands redaction to the cache writer (once per distinct text of a dictionary
 * column, every cell of a plain one): the cache must hold exactly the cells readExport gives,
 * and none of the planted values, whether a column stays a dictionary or turns plain.
 */
const planted = ['ann.smith@uni.example.edu', '+4915112345678', '020 7946 0958', '192.168.1.1', '(555) 123-4567'];

function exportWithPlantedValues(): string {
  const lines = ['ResponseId,StartDate,rating,comment,note'];
  for (let r = 0; r < 6000; r++) {
    const plantedValue = planted[r % planted.length];
    lines.push([
      `R_${r}`,
      `2022-09-${String(1 + (r % 28)).padStart(2, '0')} 13:${String(r % 60).padStart(2, '0')}:12`,
      ['Very important', 'Not important', ''][r % 3],
      // A free-text column with few distinct texts (stays a dictionary) …
      r % 4 === 0 ? `"reach me: ${plantedValue}"` : 'no comment',
      // … and one with a distinct text per row (turns plain).
      `"row ${r}: ${plantedValue}"`,
    ].join(','));
  }
  return lines.join('\n') + '\n';
}

function readCache(path: string): string[][] {
  const rows: string[][] = [];
  const dictionaries: string[][] = [];
  forEachCachedGroup(path, (group) => {
    const first = rows.length;
    for (let r = 0; r < group.rowCount; r++) rows.push([]);
    group.columns.forEach((column, c) => {
      dictionaries[c] ??= [];
      if (column.kind === 'dictionary') {
        dictionaries[c].push(...column.newTexts);
        for (let r = 0; r < group.rowCount; r++) rows[first + r][c] = dictionaries[c][column.codes[r]];
      } else for (let r = 0; r < group.rowCount; r++) rows[first + r][c] = plainText(column, r);
    });
  });
  return rows;
}

describe('ingestSource: redaction by the cache writer', () => {
  const exportPath = tempFile('planted.csv', exportWithPlantedValues());
  const rowsFile = join(dirname(exportPath), 'planted.cols');

  it('caches exactly the redacted rows readExport gives, with no planted value left', async () => {
    await ingestSource({ path: exportPath, sourceId: 'planted', rowsFile });
    const cached = readCache(rowsFile);
    const table = await readExport({ path: exportPath, sourceId: 'planted' });
    expect(cached).toEqual(table.rows);
    expect(cached[0]).toEqual(['R_0', '2022-09-01 13:00:12', 'Very important', 'reach me: [email removed]', 'row 0: [email removed]']);
    expect(cached[2]).toEqual(['R_2', '2022-09-03 13:02:12', '', 'no comment', 'row 2: [phone removed]']);
    expect(cached[3][4]).toBe('row 3: [ip address removed]');
    const bytes = readFileSync(rowsFile).toString('utf8');
    for (const value of planted) expect(bytes).not.toContain(value);
    expect(bytes).toContain('[phone removed]');
  });

  it('streamExport hands the cells over unredacted only when the consumer takes redaction on', async () => {
    const byIngest: string[][] = [];
    const byConsumer: string[][] = [];
    await streamExport({ path: exportPath, sourceId: 'planted' }, (rows) => byIngest.push(...rows));
    await streamExport({ path: exportPath, sourceId: 'planted' }, (rows) => byConsumer.push(...rows), { cellRedaction: 'consumer' });
    expect(byConsumer[0][4]).toBe('row 0: ann.smith@uni.example.edu');
    expect(byIngest[0][4]).toBe('row 0: [email removed]');
    expect(byConsumer.map((row) => row.map(redactPersonalText))).toEqual(byIngest);
  });
});
