/**
 * `npm run bench`: the pipeline's speed and memory, measured honestly (issue 8).
 *
 *   for each size (10k, 100k, 1M respondents per population; `--quick`: 10k only):
 *     generate (cached in tools/bench/tmp/) ─▶ `skillgap run --force` in a child process, 3 times
 *        (fresh out folder each time): median wall time per stage, rows/s, MB/s, peak RSS
 *     ─▶ papaparse alone over the same exports (the practical ingest limit)
 *     ─▶ `skillgap run` again with nothing changed (target < 1 s)
 *     ─▶ `skillgap figures --only gap-heatmap` (target < 2 s)
 *     ─▶ DuckDB doing the core job (read, recode, regions, weighted means and SEs) on the same
 *        exports, 3 times (tools/bench/duckdb-baseline.ts): skillgap's ingest + normalise + analyse as a
 *        ratio to it, and its means checked against skillgap's estimates.csv
 *     ─▶ with `--vs-r`: R's survey::svyby on the same normalised tables
 *   the bundled sample wave (the everyday loop), 3 times: `skillgap run` from an empty out folder
 *     (as `npm start`), the rerun with nothing changed, one figure; wall and CPU time (user + sys);
 *     with `--baseline DIR` (a checkout of an earlier commit, with its node_modules) the same
 *     commands of that checkout, interleaved run by run, and the ratios: before and after measured
 *     back to back on a shared, noisy machine
 *   ─▶ tools/bench/results.json
 *
 *   ─▶ the profiles of a 66-country wave (profiles-bench.ts) ─▶ tools/bench/profiles-results.json
 *
 * Options: --quick, --no-profiles, --vs-r, --r-max N (largest size R is timed at, default 10000: svyby takes
 * about a minute at 10k and grows linearly), --sizes 10000,100000, --runs N (default 3), --no-write,
 * --baseline DIR, --sample-only (only the sample wave), --no-duckdb, --duckdb-max N (largest size DuckDB
 * is timed at; its job takes ≈ 37 s at 100k on 2 cores and grows linearly).
 * Every figure is from a separate process, as a user would run it; totals include Node start-up.
 */
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCompetencyFramework } from '../generate/write-sample-waves.ts';
import { generateBenchWave } from './generate-bench-wave.ts';
import { measureCommand } from './measure-pipeline-run.ts';
import { timePapaparse, timePapaparseInParallel } from './papaparse-baseline.ts';
import { timeRSurvey } from './r-survey-baseline.ts';
import { compareWithEstimates, timeDuckDb, type EstimateComparison } from './duckdb-baseline.ts';
import { readFileSync } from 'node:fs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** Seed of the synthetic waves (tools/bench/tmp/wave-<respondents>-<seed>). */
const SEED = 1;
const STAGES: readonly Stage[] = ['ingest', 'normalise', 'analyse', 'render'];

interface StageOutcome {
  stage: Stage;
  ran: boolean;
  rowsIn?: number;
  wallSeconds?: number;
  peakRssMb?: number;
}
interface RunResult {
  wave: string;
  outDir: string;
  stages: StageOutcome[];
}

import type { BenchRun, SampleWaveRun, Stage, StageFigures } from './run-bench-types.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const sizes = flag('--quick') ? [10_000] : (option('--sizes')?.split(',').map(Number) ?? [10_000, 100_000, 1_000_000]);
const repeats = Number(option('--runs') ?? 3);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const round = (value: number, digits = 2) => Number(value.toFixed(digits));
const log = (line: string) => process.stderr.write(line + '\n');

/** Bytes of the files under a folder (recursively); what a stage reads, for MB/s. */
function folderBytes(dir: string, keep: (name: string) => boolean = () => true): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(path, keep);
    else if (keep(entry.name)) total += statSync(path).size;
  }
  return total;
}

