/**
 * `npm run bench`: the pipeline's speed and memory, measured honestly (issue 8).
 *
 *   for each size (10k, 100k, 1M respondents per population; `--quick`: 10k only):
 *     generate (cached in tools/bench/tmp/) ─▶ `skillgap run --force` in a child process, 3 times
 *        (fresh out folder each time): median wall time per stage, rows/s, MB/s, peak RSS
 *     ─▶ papaparse alone over the same exports (the practical ingest limit)
 *     ─▶ `skillgap run` again with nothing changed (target < 1 s)
 *     ─▶ `skillgap figures --only gap-heatmap` (target < 2 s)
 *     ─▶ with `--vs-r`: R's survey::svyby on the same normalised tables
 *   ─▶ tools/bench/results.json
 *
 * Options: --quick, --vs-r, --r-max N (largest size R is timed at, default 10000: svyby takes
 * about a minute at 10k and grows linearly), --sizes 10000,100000, --runs N (default 3), --no-write.
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

import type { BenchRun, Stage, StageFigures } from './run-bench-types.ts';

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
  if (run.r_survey) {
    const r = run.r_survey;
    lines.push(`  R survey::svyby: ${r.svyby_s.toFixed(2)} s for ${r.cells} cells (+ ${r.read_s.toFixed(2)} s reading CSV); our analyse stage is ${r.analyse_speed_ratio}× its speed`);
  }
  log(lines.join('\n'));
}

const runs: BenchRun[] = [];
for (const size of sizes) runs.push(await benchSize(size));
const results = {
  machine: { cpus: cpus().length, cpu_model: cpus()[0]?.model ?? '', memory_gb: round(totalmem() / 2 ** 30, 1), node: process.versions.node },
  runs,
};
if (!flag('--no-write') && !flag('--quick')) {
  writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  log('\nwrote tools/bench/results.json');
}
