/**
 * Times analyseWave on synthetic waves of 10k, 100k and 1M respondents per population, 30
 * competencies, 6 regions (run: `node --max-old-space-size=12000 bin/run-ts.js bench/analysis-bench.ts [sizes…]`
 * or `npx tsx bench/analysis-bench.ts`). Prints seconds for the stage with and without the bootstrap.
 */
import { analyseWave } from '../analysis/analyse-wave.ts';
import { syntheticWave, testConfig } from '../test/analysis/synthetic-wave.ts';

const sizes = process.argv.slice(2).map(Number).filter((size) => size > 0);
const replicates = Number(process.env.BENCH_REPLICATES ?? 200);
for (const size of sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000]) {
  const wave = syntheticWave({ respondentsPerPopulation: size, competencies: 30, regions: ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania', 'Unknown'], seed: 1, unequalWeights: true });
  for (const bootstrapReplicates of [0, replicates]) {
    const started = performance.now();
    const result = analyseWave(wave, testConfig({ bootstrapReplicates, weightCap: 5 }));
    const seconds = (performance.now() - started) / 1000;
    console.log(`${size} respondents/population, ${wave.answers.length} answers, B = ${bootstrapReplicates}: ${seconds.toFixed(2)} s (${result.estimates.length} estimates, ${result.tests.length} tests)`);
  }
}
