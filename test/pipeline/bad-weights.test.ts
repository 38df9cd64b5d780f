/**
 * Weights of 1e308, 0, −1 and NaN stop `skillgap validate` and `skillgap run` alike with exit 1,
 * naming the file, row and column (the rule: stages/normalise/check-weights.ts). Before, 1e308
 * passed both and every industry estimate came out empty with exit 0.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp-dir.ts';
import { copySampleWave, skillgap } from './fault-helpers.ts';

/** The sample wave with a `weight` column in the education export (1, every fifth row 2: the median is 1), `bad` in record 11 (the 10th data row). */
function weightedWave(dir: string, bad: string | null): string {
  const config = copySampleWave(dir);
  const file = join(dir, 'education-limesurvey.csv');
  const { data } = Papa.parse<string[]>(readFileSync(file, 'utf8'), { skipEmptyLines: true });
  const rows = data.map((row, i) => [...row, i === 0 ? 'weight' : i === 10 && bad !== null ? bad : i % 5 === 0 ? '2' : '1']);
  writeFileSync(file, Papa.unparse(rows, { quotes: true, newline: '\n' }) + '\n');
  const codebookFile = join(dir, 'codebook.json');
  const codebook = JSON.parse(readFileSync(codebookFile, 'utf8')) as { sources: { source: string; columns: Record<string, string> }[] };
  codebook.sources.find((source) => source.source === 'education-limesurvey')!.columns.weight = 'weight';
  writeFileSync(codebookFile, JSON.stringify(codebook, null, 2));
  return config;
}

describe('bad weights', () => {
  const dir = useTempDir('skillgap-weights-');

  it('plausible weights pass validate', async () => {
    const result = await skillgap(['validate', '--config', weightedWave(join(dir, 'good'), null)]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/weight=weight/);
  });

  for (const [bad, reason] of [
    ['1e308', /the weight "1e308" is above 1e\+12/],
    ['0', /the weight is "0": a weight must be a finite number > 0/],
    ['-1', /the weight is "-1": a weight must be a finite number > 0/],
    ['NaN', /the weight is "NaN": a weight must be a finite number > 0/],
  ] as const) {
    it(`a weight of ${bad} → exit 1 from validate and from run, naming file, row and column`, async () => {
      const config = weightedWave(join(dir, `bad-${bad}`), bad);
      const where = new RegExp(`education-limesurvey\\.csv, row 11, column "weight": ${reason.source}`);
      const validate = await skillgap(['validate', '--config', config]);
      expect(validate.code, validate.stderr).toBe(1);
      expect(validate.stderr).toMatch(where);
      const run = await skillgap(['run', '--config', config, '--out', join(dir, `out-${bad}`)]);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(where);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }, 120_000);
  }
});
