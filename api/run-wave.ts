/**
 * Running a wave from code goes through the same handler as `skillgap run` (runCommand), so the
 * manifest, the staleness checks and the skipped stages are exactly those of the command line.
 */
import { runCommand, type RunCommandOptions } from '../commands/run-command.ts';
import { STAGES, type StageName, type StageOutcome } from '../runner/run.ts';
import { UsageError } from '../contracts/errors.ts';
import type { WaveSelection } from './wave-selection.ts';

export interface RunWaveOptions extends WaveSelection {
  /** Rerun every stage even when it is up to date. */
  force?: boolean;
  /** When another run is writing the wave's out folder, wait for it (else a UsageError names it). */
  wait?: boolean;
}

export interface RunWaveResult {
  wave: string;
  outDir: string;
  /** What each stage did: ran (and why) or skipped as up to date. */
  stages: StageOutcome[];
}

const quiet = () => {};

/**
 * Runs ingest → normalise → analyse → render for a wave, skipping stages that are up to date,
 * like `skillgap run`. Quiet unless `log` is given.
 *
 * @example
 * ```ts
 * const result = await runWave({ wave: '2022', out: 'out' });
 * result.stages.map((s) => `${s.stage}: ${s.ran ? 'ran' : 'skipped'}`);
 * // ['ingest: ran', 'normalise: ran', 'analyse: ran', 'render: ran'] the first time
 * ```
 */
export async function runWave(options: RunWaveOptions = {}): Promise<RunWaveResult> {
  return runCommand(commandOptions(options));
}

/**
 * Runs one stage (when it is stale, or always with `force`), like `skillgap analyse`.
 * The stages before it must have run into the same out folder.
 *
 * @example
 * ```ts
 * await runStage('analyse', { wave: '2022', out: 'out', force: true });
 * ```
 */
export async function runStage(stage: StageName, options: RunWaveOptions = {}): Promise<RunWaveResult> {
  const names = STAGES.map((s) => s.name);
  if (!names.includes(stage)) throw new UsageError(`unknown stage "${stage}": use one of ${names.join(', ')}`);
  return runCommand({ ...commandOptions(options), only: [stage] });
}

function commandOptions(options: RunWaveOptions): RunCommandOptions {
  return { wave: options.wave, config: options.config, out: options.out, force: options.force, wait: options.wait, log: options.log ?? quiet };
}
