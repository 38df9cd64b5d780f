/**
 * `skillgap compare --waves A,B`: brings both waves' analyses up to date (running only stale
 * stages up to analyse), then writes the change of every gap between them with its CI and test,
 * and the competencies entering or leaving the top 5 of each region's ranking.
 *
 *   <out>/compare/<A>-<B>/wave-change.csv   (columns as the wave-change resource of datapackage.json)
 *   <out>/compare/<A>-<B>/top-ranks.csv     (region, competency, movement: entered | left)
 */
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { compareWaves } from '../stages/analyse/compare-waves.ts';
import { askedDifferently } from '../stages/analyse/compare-asked.ts';
import { runCommand } from './run-command.ts';
import { readAnalysis } from '../stages/analyse/analyse-stage.ts';
import { formatCsv } from '../io/csv-write.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { UsageError } from '../contracts/errors.ts';
import type { WaveOptions } from '../runner/context.ts';

type WaveChange = ReturnType<typeof compareWaves>[number];

export const WAVE_CHANGE_COLUMNS = [
  'previous_wave', 'wave', 'region', 'competency', 'measure', 'previous_mean', 'mean', 'change', 'se', 'ci_low', 'ci_high', 'z', 'p_value', 'top5', 'suppressed',
] as const;

export interface CompareCommandOptions extends Pick<WaveOptions, 'out' | 'log' | 'root'> {
  /** Exactly two wave ids, earlier first. */
  waves: string[];
}

export async function compareCommand(options: CompareCommandOptions) {
  if (options.waves.length !== 2) throw new UsageError('--waves needs exactly two wave ids, earlier first, e.g. --waves 2022,2023');
  const [previousWave, currentWave] = options.waves;
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const outBase = resolve(options.out ?? 'out');
  for (const wave of options.waves) {
    await runCommand({ wave, out: outBase, log, root: options.root, only: ['ingest', 'normalise', 'analyse'] });
  }
  const previous = readAnalysis(join(outBase, previousWave))!;
  const current = readAnalysis(join(outBase, currentWave))!;
  const rows = compareWaves(previous, current);
  const warnings = askedDifferently(previous, current, { previous: waveScale(join(outBase, previousWave)), current: waveScale(join(outBase, currentWave)) });
  for (const warning of warnings) log(`  warning: ${warning}`);
  const dir = join(outBase, 'compare', `${previousWave}-${currentWave}`);
  writeFileAtomic(join(dir, 'wave-change.csv'), formatCsv(WAVE_CHANGE_COLUMNS, rows.map(waveChangeCells)));
  const movements = rows.filter((row) => row.top5 === 'entered' || row.top5 === 'left');
  writeFileAtomic(join(dir, 'top-ranks.csv'), formatCsv(['region', 'competency', 'movement'], movements.map((row) => [row.region, row.competency, row.top5])));

  const significant = rows.filter((row) => !row.suppressed && row.region === 'Global' && row.pValue < 0.05);
  log(`compare ${previousWave} → ${currentWave}: ${rows.length} gap changes written to ${dir}`);
  log(`  Global: ${significant.length} gap(s) changed at p < 0.05; top 5 entered: ${names(movements, 'entered')}; left: ${names(movements, 'left')}`);
  return { previousWave, wave: currentWave, dir, warnings, changes: rows.length, globalSignificant: significant.length, topRankMovements: movements.map((m) => ({ region: m.region, competency: m.competency, movement: m.top5 })) };
}

/** The answer scale a wave was normalised with (normalised/wave.json). */
function waveScale(waveOut: string): { min: number; max: number } {
  return (JSON.parse(readFileSync(join(waveOut, 'normalised', 'wave.json'), 'utf8')) as { scale: { min: number; max: number } }).scale;
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
