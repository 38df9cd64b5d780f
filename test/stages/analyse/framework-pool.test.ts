/**
 * The framework statistics computed in the worker thread (framework-pool.ts → framework-worker.mjs)
 * are those computed in the calling thread, and the roll-up made from them is the same.
 */
import { describe, expect, it } from 'vitest';
import { frameworkStatisticsInput, rollUpFrameworks } from '../../../stages/analyse/framework-rollups.ts';
import { frameworkStatistics } from '../../../stages/analyse/framework-statistics.ts';
import { startFrameworkStatistics } from '../../../stages/analyse/framework-pool.ts';
import { resolveFramework } from '../../../contracts/frameworks/load-frameworks.ts';
import type { CompetencyFramework } from '../../../contracts/types.ts';
import { syntheticWave, testConfig } from './synthetic-wave.ts';
import { analyseWave } from '../../../stages/analyse/analyse-wave.ts';
import { layOutPopulations } from '../../../stages/analyse/population-layout.ts';
import { encodeAnswers } from '../../../stages/analyse/encode-answers.ts';

const K = 12;
const ids = Array.from({ length: K }, (_, k) => `competency-${String(k + 1).padStart(2, '0')}`);
const competencies: CompetencyFramework = {
  version: 'test', provenance: 'test',
  competencies: ids.map((id) => ({ id, label: id, kind: 'technical', description: '', crosswalk: { nice: [], ecsf: [], csec2017: [], cybok: [] } })),
};
// Units of one to six competencies, overlapping: composites with many distinct values.
const framework = resolveFramework({
  id: 'pool', name: 'Pool test framework', version: '1', source: 'test',
  units: Array.from({ length: 8 }, (_, u) => ({ id: `U${u + 1}`, name: `Unit ${u + 1}` })),
  crosswalk: Object.fromEntries(ids.map((id, k) => [id, Array.from({ length: 8 }, (_, u) => `U${u + 1}`).filter((_, u) => (k + u) % 3 === 0 || k === u)])),
}, 'pool.json', competencies);

describe('framework statistics in a worker thread', () => {
  it('equal those computed here, and give the same roll-up (3,000 respondents per population, 8 units)', async () => {
    const wave = syntheticWave({ respondentsPerPopulation: 3000, competencies: K, regions: ['Africa', 'Asia', 'Europe'], seed: 17, unequalWeights: true });
    const config = testConfig();
    const here = frameworkStatistics(frameworkStatisticsInput(wave, config, [framework]));
    const run = startFrameworkStatistics(true);
    try {
      const inWorker = await (await run.start(frameworkStatisticsInput(wave, config, [framework]))).statistics;
      expect(inWorker).toEqual(here);
      expect(here[0].covariance).toHaveLength(4);
      expect(here[0].histograms[0].gap.values.length).toBeGreaterThan(20);
      expect(rollUpFrameworks(wave, config, [framework], [], inWorker)).toEqual(rollUpFrameworks(wave, config, [framework]));
    } finally {
      await run.close();
    }
  });

  it('sharing one encoding (as analyse-run.ts does): the worker gets copies, analyseWave then gives what it gives alone, and so does the roll-up', async () => {
    const wave = syntheticWave({ respondentsPerPopulation: 800, competencies: K, regions: ['Africa', 'Europe'], seed: 5, unequalWeights: true });
    const config = testConfig();
    const layout = layOutPopulations(wave.respondents);
    const prepared = { layout, encoded: encodeAnswers(wave, layout.populationCode, layout.localRow, layout.counts) };
    const input = frameworkStatisticsInput(wave, config, [framework], prepared);
    expect(input.populations[0].importanceCodes.buffer).not.toBe(prepared.encoded.populations[0].importanceCodes.buffer);
    const run = startFrameworkStatistics(true);
    try {
      const { statistics } = await run.start(input);
      // The input's arrays went to the worker; the shared encoding is intact for analyseWave.
      expect(input.populations[0].importanceCodes.length).toBe(0);
      const shared = analyseWave(wave, config, undefined, undefined, prepared);
      expect(shared.estimates).toEqual(analyseWave(wave, config).estimates);
      expect(rollUpFrameworks(wave, config, [framework], shared.estimates, await statistics)).toEqual(rollUpFrameworks(wave, config, [framework], shared.estimates));
    } finally {
      await run.close();
    }
  });

  it('a failure in the worker reaches the caller as an error, and the pool closes', async () => {
    const run = startFrameworkStatistics(true);
    try {
      const broken = { populations: [], levelValues: new Float64Array([1, 2]), competencies: 2, domainCount: 1, unitMembers: [[Int32Array.of(0)]] };
      await expect((await run.start(broken)).statistics).rejects.toThrow();
    } finally {
      await run.close();
    }
  });
});
