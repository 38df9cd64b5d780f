/**
 * The record of the last run: `run` and the single-stage commands write <out>/.last-run.json (the
 * wave id, and the wave config when it was given with --config), so `status` and `figures`
 * without --wave or --config work on the wave that was run last, and say so. With no record, they
 * fall back to the newest wave under data/raw (as before), and say that too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { UsageError } from '../contracts/errors.ts';
import { isSafeId } from '../contracts/config.ts';
import * as messages from '../contracts/messages/cli.ts';
import type { WaveOptions } from '../runner/context.ts';

export const LAST_RUN_FILE = '.last-run.json';

export interface LastRun {
  wave: string;
  /** Absolute path of the wave config when the run was given --config; null for data/raw/<wave>/wave.json. */
  config: string | null;
  /** The command that ran (`run`, or the single stage's name). */
  command: string;
}

/** Where a command's wave came from: named on the command line, the last run's, or the newest under data/raw. */
export type WaveSource = 'option' | 'last-run' | 'newest';

export const lastRunPath = (out: string | undefined) => join(resolve(out ?? 'out'), LAST_RUN_FILE);

export function recordLastRun(out: string | undefined, run: LastRun): void {
  writeFileAtomic(lastRunPath(out), JSON.stringify(run, null, 2) + '\n');
}

export function readLastRun(out: string | undefined): LastRun | null {
  const path = lastRunPath(out);
  if (!existsSync(path)) return null;
  let record: Partial<LastRun>;
  try {
    record = JSON.parse(readFileSync(path, 'utf8')) as Partial<LastRun>;
  } catch (error) {
    throw new UsageError(messages.lastRunUnreadable(path, `is not valid JSON (${(error as Error).message})`));
  }
  if (!record || !isSafeId(record.wave) || (record.config !== null && typeof record.config !== 'string')) {
    throw new UsageError(messages.lastRunUnreadable(path, 'does not name a wave'));
  }
  if (record.config && !existsSync(record.config)) throw new UsageError(messages.lastRunConfigGone(path, record.config));
  return { wave: record.wave, config: record.config ?? null, command: String(record.command ?? 'run') };
}

/**
 * The wave options a command that reads a wave's outputs (status, figures) works with: the ones
 * given, else the last run's, else none (createContext then takes the newest wave under data/raw).
 */
export function waveOfLastRun<T extends WaveOptions>(options: T): { options: T; from: WaveSource } {
  if (options.wave || options.config) return { options, from: 'option' };
  const last = readLastRun(options.out);
  if (!last) return { options, from: 'newest' };
  return { options: { ...options, ...(last.config ? { config: last.config } : { wave: last.wave }) }, from: 'last-run' };
}

/** A path as the user best reads it: relative to the current folder when inside it. */
export function shownPath(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere && !fromHere.startsWith('..') && !isAbsolute(fromHere) ? fromHere : path;
}
