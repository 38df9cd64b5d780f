/**
 * The analyse stage's worker thread (analysis-pool.ts → analysis-worker.mjs): the framework
 * statistics computed there are those computed in the calling thread, and the roll-up made from
 * them is the same; rank-set problems shared between the two threads get the sets solved here, and
 * the analysis driven through the pool (rank-set-steps.ts) equals analyseWave.
 */
import { describe, expect, it } from 'vitest';
import { frameworkStatisticsInput, rollUpFrameworks } from '../../../stages/analyse/framework-rollups.ts';
import { frameworkStatistics } from '../../../stages/analyse/framework-statistics.ts';
import { analysisWorkerPlan, FRAMEWORK_WORKER_MIN_RESPONDENTS, rankSetWork, startAnalysisPool } from '../../../stages/analyse/analysis-pool.ts';
import { solveStepsConcurrently } from '../../../stages/analyse/rank-set-steps.ts';
import { solveRankSetProblem, type RankSetProblem } from '../../../stages/analyse/stats/index.ts';
import { rollUpFrameworksSteps } from '../../../stages/analyse/framework-rollups.ts';
import { resolveFramework } from '../../../contracts/frameworks/load-frameworks.ts';
import type { CompetencyFramework } from '../../../contracts/types.ts';
import { syntheticWave, testConfig } from './synthetic-wave.ts';
import { analyseWave, analyseWaveSteps } from '../../../stages/analyse/analyse-wave.ts';
import { layOutPopulations } from '../../../stages/analyse/population-layout.ts';
import { encodeAnswers } from '../../../stages/analyse/encode-answers.ts';
import { weighPopulation } from '../../../stages/analyse/population-weights.ts';
import { POPULATIONS } from '../../../contracts/types.ts';

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
    const run = startAnalysisPool({ frameworks: true, rankSets: false });
    try {
      const inWorker = await (await run.startFrameworkStatistics(frameworkStatisticsInput(wave, config, [framework]))).statistics;
      expect(inWorker).toEqual(here);
      expect(here[0].covariance).toHaveLength(4);
      expect(here[0].histograms[0].gap.values.length).toBeGreaterThan(20);
      expect(rollUpFrameworks(wave, config, [framework], [], inWorker)).toEqual(rollUpFrameworks(wave, config, [framework]));
    } finally {
      await run.close();
    }
  });

  it('sharing one encoding and one set of weights (as analyse-run.ts does): the worker gets copies, analyseWave then gives what it gives alone, and so does the roll-up', async () => {
    const wave = syntheticWave({ respondentsPerPopulation: 800, competencies: K, regions: ['Africa', 'Europe'], seed: 5, unequalWeights: true });
    // An invalid weight in each population: both weightings warn, and the warnings keep their place.
    for (const population of POPULATIONS) wave.respondents.find((respondent) => respondent.population === population)!.weight = -1;
    const config = testConfig();
    const layout = layOutPopulations(wave.respondents);
    const prepared = {
      layout, encoded: encodeAnswers(wave, layout.populationCode, layout.localRow, layout.counts),
      weighed: POPULATIONS.map((population, code) => weighPopulation(population, wave.respondents, layout.memberIndex[code], config)),
    };
    const input = frameworkStatisticsInput(wave, config, [framework], prepared);
    expect(input.populations[0].importanceCodes.buffer).not.toBe(prepared.encoded.populations[0].importanceCodes.buffer);
    expect(input.populations[1].weights).toEqual(prepared.weighed[1].weighting.weights);
    const run = startAnalysisPool({ frameworks: true, rankSets: false });
    try {
      const { statistics } = await run.startFrameworkStatistics(input);
      // The input's arrays went to the worker; the shared encoding and weights are intact for analyseWave.
      expect(input.populations[0].importanceCodes.length).toBe(0);
      expect(input.populations[1].weights.length).toBe(0);
      const shared = analyseWave(wave, config, undefined, undefined, prepared);
      const alone = analyseWave(wave, config);
      expect(shared).toEqual(alone);
      expect(alone.warnings.filter((warning) => warning.code === 'invalid_weight')).toHaveLength(2);
      expect(rollUpFrameworks(wave, config, [framework], shared.estimates, await statistics)).toEqual(rollUpFrameworks(wave, config, [framework], shared.estimates));
    } finally {
      await run.close();
    }
  });

  it('the framework input and analyseWave take the prepared weights instead of weighing again', () => {
    const wave = syntheticWave({ respondentsPerPopulation: 300, competencies: K, regions: ['Africa', 'Europe'], seed: 9, unequalWeights: true });
    const config = testConfig();
    const layout = layOutPopulations(wave.respondents);
    // Weights no weighing gives (twice the real ones): whoever recomputes them is caught.
    const weighed = POPULATIONS.map((population, code) => {
      const real = weighPopulation(population, wave.respondents, layout.memberIndex[code], config);
      return { ...real, weighting: { ...real.weighting, weights: real.weighting.weights.map((weight) => 2 * weight) } };
    });
    const prepared = { layout, encoded: encodeAnswers(wave, layout.populationCode, layout.localRow, layout.counts), weighed };
    const input = frameworkStatisticsInput(wave, config, [framework], prepared);
    expect(input.populations.map((population) => population.weights)).toEqual(weighed.map((entry) => entry.weighting.weights));
    expect(input.populations[0].weights[0]).toBe(2 * weighPopulation('industry', wave.respondents, layout.memberIndex[0], config).weighting.weights[0]);
    const seen: Float64Array[] = [];
    analyseWave(wave, config, undefined, (_population, _members, _base, final) => seen.push(final), prepared);
    expect(seen).toEqual(weighed.map((entry) => entry.weighting.weights));
  });

  it('a failure in the worker reaches the caller as an error, and the pool closes', async () => {
    const run = startAnalysisPool({ frameworks: true, rankSets: false });
    try {
      const broken = { populations: [], levelValues: new Float64Array([1, 2]), competencies: 2, domainCount: 1, unitMembers: [[Int32Array.of(0)]] };
      await expect((await run.startFrameworkStatistics(broken)).statistics).rejects.toThrow();
    } finally {
      await run.close();
    }
  });
});

