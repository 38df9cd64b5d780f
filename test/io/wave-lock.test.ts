/** One run per out/<wave>: the lock refuses, waits, and takes over from a dead holder. */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFile, lockWave, sweepLeftovers } from '../../io/wave-lock.ts';
import { UsageError } from '../../contracts/errors.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

describe('wave lock', () => {
  const dir = useTempDir();

  it('holds pid, host and start time; a second taker is refused with exit-2 UsageError naming the holder', async () => {
    const out = join(dir, 'a');
    const lock = await lockWave(out, { wave: '2022', log: () => {} });
    const holder = JSON.parse(readFileSync(lockFile(out), 'utf8'));
    expect(holder).toMatchObject({ pid: process.pid, host: hostname() });
    expect(Date.parse(holder.startedAt)).not.toBeNaN();
    const second = lockWave(out, { wave: '2022', log: () => {} });
    await expect(second).rejects.toBeInstanceOf(UsageError);
    await expect(lockWave(out, { wave: '2022', log: () => {} })).rejects.toThrow(new RegExp(`^wave 2022 is being written by pid ${process.pid} since \\d\\d:\\d\\d; use --wait$`));
    lock.release();
    expect(existsSync(lockFile(out))).toBe(false);
  });

  it('with wait, takes the lock once the holder releases it', async () => {
    const out = join(dir, 'b');
    const first = await lockWave(out, { wave: '2022', log: () => {} });
    const lines: string[] = [];
    const waiting = lockWave(out, { wave: '2022', wait: true, pollMs: 20, log: (line) => lines.push(line) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    first.release();
    const second = await waiting;
    expect(lines).toEqual([expect.stringMatching(/^wave 2022 is being written by pid \d+ since \d\d:\d\d; waiting/)]);
    second.release();
  });

  it('takes over a stale lock (its process is gone) with a warning', async () => {
    const out = join(dir, 'c');
    mkdirSync(out, { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(lockFile(out), JSON.stringify({ pid: dead, host: hostname(), startedAt: new Date().toISOString() }));
    const lines: string[] = [];
    const lock = await lockWave(out, { wave: '2022', log: (line) => lines.push(line) });
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^warning: a run of wave 2022 \\(pid ${dead}, started \\d\\d:\\d\\d\\) ended without releasing its lock; taking it over$`))]);
    expect(JSON.parse(readFileSync(lockFile(out), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('a lock held on another host is never taken over', async () => {
    const out = join(dir, 'd');
    mkdirSync(out, { recursive: true });
    writeFileSync(lockFile(out), JSON.stringify({ pid: 1, host: 'another-host', startedAt: new Date().toISOString() }));
    await expect(lockWave(out, { wave: '2022', log: () => {} })).rejects.toThrow(/^wave 2022 is being written by pid 1 on another-host since \d\d:\d\d; use --wait/);
  });

  it('a link planted at the lock name is replaced, its target untouched', async () => {
    const out = join(dir, 'f');
    mkdirSync(out, { recursive: true });
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'untouched');
    symlinkSync(victim, lockFile(out));
    const lock = await lockWave(out, { wave: '2022', log: () => {} });
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(lstatSync(lockFile(out)).isSymbolicLink()).toBe(false);
    lock.release();
  });

  it('sweeps the temporary files of killed runs, and nothing else', () => {
    const out = join(dir, 'e');
    mkdirSync(join(out, 'normalised'), { recursive: true });
    for (const name of ['normalised/answers.csv.4242.tmp', 'ingested.cols.17.tmp', 'normalised/answers.csv', 'notes.tmp', 'report.pdf']) writeFileSync(join(out, name), 'x');
    expect(sweepLeftovers(out)).toBe(2);
    expect(existsSync(join(out, 'normalised/answers.csv'))).toBe(true);
    expect(existsSync(join(out, 'notes.tmp'))).toBe(true);
    expect(existsSync(join(out, 'normalised/answers.csv.4242.tmp'))).toBe(false);
  });
});