async function benchSize(respondents: number): Promise<BenchRun> {
  log(`\n── ${respondents.toLocaleString('en')} respondents per population ──`);
  const wave = generateBenchWave(ROOT, readCompetencyFramework(ROOT), respondents, SEED, log);
  const inputBytes = Object.values(wave.bytes).reduce((sum, bytes) => sum + bytes, 0);
  const outBase = join(ROOT, 'tools', 'bench', 'tmp', `out-${respondents}`);
  const runArgs = ['run', '--config', wave.configPath, '--out', outBase];

  const timings: { stages: Record<Stage, number>; rows: Record<Stage, number>; stageRss: Record<Stage, number>; total: number; rss: number }[] = [];
  let outDir = '';
  for (let run = 1; run <= repeats; run++) {
    rmSync(outBase, { recursive: true, force: true });
    const measured = await measureCommand(ROOT, [...runArgs, '--force']);
    const result = measured.result as RunResult;
    outDir = result.outDir;
    const stages = {} as Record<Stage, number>;
    const rows = {} as Record<Stage, number>;
    const stageRss = {} as Record<Stage, number>;
    for (const outcome of result.stages) {
      stages[outcome.stage] = outcome.wallSeconds ?? 0;
      rows[outcome.stage] = outcome.rowsIn ?? 0;
      stageRss[outcome.stage] = outcome.peakRssMb ?? 0;
    }
    timings.push({ stages, rows, stageRss, total: measured.wallSeconds, rss: measured.peakRssMb });
    log(`  run ${run}: ${measured.wallSeconds.toFixed(2)} s, peak RSS ${measured.peakRssMb.toFixed(0)} MB (${STAGES.map((s) => `${s} ${stages[s].toFixed(2)} s`).join(', ')})`);
  }

  // What each stage reads, for MB/s: the exports, then the previous stage's folder.
  const stageInputBytes: Record<Stage, number> = {
    ingest: inputBytes,
    normalise: folderBytes(join(outDir, 'ingested')),
    analyse: folderBytes(join(outDir, 'normalised')),
    render: folderBytes(join(outDir, 'analysis')),
  };
  const stages = {} as Record<Stage, StageFigures>;
  for (const stage of STAGES) {
    const wall = median(timings.map((t) => t.stages[stage]));
    stages[stage] = {
      wall_s: round(wall, 3), rows_per_s: Math.round(timings[0].rows[stage] / wall), mb_per_s: round(stageInputBytes[stage] / 1e6 / wall, 1),
      peak_rss_mb_at_end: Math.max(...timings.map((t) => t.stageRss[stage])),
    };
  }

  let papaparseSeconds = 0;
  for (const file of wave.files) papaparseSeconds += (await timePapaparse(file)).seconds;
  const papaparseParallelSeconds = await timePapaparseInParallel(wave.files);
  const rerun = await measureCommand(ROOT, runArgs);
  const rerunStages = (rerun.result as RunResult).stages;
  if (rerunStages.some((s) => s.ran)) log(`  warning: the unchanged rerun ran ${rerunStages.filter((s) => s.ran).map((s) => s.stage).join(', ')}`);
  const figure = await measureCommand(ROOT, ['figures', '--config', wave.configPath, '--out', outBase, '--only', 'gap-heatmap']);

  const result: BenchRun = {
    respondents,
    stages,
    total_s: round(median(timings.map((t) => t.total)), 2),
    peak_rss_mb: Math.round(Math.max(...timings.map((t) => t.rss))),
    ingest_pct_of_parse: round((100 * papaparseSeconds) / stages.ingest.wall_s, 1),
    ingest_pct_of_parallel_parse: round((100 * papaparseParallelSeconds) / stages.ingest.wall_s, 1),
    papaparse_parallel_s: round(papaparseParallelSeconds, 3),
    input_mb: round(inputBytes / 1e6, 1),
    papaparse_s: round(papaparseSeconds, 3),
    rerun_unchanged_s: round(rerun.wallSeconds, 3),
    figure_regen_s: round(figure.wallSeconds, 3),
  };
  if (!flag('--no-duckdb') && respondents <= Number(option('--duckdb-max') ?? Infinity)) {
    const seconds: number[] = [];
    let comparison: EstimateComparison | undefined;
    for (let run = 1; run <= repeats; run++) {
      const duck = await timeDuckDb(wave.configPath);
      seconds.push(duck.seconds);
      comparison ??= compareWithEstimates(duck.estimates, readFileSync(join(outDir, 'analysis', 'estimates.csv'), 'utf8'));
    }
    const core = stages.ingest.wall_s + stages.normalise.wall_s + stages.analyse.wall_s;
    const duckSeconds = median(seconds);
    result.duckdb = {
      seconds: round(duckSeconds, 3), runs: seconds.map((value) => round(value, 3)), skillgap_core_s: round(core, 3), ratio: round(core / duckSeconds, 2),
      cells_compared: comparison!.compared, cells_missing: comparison!.missing, counts_differ: comparison!.countsDiffer,
      max_mean_difference: comparison!.maxMeanDifference, max_se_difference: comparison!.maxSeDifference,
    };
    if (comparison!.missing > 0 || comparison!.countsDiffer > 0 || comparison!.maxMeanDifference > 1e-9 || comparison!.maxSeDifference > 1e-9) {
      log(`  warning: DuckDB's estimates differ from skillgap's: ${JSON.stringify(comparison)}`);
    }
  }
  if (flag('--vs-r') && respondents <= Number(option('--r-max') ?? 10_000)) {
    const normalised = join(outDir, 'normalised');
    const answers = join(normalised, 'answers.csv');
    if (!existsSync(answers)) log('  R: skipped (no long answers.csv at this size: see output.longAnswers in docs/performance.md)');
    else {
      log('  R: survey::svyby on the same normalised tables…');
      const timing = timeRSurvey(join(normalised, 'respondents.csv'), answers);
      if (!timing) log('  R: skipped (Rscript with library(survey) not found)');
      else result.r_survey = { read_s: timing.readSeconds, svyby_s: timing.svybySeconds, cells: timing.cells, analyse_speed_ratio: round(timing.svybySeconds / stages.analyse.wall_s, 2) };
    }
  }
  printRun(result);
  return result;
}

