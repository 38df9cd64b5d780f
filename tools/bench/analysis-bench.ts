/**
 * Times analyseWave on synthetic waves of 10k, 100k and 1M respondents per population, 30
 * competencies, 6 regions (run: `node --max-old-space-size=12000 bin/run-ts.js tools/bench/analysis-bench.ts [sizes…]`
 * or `npx tsx tools/bench/analysis-bench.ts`). BENCH_REPLICATES sets config.analysis.bootstrapReplicates
 * (default 200; the rankings no longer bootstrap: their confidence sets come from "rankSets"),
 * BENCH_RUNS runs per size (default 3). Prints, per size, the median seconds of each part of the
 * stage (analyseWave's `phaseSeconds`: encodeAnswers, weights, buildCellHistograms, …, rankSets;
 * wall time, and "<part> cpu" the process's CPU time, all threads) and of the whole stage, and the
 * median of everything after encodeAnswers.
 */
import { analyseWave } from '../../stages/analyse/analyse-wave.ts';
import { syntheticWave, testConfig } from '../../test/stages/analyse/synthetic-wave.ts';

const sizes = process.argv.slice(2).map(Number).filter((size) => size > 0);
const replicates = Number(process.env.BENCH_REPLICATES ?? 200);
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};
for (const size of sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000]) {
  const wave = syntheticWave({ respondentsPerPopulation: size, competencies: 30, regions: ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania', 'Unknown'], seed: 1, unequalWeights: true });
  const perPhase = new Map<string, number[]>();
  for (let run = 0; run < runs; run++) {
    const phaseSeconds: Record<string, number> = {};
    const started = performance.now();
    analyseWave(wave, testConfig({ bootstrapReplicates: replicates, weightCap: 5 }), phaseSeconds);
    phaseSeconds.total = (performance.now() - started) / 1000;
    phaseSeconds['after encodeAnswers'] = phaseSeconds.total - (phaseSeconds.setup ?? 0) - (phaseSeconds.encodeAnswers ?? 0);
    phaseSeconds['after encodeAnswers cpu'] = Object.entries(phaseSeconds)
      .filter(([name]) => name.endsWith(' cpu') && !['setup cpu', 'encodeAnswers cpu', 'after encodeAnswers cpu'].includes(name))
      .reduce((sum, [, seconds]) => sum + seconds, 0);
    for (const [name, seconds] of Object.entries(phaseSeconds)) perPhase.set(name, [...(perPhase.get(name) ?? []), seconds]);
    console.log(`${size} respondents/population, B = ${replicates}, run ${run + 1}: ${Object.entries(phaseSeconds).map(([name, seconds]) => `${name} ${seconds.toFixed(2)}`).join(', ')}`);
  }
  console.log(`${size} respondents/population, B = ${replicates}, median of ${runs} (s): ${[...perPhase].map(([name, values]) => `${name} ${median(values).toFixed(2)}`).join(', ')}`);
}
