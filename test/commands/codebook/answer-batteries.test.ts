import { describe, expect, it } from 'vitest';
import { answerBatteries } from '../../../commands/codebook/answer-batteries.ts';
import type { RawTable } from '../../../contracts/types.ts';

function table(columns: string[], rows: string[][]): RawTable {
  return {
    sourceId: 's', sourceFile: 's.csv', sha256: '', format: 'generic', encoding: 'utf-8', delimiter: ',', headerRows: 1,
    columns: columns.map((key) => ({ key, label: key })), rows, sourceRows: rows.map((_, i) => i + 2), droppedPersonalColumns: [], warnings: [],
  };
}

describe('answerBatteries', () => {
  it('finds three columns sharing a made-up four-label scale, one of which saw only two labels', () => {
    const rows = [
      ['1', 'Introduced', 'Practised', 'Mastered', 'Yes', 'Yes', 'No', 'Kenya', 'free text one'],
      ['2', 'Assessed', 'Practised', 'introduced', 'No', 'Yes', 'No', 'Peru', 'free text two'],
      ['3', 'Mastered', 'Practised', 'Assessed', 'Yes', 'No', 'Yes', 'Chile', 'free text three'],
      ['4', 'Practised', 'Introduced', 'Introduced', 'No', 'No', 'No', 'Kenya', ''],
    ];
    const batteries = answerBatteries(table(['id', 'd1', 'd2', 'd3', 'c1', 'c2', 'c3', 'country', 'comment'], rows));
    // Yes/No checkboxes are not a battery; the country and comment columns have no shared set.
    expect(batteries).toEqual([{ labels: ['Introduced', 'Practised', 'Assessed', 'Mastered'], columnIndices: [1, 2, 3] }]);
  });

  it('needs at least three columns and at most seven labels', () => {
    const two = answerBatteries(table(['a', 'b'], [['Low', 'High'], ['High', 'Low']]));
    expect(two).toEqual([]);
    const labels = ['l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7', 'l8'];
    const wide = answerBatteries(table(['a', 'b', 'c'], labels.map((label) => [label, label, label])));
    expect(wide).toEqual([]);
  });
});
