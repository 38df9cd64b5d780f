import { createContext, type WaveOptions } from '../runner/context.ts';
import { explainStatus, runStages, type StageName, type StageOutcome } from '../runner/run.ts';
import { whileLocked } from '../io/wave-lock.ts';

export interface RunCommandOptions extends WaveOptions {
  force?: boolean;
  /** Run only these stages (e.g. `skillgap analyse`). */
  only?: StageName[];
  /** When another run holds the wave's out folder, wait for it instead of exiting 2. */
  wait?: boolean;
}

/** `skillgap run` and the single-stage commands: runs what is stale, returns what each stage did. */
export async function runCommand(options: RunCommandOptions): Promise<{ wave: string; outDir: string; stages: StageOutcome[] }> {
  const ctx = createContext(options);
  ctx.log(`skillgap: wave ${ctx.wave.config.wave} → ${ctx.outDir}`);
  const lock = { wave: ctx.wave.config.wave, wait: options.wait, log: ctx.log, command: options.only ? options.only.join(',') : 'run' };
  const stages = await whileLocked(ctx.outDir, lock, () => runStages(ctx, { force: options.force, only: options.only }));
  return { wave: ctx.wave.config.wave, outDir: ctx.outDir, stages };
}

/** `skillgap status`: which stages would run, and why. */
export async function statusCommand(options: WaveOptions) {
  const ctx = createContext(options);
  const stages = await explainStatus(ctx);
  for (const stage of stages) ctx.log(`${stage.stage}: ${stage.stale ? 'will run' : 'up to date'} (${stage.reason})`);
  return { wave: ctx.wave.config.wave, outDir: ctx.outDir, stages };
}
