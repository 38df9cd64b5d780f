/**
 * `skillgap compare --waves A,B` (or `--config A/wave.json --config B/wave.json`): brings both
 * waves' analyses up to date (running only stale stages up to analyse), then writes the change of
 * every gap between them with its CI and test, and the competencies entering or leaving the top 5
 * of each region's ranking.
 *
 *   <out>/compare/<A>-<B>/wave-change.csv   (and datapackage.json, its Frictionless descriptor)
 *   <out>/compare/<A>-<B>/top-ranks.csv     (region, competency, movement: entered | left)
 */
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { compareWaves } from '../stages/analyse/compare-waves.ts';
import { askedDifferently } from '../stages/analyse/compare-asked.ts';
import { runCommand } from './run-command.ts';
import { readAnalysis } from '../io/read-analysis.ts';
import { waveChangeResource } from '../stages/analyse/describe-analysis-tables.ts';
import { formatCsv } from '../io/csv-write.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { UsageError } from '../contracts/errors.ts';
import { compareDir, normalisedFiles, waveOutDir } from '../io/wave-layout.ts';
import type { WaveOptions } from '../runner/context.ts';
import * as messages from '../contracts/messages/cli.ts';

type WaveChange = ReturnType<typeof compareWaves>[number];

export const WAVE_CHANGE_COLUMNS = [
  'previous_wave', 'wave', 'region', 'competency', 'measure', 'previous_mean', 'mean', 'change', 'se', 'ci_low', 'ci_high', 'z', 'p_value', 'top5', 'suppressed',
] as const;

export interface CompareCommandOptions extends Pick<WaveOptions, 'out' | 'log' | 'root'> {
  /** Two wave ids under data/raw, earlier first (or give `configs`). */
  waves?: string[];
  /** Two wave configs (wave.json files), earlier first, as `--config` gives them to every command. */
  configs?: string[];
}

export async function compareCommand(options: CompareCommandOptions) {
  const waves = options.waves ?? [];
  const configs = options.configs ?? [];
  if (waves.length > 0 && configs.length > 0) throw new UsageError(messages.compareMixed());
  const given: Pick<WaveOptions, 'wave' | 'config'>[] = waves.length > 0 ? waves.map((wave) => ({ wave })) : configs.map((config) => ({ config }));
  if (given.length !== 2) throw new UsageError(messages.compareWavesNeeded());
  if (waves.length > 0 && waves[0] === waves[1]) throw new UsageError(messages.compareSameWave(waves[0]!));
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const outBase = resolve(options.out ?? 'out');
  const ids: string[] = [];
  for (const wave of given) {
    const run = await runCommand({ ...wave, out: outBase, log, root: options.root, only: ['ingest', 'normalise', 'analyse'], recordLastRun: false });
    ids.push(run.wave);
  }
  const [previousWave, currentWave] = ids as [string, string];
  if (previousWave === currentWave) throw new UsageError(messages.compareSameWave(currentWave));
  const previous = readAnalysis(waveOutDir(outBase, previousWave))!;
  const current = readAnalysis(waveOutDir(outBase, currentWave))!;
  const rows = compareWaves(previous, current);
  const warnings = askedDifferently(previous, current, { previous: waveScale(waveOutDir(outBase, previousWave)), current: waveScale(waveOutDir(outBase, currentWave)) });
  for (const warning of warnings) log(`  warning: ${warning}`);
  const dir = compareDir(outBase, previousWave, currentWave);
  writeFileAtomic(join(dir, 'wave-change.csv'), formatCsv(WAVE_CHANGE_COLUMNS, rows.map(waveChangeCells)));
  const waveChangePackage = { profile: 'tabular-data-package', name: `skillgap-wave-change-${previousWave}-${currentWave}`.toLowerCase(), resources: [waveChangeResource()] };
  writeFileAtomic(join(dir, 'datapackage.json'), JSON.stringify(waveChangePackage, null, 2) + '\n');
  const movements = rows.filter((row) => row.top5 === 'entered' || row.top5 === 'left');
  writeFileAtomic(join(dir, 'top-ranks.csv'), formatCsv(['region', 'competency', 'movement'], movements.map((row) => [row.region, row.competency, row.top5])));

  const significant = rows.filter((row) => !row.suppressed && row.region === 'Global' && row.pValue < 0.05);
  log(`compare ${previousWave} → ${currentWave}: ${rows.length} gap changes written to ${dir}`);
  log(`  Global: ${significant.length} gap(s) changed at p < 0.05; top 5 entered: ${names(movements, 'entered')}; left: ${names(movements, 'left')}`);
  return { previousWave, wave: currentWave, dir, warnings, changes: rows.length, globalSignificant: significant.length, topRankMovements: movements.map((m) => ({ region: m.region, competency: m.competency, movement: m.top5 })) };
}

/** The answer scale a wave was normalised with (normalised/wave.json). */
function waveScale(waveOut: string): { min: number; max: number } {
  return (JSON.parse(readFileSync(normalisedFiles({ outDir: waveOut }).meta, 'utf8')) as { scale: { min: number; max: number } }).scale;
}

function names(rows: WaveChange[], movement: string): string {
  const list = rows.filter((row) => row.region === 'Global' && row.top5 === movement).map((row) => row.competency);
  return list.length > 0 ? list.join(', ') : 'none';
}

function waveChangeCells(row: WaveChange) {
  return [
    row.previousWave, row.wave, row.region, row.competency, row.measure, row.previousMean, row.mean, row.change, row.se,
    row.ciLow, row.ciHigh, row.z, row.pValue, row.top5, row.suppressed,
  ];
}
