/**
 * Prints tools/bench/results.json as the Markdown tables quoted in docs/performance.md
 * (`node bin/run-ts.js tools/bench/results-table.ts`), so the note quotes the committed figures exactly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRun } from './run-bench-types.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const results = JSON.parse(readFileSync(join(root, 'bench', 'results.json'), 'utf8')) as {
  machine: { cpus: number; cpu_model?: string; memory_gb: number; node: string };
  runs: BenchRun[];
};
const stages = ['ingest', 'normalise', 'analyse', 'render'] as const;
const m = results.machine;
const lines = [
  `Machine: ${m.cpus} CPUs (${m.cpu_model ?? 'unknown model'}), ${m.memory_gb} GB RAM, Node ${m.node}.`,
  '',
  `| respondents / population | ${stages.map((s) => `${s} s`).join(' | ')} | total s | peak RSS MB | input MB | papaparse s | ingest % of parse | parallel papaparse s | ingest % of parallel parse | rerun s | one figure s |`,
  `|---:|${stages.map(() => '---:').join('|')}|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
  ...results.runs.map((run) =>
    `| ${run.respondents.toLocaleString('en')} | ${stages.map((s) => run.stages[s].wall_s.toFixed(2)).join(' | ')} | ${run.total_s.toFixed(1)} | ${run.peak_rss_mb} | ${run.input_mb} | ${run.papaparse_s.toFixed(2)} | ${run.ingest_pct_of_parse} | ${run.papaparse_parallel_s?.toFixed(2) ?? '–'} | ${run.ingest_pct_of_parallel_parse ?? '–'} | ${run.rerun_unchanged_s.toFixed(2)} | ${run.figure_regen_s.toFixed(2)} |`,
  ),
  '',
  `| respondents / population | ${stages.map((s) => `RSS high-water at ${s} end, MB`).join(' | ')} |`,
  `|---:|${stages.map(() => '---:').join('|')}|`,
  ...results.runs.map((run) => `| ${run.respondents.toLocaleString('en')} | ${stages.map((s) => run.stages[s].peak_rss_mb_at_end ?? '–').join(' | ')} |`),
  '',
  `| respondents / population | ${stages.map((s) => `${s} rows/s`).join(' | ')} | ${stages.map((s) => `${s} MB/s`).join(' | ')} |`,
  `|---:|${stages.map(() => '---:').join('|')}|${stages.map(() => '---:').join('|')}|`,
  ...results.runs.map((run) =>
    `| ${run.respondents.toLocaleString('en')} | ${stages.map((s) => run.stages[s].rows_per_s.toLocaleString('en')).join(' | ')} | ${stages.map((s) => run.stages[s].mb_per_s.toFixed(1)).join(' | ')} |`,
  ),
];
const withR = results.runs.filter((run) => run.r_survey);
if (withR.length > 0) {
  lines.push('', '| respondents / population | R read CSV s | R svyby s | cells | our analyse s | our speed ÷ R |', '|---:|---:|---:|---:|---:|---:|');
  for (const run of withR) {
    const r = run.r_survey!;
    lines.push(`| ${run.respondents.toLocaleString('en')} | ${r.read_s.toFixed(2)} | ${r.svyby_s.toFixed(2)} | ${r.cells} | ${run.stages.analyse.wall_s.toFixed(2)} | ${r.analyse_speed_ratio}× |`);
  }
}
console.log(lines.join('\n'));
