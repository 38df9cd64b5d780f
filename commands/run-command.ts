import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createContext, type WaveOptions } from '../runner/context.ts';
import { explainStatus, readManifest, runStages, type StageName, type StageOutcome } from '../runner/run.ts';
import { WAVE_STAGES } from './wave-stages.ts';
import { whileLocked } from '../io/wave-lock.ts';
import type { Warning } from '../contracts/types.ts';
import * as messages from '../contracts/messages/cli.ts';
import { lastRunPath, recordLastRun, shownPath, waveOfLastRun, type WaveSource } from './last-run.ts';


export interface RunCommandOptions extends WaveOptions {
  force?: boolean;
  /** Run only these stages (e.g. `skillgap analyse`). */
  only?: StageName[];
  /** When another run holds the wave's out folder, wait for it instead of exiting 2. */
  wait?: boolean;
  /** Record this run in <out>/.last-run.json for `status` and `figures` (default true; `compare` runs its two waves without). */
  recordLastRun?: boolean;
}

export interface RunCommandResult {
  wave: string;
  outDir: string;
  stages: StageOutcome[];
  /** The report's files, when the run included the render stage and they exist. */
  report?: { pdf: string; html: string };
  /** The warnings of the stages that ran now (every stage's are kept in manifest.json). */
  warnings: Warning[];
}

/** `skillgap run` and the single-stage commands: runs what is stale, returns what each stage did. */
export async function runCommand(options: RunCommandOptions): Promise<RunCommandResult> {
  const ctx = createContext(options);
  ctx.log(`skillgap: wave ${ctx.wave.config.wave} → ${ctx.outDir}`);
  const lock = { wave: ctx.wave.config.wave, wait: options.wait, log: ctx.log, command: options.only ? options.only.join(',') : 'run' };
  const stages = await whileLocked(ctx.outDir, lock, () => {
    if (options.recordLastRun !== false) {
      recordLastRun(options.out, { wave: ctx.wave.config.wave, config: options.config ? resolve(options.config) : null, command: lock.command });
    }
    return runStages(ctx, WAVE_STAGES, { force: options.force, only: options.only });
  });
  const manifest = readManifest(ctx);
  const warnings = stages.filter((stage) => stage.ran).flatMap((stage) => manifest?.stages[stage.stage]?.warnings ?? []);
  const result: RunCommandResult = { wave: ctx.wave.config.wave, outDir: ctx.outDir, stages, warnings };
  const pdf = join(ctx.outDir, 'report.pdf');
  const html = join(ctx.outDir, 'report.html');
  if ((!options.only || options.only.includes('render')) && existsSync(pdf) && existsSync(html)) {
    result.report = { pdf, html };
    ctx.log(messages.reportWritten(shownPath(pdf), shownPath(html)));
  }
  return result;
}

/** `skillgap status`: which stages would run, and why; without --wave or --config, for the last run's wave. */
export async function statusCommand(options: WaveOptions) {
  const chosen = waveOfLastRun(options);
  const ctx = createContext(chosen.options);
  const wave = ctx.wave.config.wave;
  ctx.log(`status of ${messages.waveChosen(wave, chosen.from, shownPath(lastRunPath(options.out)))} → ${ctx.outDir}`);
  const stages = await explainStatus(ctx, WAVE_STAGES);
  for (const stage of stages) ctx.log(`${stage.stage}: ${stage.stale ? 'will run' : 'up to date'} (${stage.reason})`);
  return { wave, waveFrom: chosen.from satisfies WaveSource, outDir: ctx.outDir, stages };
}

