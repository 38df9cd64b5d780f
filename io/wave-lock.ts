/**
 * One run per out/<wave> at a time. A run that writes the wave's out folder first creates
 * out/<wave>/.lock (O_EXCL: of two runs exactly one succeeds) holding its pid, host, start time
 * and, on Linux, the process's start tick (/proc/<pid>/stat field 22, so a pid reused by another
 * program is not taken for the holder). A second run exits 2 ("wave 2022 is being written by
 * pid 1234 since 10:02; use --wait") or, with --wait, polls until the lock is free. A lock whose
 * holder is dead (same host, no such process) is stale: it is taken over with a warning.
 *
 * With the lock held, nothing else writes the folder, so every `*.<pid>.tmp` in it is the
 * leftover of a run that was killed: sweepLeftovers removes them.
 */
import { constants, existsSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../contracts/errors.ts';
import { outputMessages } from '../contracts/messages/index.ts';
import { finishFile, closeQuietly, writeAllSync, writeFailure } from './checked-write.ts';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the run started. */
  startedAt: string;
  /** The process's start tick (Linux), when known. */
  processStart?: string;
  command?: string;
}

export interface WaveLock {
  holder: LockHolder;
  /** Removes the lock (only if it is still ours). */
  release(): void;
}

export interface LockOptions {
  wave: string;
  /** Wait for the holder to finish instead of exiting 2. */
  wait?: boolean;
  log?: (line: string) => void;
  command?: string;
  /** Milliseconds between two looks at the lock while waiting. */
  pollMs?: number;
}

export const lockFile = (outDir: string) => join(outDir, '.lock');

/** Takes the wave's lock, or throws UsageError (exit 2) naming the holder; waits with `wait`. */
export async function lockWave(outDir: string, options: LockOptions): Promise<WaveLock> {
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (error) {
    throw writeFailure(outDir, error);
  }
  const path = lockFile(outDir);
  const me: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), processStart: processStart(process.pid), command: options.command };
  let announced = false;
  for (;;) {
    if (tryCreate(path, me)) return held(path, me);
    const holder = readHolder(path);
    if (holder === 'gone') continue;
    if (holder !== 'unreadable' && isStale(holder)) {
      if (takeOver(path, holder)) log(outputMessages.staleLockTaken(options.wave, holder.pid, clockTime(holder.startedAt)));
      continue;
    }
    const shown = holder === 'unreadable' ? { pid: 0, host: me.host, startedAt: '' } : holder;
    if (!options.wait) throw new UsageError(outputMessages.waveLocked(options.wave, shown.pid, shown.host, clockTime(shown.startedAt), shown.host === me.host));
    if (!announced) log(outputMessages.waitingForLock(options.wave, shown.pid, clockTime(shown.startedAt)));
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 500));
  }
}

/** Removes the `*.<pid>.tmp` files (and stale-lock leftovers) a killed run left in the folder; returns how many. */
export function sweepLeftovers(outDir: string): number {
  let removed = 0;
  const visit = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      // Never followed: a link inside the out folder is refused by checkOutputPaths, not walked.
      if (entry.isDirectory()) visit(path);
      else if (/\.\d+\.tmp$/.test(entry.name) || /^\.lock\.stale\.\d+$/.test(entry.name)) {
        rmSync(path, { force: true });
        removed++;
      }
    }
  };
  visit(outDir);
  return removed;
}

function held(path: string, me: LockHolder): WaveLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    for (const signal of SIGNALS) process.off(signal, onSignal);
    const holder = readHolder(path);
    if (typeof holder === 'object' && holder.pid === me.pid && holder.startedAt === me.startedAt) rmSync(path, { force: true });
  };
  // Ctrl-C or a polite kill releases the lock too, then ends the process as the signal would have.
  const onSignal = (signal: NodeJS.Signals) => {
    release();
    process.kill(process.pid, signal);
  };
  process.on('exit', release);
  for (const signal of SIGNALS) process.once(signal, onSignal);
  return { holder: me, release };
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function tryCreate(path: string, me: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw writeFailure(path, error);
  }
  const bytes = Buffer.from(JSON.stringify(me) + '\n', 'utf8');
  try {
    writeAllSync(fd, bytes, path);
    finishFile(fd, bytes.length, path);
  } catch (error) {
    closeQuietly(fd);
    rmSync(path, { force: true });
    throw error;
  }
  return true;
}

/** The lock's holder; 'gone' when the lock vanished meanwhile; 'unreadable' when it is being written or damaged. */
function readHolder(path: string): LockHolder | 'gone' | 'unreadable' {
  let text;
  try {
    // A link planted at the lock's name is no lock: stale at once (taking it over removes the link, not its target).
    if (lstatSync(path).isSymbolicLink()) return { pid: 0, host: hostname(), startedAt: new Date(0).toISOString() };
    text = readFileSync(path, 'utf8');
  } catch {
    return existsSync(path) ? 'unreadable' : 'gone';
  }
  try {
    const holder = JSON.parse(text) as LockHolder;
    if (typeof holder.pid === 'number' && typeof holder.host === 'string') return holder;
  } catch {
    // being written: the holder has created the file but not yet filled it
  }
  // A lock left empty or damaged by a holder killed between creating and filling it: stale after a minute.
  try {
    if (Date.now() - statSync(path).mtimeMs > 60_000) return { pid: 0, host: hostname(), startedAt: new Date(statSync(path).mtimeMs).toISOString() };
  } catch {
    return 'gone';
  }
  return 'unreadable';
}

function isStale(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  if (holder.pid <= 0 || !alive(holder.pid)) return true;
  const start = processStart(holder.pid);
  return holder.processStart !== undefined && start !== undefined && start !== holder.processStart;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot), or undefined off Linux. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/**
 * Moves a stale lock aside and checks it is the one judged stale (two runs may take over at once:
 * the one that moved a live lock puts it back). Returns whether the stale lock was removed.
 */
function takeOver(path: string, stale: LockHolder): boolean {
  const aside = `${path}.stale.${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return false;
  }
  const moved = readHolder(aside);
  if (typeof moved === 'object' && moved.pid === stale.pid && moved.startedAt === stale.startedAt) {
    unlinkSync(aside);
    return true;
  }
  try {
    linkSync(aside, path);
  } catch {
    // someone holds the lock now; the moved one's holder will find it changed and not remove it
  }
  rmSync(aside, { force: true });
  return false;
}

/** "10:02" for today's locks, the date and time otherwise (local time, as the user reads a clock). */
function clockTime(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return 'an unknown time';
  const pad = (n: number) => String(n).padStart(2, '0');
  const hhmm = `${pad(time.getHours())}:${pad(time.getMinutes())}`;
  return time.toDateString() === new Date().toDateString() ? hhmm : `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())} ${hhmm}`;
}

/** Runs `work` holding the wave's lock (after removing a killed run's leftovers), and releases it. */
export async function whileLocked<T>(outDir: string, options: LockOptions, work: () => Promise<T>): Promise<T> {
  const lock = await lockWave(outDir, options);
  try {
    const removed = sweepLeftovers(outDir);
    if (removed > 0) (options.log ?? ((line: string) => process.stderr.write(line + '\n')))(outputMessages.leftoversRemoved(removed));
    return await work();
  } finally {
    lock.release();
  }
}
