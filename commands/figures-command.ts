import { createContext, type WaveOptions } from '../runner/context.ts';
import { buildFigureInput, writeFigures } from '../stages/render/render-run.ts';
import type { FigureFormat } from '../stages/render/render-figure.ts';
import { UsageError } from '../contracts/errors.ts';
import { whileLocked } from '../io/wave-lock.ts';
import * as messages from '../contracts/messages/cli.ts';
import { lastRunPath, shownPath, waveOfLastRun } from './last-run.ts';

export interface FiguresCommandOptions extends WaveOptions {
  only?: string[];
  formats?: string[];
  /** When another run holds the wave's out folder, wait for it instead of exiting 2. */
  wait?: boolean;
}

const FORMATS: FigureFormat[] = ['svg', 'png', 'vl'];

/**
 * `skillgap figures`: regenerates figures from the cached analysis, without rerunning earlier
 * stages; without --wave or --config, for the last run's wave (and it says which).
 */
export async function figuresCommand(options: FiguresCommandOptions) {
  for (const format of options.formats ?? []) {
    if (!FORMATS.includes(format as FigureFormat)) throw new UsageError(`unknown figure format "${format}": use ${FORMATS.join(', ')}`);
  }
  const chosen = waveOfLastRun(options);
  const ctx = createContext(chosen.options);
  ctx.log(`figures of ${messages.waveChosen(ctx.wave.config.wave, chosen.from, shownPath(lastRunPath(options.out)))}`);
  const started = ctx.clock();
  const figures = await whileLocked(ctx.outDir, { wave: ctx.wave.config.wave, wait: options.wait, log: ctx.log, command: 'figures' }, async () => {
    const input = buildFigureInput(ctx);
    return writeFigures(ctx, input, { only: options.only, formats: options.formats as FigureFormat[] | undefined });
  });
  const seconds = (ctx.clock() - started) / 1000;
  ctx.log(`figures: ${figures.map((f) => f.id).join(', ')} written to ${ctx.outDir}/figures in ${seconds.toFixed(2)} s`);
  return { wave: ctx.wave.config.wave, waveFrom: chosen.from, outDir: ctx.outDir, figures: figures.map((f) => f.id), seconds };
}