function printRun(run: BenchRun): void {
  const lines = [
    `  stage       wall s    rows/s       MB/s   RSS high-water MB at stage end`,
    ...STAGES.map((stage) => {
      const s = run.stages[stage];
      return `  ${stage.padEnd(10)} ${s.wall_s.toFixed(2).padStart(7)} ${String(s.rows_per_s).padStart(10)} ${s.mb_per_s.toFixed(1).padStart(10)} ${String(s.peak_rss_mb_at_end ?? '').padStart(8)}`;
    }),
    `  total ${run.total_s.toFixed(2)} s (process, Node start-up included), peak RSS ${run.peak_rss_mb} MB`,
    `  papaparse alone: ${run.papaparse_s.toFixed(2)} s for ${run.input_mb} MB (exports one after the other, one thread); ingest runs at ${run.ingest_pct_of_parse}% of its throughput`,
    `  papaparse, one worker per export at once: ${run.papaparse_parallel_s?.toFixed(2)} s; ingest runs at ${run.ingest_pct_of_parallel_parse}% of its throughput`,
    `  rerun with nothing changed: ${run.rerun_unchanged_s.toFixed(2)} s; one figure (gap-heatmap): ${run.figure_regen_s.toFixed(2)} s`,
  ];
  if (run.duckdb) {
    const d = run.duckdb;
    lines.push(`  DuckDB, the same job: ${d.seconds.toFixed(2)} s; skillgap's ingest + normalise + analyse ${d.skillgap_core_s.toFixed(2)} s = ${d.ratio}× DuckDB's time; ${d.cells_compared} published cells compared, means differ by ≤ ${d.max_mean_difference.toExponential(1)}, SEs by ≤ ${d.max_se_difference.toExponential(1)}`);
  }
  if (run.r_survey) {
    const r = run.r_survey;
    lines.push(`  R survey::svyby: ${r.svyby_s.toFixed(2)} s for ${r.cells} cells (+ ${r.read_s.toFixed(2)} s reading CSV); our analyse stage is ${r.analyse_speed_ratio}× its speed`);
  }
  log(lines.join('\n'));
}

/**
 * The everyday loop on the bundled sample wave: a run from an empty out folder (`npm start`), the
 * rerun with nothing changed, one figure. With a baseline checkout, its commands run right after
 * ours in each repeat, so both see the same load.
 */
