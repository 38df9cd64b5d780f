/**
 * The profiles benchmark (issue 15: all profiles of a 66-country wave in under 60 s on 2 cores), run
 * by `npm run bench` after the pipeline sizes, or alone: `node bin/run-ts.js tools/bench/profiles-bench.ts`.
 *
 *   sample generator (tools/generate/, via generate-bench-wave.ts), RESPONDENTS per population,
 *   the 66 countries of the sample waves ─▶ `skillgap run` once ─▶
 *   `skillgap profiles` 3 times in a child process each: median wall time, CPU time (user + system,
 *   all threads: the steadier figure on a shared machine), peak RSS, profiles written and pages
 *   ─▶ tools/bench/profiles-results.json
 */
import { rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCompetencyFramework } from '../generate/write-sample-waves.ts';
import { generateBenchWave } from './generate-bench-wave.ts';
import { measureCommand } from './measure-pipeline-run.ts';

/** Respondents per population: enough that every one of the 66 countries has at least k. */
export const PROFILE_BENCH_RESPONDENTS = 2_000;
const SEED = 15;
const TARGET_SECONDS = 60;

interface ProfilesJson {
  profiles: { level: string; pages: number }[];
}

export async function benchProfiles(root: string, log: (line: string) => void, runs = 3): Promise<Record<string, unknown>> {
  log(`\n── profiles: every region and country of a ${PROFILE_BENCH_RESPONDENTS.toLocaleString('en')}-respondent wave ──`);
  const wave = generateBenchWave(root, readCompetencyFramework(root), PROFILE_BENCH_RESPONDENTS, SEED, log);
  const out = join(root, 'tools', 'bench', 'tmp', 'out-profiles');
  rmSync(out, { recursive: true, force: true });
  await measureCommand(root, ['run', '--config', wave.configPath, '--out', out]);
  const measured = [];
  for (let run = 0; run < runs; run++) {
    const measurement = await measureCommand(root, ['profiles', '--config', wave.configPath, '--out', out]);
    const profiles = (measurement.result as ProfilesJson).profiles;
    measured.push({ ...measurement, profiles });
    log(`  run ${run + 1}: ${measurement.wallSeconds.toFixed(2)} s wall, ${measurement.cpuSeconds?.toFixed(2) ?? '?'} s CPU, ${profiles.length} profiles, peak RSS ${measurement.peakRssMb.toFixed(0)} MB (load average ${loadavg()[0].toFixed(1)})`);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
  const last = measured[measured.length - 1]!.profiles;
  const result = {
    respondents_per_population: PROFILE_BENCH_RESPONDENTS,
    regions: last.filter((profile) => profile.level === 'region').length,
    countries: last.filter((profile) => profile.level === 'country').length,
    pages: [Math.min(...last.map((profile) => profile.pages)), Math.max(...last.map((profile) => profile.pages))],
    median_wall_s: Number(median(measured.map((m) => m.wallSeconds)).toFixed(2)),
    median_cpu_s: measured.every((m) => m.cpuSeconds !== undefined) ? Number(median(measured.map((m) => m.cpuSeconds!)).toFixed(2)) : null,
    peak_rss_mb: Math.round(Math.max(...measured.map((m) => m.peakRssMb))),
    wall_s: measured.map((m) => Number(m.wallSeconds.toFixed(2))),
    target_s: TARGET_SECONDS,
    cores: availableParallelism(),
    load_average_1min_at_end: Number(loadavg()[0].toFixed(1)),
  };
  log(`  median ${result.median_wall_s} s wall (target < ${TARGET_SECONDS} s on 2 cores), ${result.median_cpu_s} s CPU, for ${result.regions} region and ${result.countries} country profiles`);
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  const result = await benchProfiles(root, (line) => process.stderr.write(line + '\n'));
  const machine = { cpus: cpus().length, cpu_model: cpus()[0]?.model ?? '', node: process.versions.node };
  writeFileSync(join(root, 'tools', 'bench', 'profiles-results.json'), JSON.stringify({ machine, profiles: result }, null, 2) + '\n');
  process.stderr.write('wrote tools/bench/profiles-results.json\n');
}
