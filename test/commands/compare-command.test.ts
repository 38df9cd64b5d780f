import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareCommand, WAVE_CHANGE_COLUMNS } from '../../commands/compare-command.ts';
import { REPO_ROOT } from '../../runner/context.ts';
import { parseOwnCsv } from '../../io/csv-read.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

describe('skillgap compare --waves 2022,2023', () => {
  const out = useTempDir();
  let result: Awaited<ReturnType<typeof compareCommand>>;
  let rows: Record<string, string>[];
  beforeAll(async () => {
    result = await compareCommand({ waves: ['2022', '2023'], out, log: () => {} });
    const { header, records } = parseOwnCsv(readFileSync(join(out, 'compare/2022-2023/wave-change.csv'), 'utf8'));
    expect(header).toEqual([...WAVE_CHANGE_COLUMNS]);
    rows = records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  });

  it('writes the change of every gap in every region, with CI = change ± 1.96 SE', () => {
    expect(rows.length).toBe(result.changes);
    const competencies = new Set(rows.map((r) => r.competency));
    const regions = new Set(rows.map((r) => r.region));
    expect(rows.length).toBe(competencies.size * regions.size * 3);
    for (const row of rows.filter((r) => r.suppressed === 'false' && r.change !== '')) {
      expect(Number(row.change)).toBeCloseTo(Number(row.mean) - Number(row.previous_mean), 12);
      expect(Number(row.ci_high) - Number(row.change)).toBeCloseTo(1.959963984540054 * Number(row.se), 9);
    }
  });

  it('finds the change planted between the two sample waves', () => {
    type Truth = { competencies: { id: string; gapPreparedness: Record<string, number> }[] };
    const truth = (wave: string) => JSON.parse(readFileSync(join(REPO_ROOT, 'data/raw', wave, 'truth.json'), 'utf8')) as Truth;
    const before = new Map(truth('2022').competencies.map((c) => [c.id, c.gapPreparedness.Global]));
    const planted = truth('2023').competencies.map((c) => ({ id: c.id, change: c.gapPreparedness.Global - before.get(c.id)! }));
    const largest = planted.reduce((a, b) => (Math.abs(b.change) > Math.abs(a.change) ? b : a));
    const row = rows.find((r) => r.region === 'Global' && r.competency === largest.id && r.measure === 'gap_preparedness')!;
    expect(Math.abs(largest.change)).toBeGreaterThan(0.3);
    expect(Math.sign(Number(row.change))).toBe(Math.sign(largest.change));
    expect(Number(row.ci_low)).toBeLessThan(largest.change);
    expect(Number(row.ci_high)).toBeGreaterThan(largest.change);
    expect(Number(row.p_value)).toBeLessThan(0.05);
  });
});