async function benchSampleWave(baseline: string | undefined): Promise<SampleWaveRun> {
  log('\n── the bundled sample wave (2022) ──');
  const trees = baseline ? [{ name: 'current', root: ROOT }, { name: 'baseline', root: resolve(baseline) }] : [{ name: 'current', root: ROOT }];
  const measured: Record<string, Record<'start' | 'rerun' | 'figure', { wall: number; cpu: number }[]>> = {};
  for (const tree of trees) measured[tree.name] = { start: [], rerun: [], figure: [] };
  for (let run = 1; run <= repeats; run++) {
    for (const tree of trees) {
      const out = join(ROOT, 'tools', 'bench', 'tmp', `sample-out-${tree.name}`);
      rmSync(out, { recursive: true, force: true });
      const waveArgs = ['--wave', '2022', '--out', out];
      const start = await measureCommand(tree.root, ['run', ...waveArgs], {}, tree.root);
      const rerun = await measureCommand(tree.root, ['run', ...waveArgs], {}, tree.root);
      const figure = await measureCommand(tree.root, ['figures', ...waveArgs, '--only', 'gap-heatmap'], {}, tree.root);
      const m = measured[tree.name];
      m.start.push({ wall: start.wallSeconds, cpu: start.cpuSeconds });
      m.rerun.push({ wall: rerun.wallSeconds, cpu: rerun.cpuSeconds });
      m.figure.push({ wall: figure.wallSeconds, cpu: figure.cpuSeconds });
      log(`  run ${run} ${tree.name.padEnd(8)}: npm start ${start.wallSeconds.toFixed(2)} s (CPU ${start.cpuSeconds.toFixed(2)} s), rerun ${rerun.wallSeconds.toFixed(2)} s (CPU ${rerun.cpuSeconds.toFixed(2)}), one figure ${figure.wallSeconds.toFixed(2)} s (CPU ${figure.cpuSeconds.toFixed(2)})`);
    }
  }
  const summarise = (values: { wall: number; cpu: number }[]) => ({
    wall_s: round(median(values.map((v) => v.wall)), 3), cpu_s: round(median(values.map((v) => v.cpu)), 3), wall_runs: values.map((v) => round(v.wall, 3)),
  });
  const figures = (name: string) => ({ start: summarise(measured[name].start), rerun: summarise(measured[name].rerun), figure: summarise(measured[name].figure) });
  const result: SampleWaveRun = { runs: repeats, current: figures('current') };
  if (baseline) {
    const before = figures('baseline');
    const ratio = (key: 'start' | 'rerun' | 'figure') => ({ wall: round(result.current[key].wall_s / before[key].wall_s, 2), cpu: round(result.current[key].cpu_s / before[key].cpu_s, 2) });
    result.baseline = { dir: baseline, ...before };
    result.ratio_to_baseline = { start: ratio('start'), rerun: ratio('rerun'), figure: ratio('figure') };
  }
  const c = result.current;
  log(`  medians: npm start ${c.start.wall_s.toFixed(2)} s (CPU ${c.start.cpu_s.toFixed(2)} s), rerun ${c.rerun.wall_s.toFixed(2)} s (CPU ${c.rerun.cpu_s.toFixed(2)} s), one figure ${c.figure.wall_s.toFixed(2)} s (CPU ${c.figure.cpu_s.toFixed(2)} s)`);
  if (result.baseline && result.ratio_to_baseline) {
    const b = result.baseline;
    const r = result.ratio_to_baseline;
    log(`  baseline: npm start ${b.start.wall_s.toFixed(2)} s (CPU ${b.start.cpu_s.toFixed(2)} s), rerun ${b.rerun.wall_s.toFixed(2)} s (CPU ${b.rerun.cpu_s.toFixed(2)} s), one figure ${b.figure.wall_s.toFixed(2)} s (CPU ${b.figure.cpu_s.toFixed(2)} s)`);
    log(`  current ÷ baseline (wall / CPU): npm start ${r.start.wall} / ${r.start.cpu}, rerun ${r.rerun.wall} / ${r.rerun.cpu}, one figure ${r.figure.wall} / ${r.figure.cpu}`);
  }
  return result;
}

const sample_wave = await benchSampleWave(option('--baseline'));
const runs: BenchRun[] = [];
if (!flag('--sample-only')) for (const size of sizes) runs.push(await benchSize(size));
// Profiles of a 66-country wave (tools/bench/profiles-bench.ts); not with --quick.
if (!flag('--quick') && !flag('--no-profiles') && !flag('--sample-only')) {
  const { benchProfiles } = await import('./profiles-bench.ts');
  const profiles = await benchProfiles(ROOT, log, repeats);
  if (!flag('--no-write')) writeFileSync(join(ROOT, 'tools', 'bench', 'profiles-results.json'), JSON.stringify({ profiles }, null, 2) + '\n');
}
const results = {
  machine: { cpus: cpus().length, cpu_model: cpus()[0]?.model ?? '', memory_gb: round(totalmem() / 2 ** 30, 1), node: process.versions.node },
  sample_wave,
  runs,
};
if (!flag('--no-write') && !flag('--quick')) {
  writeFileSync(join(ROOT, 'tools', 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  log('\nwrote tools/bench/results.json');
}
