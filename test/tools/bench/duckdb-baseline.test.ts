/**
 * The bench's DuckDB baseline must do the same job as skillgap, or its ratio means nothing: on the
 * 2022 sample wave its SQL keeps the same respondents and its weighted means, counts and
 * linearisation SEs equal skillgap's published estimates.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../commands/run-command.ts';
import { REPO_ROOT } from '../../../runner/context.ts';
import { compareWithEstimates, timeDuckDb } from '../../../tools/bench/duckdb-baseline.ts';

const base = mkdtempSync(join(tmpdir(), 'skillgap-duckdb-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('DuckDB baseline of the bench', () => {
  it('keeps the same respondents and gives the same means and SEs as skillgap on the sample wave', async () => {
    await runCommand({ wave: '2022', out: base, only: ['ingest', 'normalise', 'analyse'], log: () => {} });
    const out = join(base, '2022');
    const duck = await timeDuckDb(join(REPO_ROOT, 'data', 'raw', '2022', 'wave.json'));
    const summary = JSON.parse(readFileSync(join(out, 'quality', 'summary.json'), 'utf8')) as { kept: number };
    expect(duck.kept).toBe(summary.kept);
    const comparison = compareWithEstimates(duck.estimates, readFileSync(join(out, 'analysis', 'estimates.csv'), 'utf8'));
    // Every published cell of importance, preparedness and coverage (suppressed cells have no mean).
    expect(comparison.compared).toBeGreaterThan(400);
    expect(comparison.missing).toBe(0);
    expect(comparison.countsDiffer).toBe(0);
    expect(comparison.maxMeanDifference).toBeLessThan(1e-12);
    expect(comparison.maxSeDifference).toBeLessThan(1e-12);
  }, 120_000);

  it('counts cells it lacks, counts that differ and the largest difference of the means', () => {
    const estimates = [{ population: 'industry', region: 'Global', competency: 'communication', dimension: 'importance', n: 1, mean: 4.5, se: 0.1 }];
    const csv = 'wave,region,competency,population,measure,n,mean,sd,se\n2022,Global,communication,industry,importance,2,4.25,1,0.1\n2022,Africa,teamwork,industry,importance,3,4,1,0.1\n';
    expect(compareWithEstimates(estimates, csv)).toEqual({ compared: 1, missing: 1, countsDiffer: 1, maxMeanDifference: 0.25, maxSeDifference: 0 });
  });
});