describe('rank sets shared with the worker thread', () => {
  // Two countries per region: the first batch of analyseWaveSteps is its region and country blocks' problems.
  const countriesOf: Record<string, [string, string]> = { Africa: ['KE', 'NG'], Americas: ['BR', 'US'], Asia: ['IN', 'JP'], Europe: ['DE', 'FR'] };
  const synthetic = syntheticWave({ respondentsPerPopulation: 1500, competencies: K, regions: Object.keys(countriesOf), seed: 23, unequalWeights: true });
  const wave = { ...synthetic, respondents: synthetic.respondents.map((respondent, i) => ({ ...respondent, country: countriesOf[respondent.region][i % 2] })) };
  const config = testConfig();
  const firstBatch = (): RankSetProblem[] => analyseWaveSteps(wave, config).next().value as RankSetProblem[];

  it('a batch solved by both threads gets the sets solved here, in the batch order, and the worker solved some', async () => {
    const problems = firstBatch();
    expect(problems.length).toBeGreaterThan(4);
    const pool = startAnalysisPool({ frameworks: true, rankSets: true });
    try {
      // The framework task waits for the thread to be ready; once it is done, the thread is idle.
      await (await pool.startFrameworkStatistics(frameworkStatisticsInput(wave, config, [framework]))).statistics;
      const shared = await pool.solveRankSets(problems);
      expect(shared).toEqual(problems.map(solveRankSetProblem));
      expect(pool.rankSetsSolvedInWorker()).toBeGreaterThan(0);
      expect(pool.rankSetsSolvedInWorker()).toBeLessThan(problems.length);
    } finally {
      await pool.close();
    }
  });

  it('the analysis and the roll-up driven through the pool equal analyseWave and rollUpFrameworks', async () => {
    const pool = startAnalysisPool({ frameworks: false, rankSets: true });
    try {
      const result = await solveStepsConcurrently(analyseWaveSteps(wave, config), pool.solveRankSets);
      const here = analyseWave(wave, config);
      expect(result).toEqual(here);
      expect(result.rankings.some((row) => Number.isFinite(row.rankCiLow) && row.rankCiHigh > row.rankCiLow)).toBe(true);
      const rollup = await solveStepsConcurrently(rollUpFrameworksSteps(wave, config, [framework], here.estimates), pool.solveRankSets);
      expect(rollup).toEqual(rollUpFrameworks(wave, config, [framework], here.estimates));
    } finally {
      await pool.close();
    }
  });

  it("each block's sets land in that block's rankings (regions, then countries: the batch is split where it was joined)", () => {
    const steps = analyseWaveSteps(wave, config);
    const problems = steps.next().value as RankSetProblem[];
    const solutions = problems.map(solveRankSetProblem);
    const result = steps.next(solutions).value as ReturnType<typeof analyseWave>;
    const regionBlocks = [...new Set(wave.respondents.map((respondent) => respondent.region))].sort().concat('Global');
    const competencies = wave.answers.competencies;
    // Region problems come first, block by block; the first country problem starts a new run of blocks.
    const firstCountry = problems.findIndex((problem, at) => at > 0 && problem.block <= problems[at - 1].block);
    expect(firstCountry).toBeGreaterThan(1);
    let checked = 0;
    problems.slice(0, firstCountry).forEach((problem, at) => {
      problem.items.forEach((k, index) => {
        const row = result.rankings.find((ranking) => ranking.region === regionBlocks[problem.block] && ranking.competency === competencies[k])!;
        expect([row.rankCiLow, row.rankCiHigh, row.rankSimultaneousLow, row.rankSimultaneousHigh]).toEqual([
          solutions[at].marginalLow[index], solutions[at].marginalHigh[index], solutions[at].simultaneousLow[index], solutions[at].simultaneousHigh[index],
        ]);
        checked++;
      });
    });
    expect(checked).toBeGreaterThan(K);
    // Country blocks are the countries in ISO order (country-domains.ts).
    const countries = [...new Set(wave.respondents.map((respondent) => respondent.country).filter((country) => country))].sort();
    let checkedCountries = 0;
    problems.slice(firstCountry).forEach((problem, at) => {
      const solution = solutions[firstCountry + at];
      problem.items.forEach((k, index) => {
        const row = result.countries!.rankings.find((ranking) => ranking.country === countries[problem.block] && ranking.competency === competencies[k])!;
        expect([row.rankCiLow, row.rankCiHigh]).toEqual([solution.marginalLow[index], solution.marginalHigh[index]]);
        checkedCountries++;
      });
    });
    expect(checkedCountries).toBeGreaterThan(K);
  });

  it('the plan: SKILLGAP_WORKERS=1 keeps everything here, 2 sends both kinds of work to the worker; unset, the size decides', () => {
    const small = syntheticWave({ respondentsPerPopulation: 50, competencies: K, regions: ['Africa'], seed: 3 });
    expect(analysisWorkerPlan(small, [framework], 1)).toEqual({ frameworks: false, rankSets: false });
    expect(analysisWorkerPlan(small, [framework], 2)).toEqual({ frameworks: true, rankSets: true });
    expect(analysisWorkerPlan(small, [], 2)).toEqual({ frameworks: false, rankSets: true });
    expect(analysisWorkerPlan(small, [framework], undefined)).toEqual({ frameworks: false, rankSets: false });
    // 20,000 respondents: the frameworks go to the worker by size alone, and the rank sets too
    // (2 regions and 1 country + 2 whole designs, 12 competencies: 5 × 144 × 5,000 = 3.6 million, below
    // the threshold; the framework's 3 × 64 × 5,000 adds ~1 million: still below).
    const large = syntheticWave({ respondentsPerPopulation: FRAMEWORK_WORKER_MIN_RESPONDENTS / 2, competencies: K, regions: ['Africa', 'Europe'], seed: 3 });
    expect(analysisWorkerPlan(large, [framework], undefined)).toEqual({ frameworks: true, rankSets: false });
    expect(analysisWorkerPlan(large, [], undefined)).toEqual({ frameworks: false, rankSets: false });
  });

  it('without the worker (a small wave), every problem is solved here', async () => {
    const pool = startAnalysisPool({ frameworks: false, rankSets: false });
    const problems = firstBatch();
    expect(await pool.solveRankSets(problems)).toEqual(problems.map(solveRankSetProblem));
    expect(pool.rankSetsSolvedInWorker()).toBe(0);
    await pool.close();
  });

  it('a failure in the worker reaches the caller', async () => {
    const pool = startAnalysisPool({ frameworks: true, rankSets: true });
    try {
      await (await pool.startFrameworkStatistics(frameworkStatisticsInput(wave, config, [framework]))).statistics;
      const good = firstBatch();
      // The largest problem goes to the worker first: ten billion draws are more than a typed array holds, so it throws there.
      const broken = { ...good[0], draws: 1e10 };
      expect(rankSetWork(broken)).toBeGreaterThan(rankSetWork(good[1]));
      await expect(pool.solveRankSets([broken, good[1]])).rejects.toThrow();
    } finally {
      await pool.close();
    }
  });
});
