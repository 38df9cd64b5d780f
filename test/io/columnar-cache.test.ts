import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ColumnarCacheWriter, forEachCachedGroup, MAX_DICTIONARY, plainHasText, plainText } from '../../io/columnar-cache.ts';
import { ColumnarBuilder, readColumnarCacheTable } from '../../stages/normalise/columnar-raw-table.ts';

/** Rows with: a Likert column, an id column that outgrows the dictionary mid-way, a mostly blank text column with Unicode. */
function sampleRows(count: number): string[][] {
  const labels = ['Agree', 'Strongly agree', '', 'Neutral – ok', '3'];
  return Array.from({ length: count }, (_, r) => [
    labels[r % labels.length],
    `R_${r}`,
    r % 7 === 0 ? 'comment é ✓' : r % 5 === 0 ? ' \u00a0 ' : r % 3 === 0 ? ' \t' : '',
  ]);
}

function writeCache(path: string, rows: string[][], sourceRows: number[], rowsPerGroup: number): void {
  const writer = new ColumnarCacheWriter(path, rowsPerGroup);
  // Batches that do not line up with the groups.
  for (let start = 0; start < rows.length; start += 333) writer.push(rows.slice(start, start + 333), sourceRows.slice(start, start + 333));
  writer.commit();
}

describe('columnar ingest cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'skillgap-cols-'));
  const rowCount = MAX_DICTIONARY + 1500;
  const rows = sampleRows(rowCount);
  const sourceRows = rows.map((_, r) => r * 2 + 4);
  const path = join(dir, 'source.cols');
  writeCache(path, rows, sourceRows, 1000);

  it('gives back every cell and source row byte-exact, across groups and a column turning plain mid-group', () => {
    const read: string[][] = [];
    const readSourceRows: number[] = [];
    const dictionaries: string[][] = [[], [], []];
    const kinds: string[] = [];
    forEachCachedGroup(path, (group) => {
      const first = read.length;
      for (let r = 0; r < group.rowCount; r++) {
        read.push([]);
        readSourceRows.push(group.sourceRows[r]);
      }
      kinds.push(group.columns[1].kind);
      group.columns.forEach((column, c) => {
        if (column.kind === 'dictionary') {
          dictionaries[c].push(...column.newTexts);
          for (let r = 0; r < group.rowCount; r++) read[first + r][c] = dictionaries[c][column.codes[r]];
        } else for (let r = 0; r < group.rowCount; r++) read[first + r][c] = plainText(column, r);
      });
    });
    expect(read).toEqual(rows);
    expect(readSourceRows).toEqual(sourceRows);
    // 4,096 ids fit in the dictionary up to row 4,095 (group 5 of 1,000 rows); from then on plain.
    expect(kinds).toEqual(['dictionary', 'dictionary', 'dictionary', 'dictionary', 'plain', 'plain']);
    expect(dictionaries[0]).toEqual(['Agree', 'Strongly agree', '', 'Neutral – ok', '3']);
  });

  it('reads into the same columns ColumnarBuilder builds from the rows, skipped columns reduced to "holds text"', () => {
    const keep = (column: number) => column !== 2;
    const builder = new ColumnarBuilder(3, rowCount, keep);
    for (const row of rows) builder.push(row);
    const expected = builder.finish();
    const fromCache = readColumnarCacheTable(path, 3, rowCount, keep);
    expect(fromCache.rowCount).toBe(rowCount);
    expect(fromCache.cells).toEqual(expected.cells);
    expect(fromCache.cells[1].kind).toBe('plain');
    expect([...fromCache.textInSkipped!]).toEqual([...expected.textInSkipped!]);
    expect(fromCache.textInSkipped![0]).toBe(1);
    expect(fromCache.textInSkipped![5]).toBe(0); // NBSP and spaces only: blank, as String#trim says
    expect(fromCache.sourceRows).toEqual(sourceRows);
  });

  it('decides "holds text" from bytes as String#trim does', () => {
    const texts = ['', ' ', '\t\r\n', 'a', ' \u00a0', '\u2003x', '\ufeff', '\u00e9'];
    const fillers = Array.from({ length: MAX_DICTIONARY + 1 }, (_, i) => `filler ${i}`);
    const all = [...fillers, ...texts];
    const file = join(dir, 'blank.cols');
    const writer = new ColumnarCacheWriter(file, 2 * MAX_DICTIONARY);
    writer.push(all.map((text) => [text]), all.map((_, i) => i));
    writer.commit();
    const holdsText: boolean[] = [];
    forEachCachedGroup(file, (group) => {
      const column = group.columns[0];
      if (column.kind !== 'plain') throw new Error('expected a plain column');
      for (let r = fillers.length; r < group.rowCount; r++) holdsText.push(plainHasText(column, r));
    });
    expect(holdsText).toEqual([false, false, false, true, false, true, false, true]);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('ColumnarCacheWriter dictionary lookup', () => {
  it('codes texts by first appearance whatever their length: many of one length, long ones, the empty text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skillgap-cols-lookup-'));
    try {
      const texts = [
        ...Array.from({ length: 20 }, (_, i) => `same-${String(i).padStart(2, '0')}`), // 20 texts of length 7: past the per-length scan
        ...Array.from({ length: 3 }, (_, i) => `${'long text '.repeat(8)}${i}`), // 81 characters
        '',
        'é',
        'e',
      ];
      const rows = Array.from({ length: 600 }, (_, r) => [texts[(r * 7) % texts.length]]);
      const path = join(dir, 'lookup.cols');
      writeCache(path, rows, rows.map((_, r) => r), 250);
      const dictionary: string[] = [];
      const read: string[] = [];
      forEachCachedGroup(path, (group) => {
        const column = group.columns[0];
        if (column.kind !== 'dictionary') throw new Error('expected a dictionary column');
        dictionary.push(...column.newTexts);
        for (let r = 0; r < group.rowCount; r++) read.push(dictionary[column.codes[r]]);
      });
      expect(read).toEqual(rows.map((row) => row[0]));
      expect(dictionary).toHaveLength(texts.length);
      expect(new Set(dictionary).size).toBe(texts.length);
      expect(dictionary.slice(0, 3)).toEqual([texts[0], texts[7], texts[14]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ColumnarCacheWriter cleanText (applied once per distinct raw text)', () => {
  const maskDigits = (text: string) => text.replace(/\d/g, '#');
  const asLetters = (value: number) => String(value).replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]);
  /**
   * Column 0: 9,000 distinct raw texts (more than the writer remembers) that clean to 4;
   * column 1: raw texts that clean to few until row 6,000, then distinct ones (turns plain mid-group);
   * column 2: Unicode labels with digits.
   */
  const rowCount = 12_000;
  const rows = Array.from({ length: rowCount }, (_, r) => [
    `label ${r % 9000}`,
    r < 6000 ? `code ${r % 50}` : `id ${asLetters(r)}`,
    `Très ✓ ${r % 3}`,
  ]);
  const sourceRows = rows.map((_, r) => r + 2);

  it('writes the same bytes as pushing the cleaned rows without it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skillgap-cols-clean-'));
    try {
      const cleanedPath = join(dir, 'cleaned.cols');
      writeCache(cleanedPath, rows.map((row) => row.map(maskDigits)), sourceRows, 1000);
      const rawPath = join(dir, 'raw.cols');
      const writer = new ColumnarCacheWriter(rawPath, { rowsPerGroup: 1000, cleanText: maskDigits });
      for (let start = 0; start < rows.length; start += 333) writer.push(rows.slice(start, start + 333), sourceRows.slice(start, start + 333));
      writer.commit();
      expect(readFileSync(rawPath).equals(readFileSync(cleanedPath))).toBe(true);

      const dictionaries: string[][] = [[], [], []];
      const kinds: string[] = [];
      let plainCells = 0;
      forEachCachedGroup(rawPath, (group) => {
        kinds.push(group.columns[1].kind);
        group.columns.forEach((column, c) => {
          if (column.kind === 'dictionary') dictionaries[c].push(...column.newTexts);
          else for (let r = 0; r < group.rowCount; r++) if (/\d/.test(plainText(column, r))) plainCells++;
        });
      });
      expect(dictionaries[0]).toEqual(['label #', 'label ##', 'label ###', 'label ####']);
      expect(dictionaries[2]).toEqual(['Très ✓ #']);
      // "code #" and "code ##" plus 4,094 ids fill the 4,096 texts; the next id (row 10,094, group 10) turns the column plain.
      expect(kinds.indexOf('plain')).toBe(10);
      expect(plainCells).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
