/**
 * The one place skillgap's outputs meet write(2): every byte is accounted for, so a full disk, a
 * quota, an I/O error or a short write can never leave a cut file that passes for a whole one.
 *
 * - writeAllSync loops until every byte is written; a write that makes no progress is a full disk.
 * - finishFile compares the size on disk (fstat) with the bytes written, then closes (close(2)
 *   reports the late errors of network volumes).
 * - Any failure becomes a WriteError naming the file and the free space of its volume (statfs).
 * - Temporary files are created with O_EXCL | O_NOFOLLOW, so nothing is ever written through a
 *   link planted at their name; the leftover of a killed run with our pid is removed first.
 *
 * Test seam (tests only): SKILLGAP_TEST_WRITE_FAULT=<CODE>@<bytes>[:<text>] makes this process's
 * writes through this module fail once <bytes> bytes have been written in all (to files whose path
 * contains <text>, when given): the write that crosses the budget is short (it writes the bytes up
 * to it), the next one fails with <CODE> (ENOSPC, EIO…), as a volume filling up does. <CODE> =
 * SIGKILL kills the process there instead (kill -9 in the middle of a file). The variable is read
 * by this module only; each worker thread counts its own.
 */
import { closeSync, constants, fstatSync, openSync, statfsSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { WriteError } from '../contracts/errors.ts';
import { outputMessages } from '../contracts/messages/index.ts';

/** Free bytes for an unprivileged user on the volume holding `path`, or null when unknown. */
export function freeBytes(path: string): number | null {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    try {
      const stats = statfsSync(dir);
      return Number(stats.bavail) * Number(stats.bsize);
    } catch {
      if (dirname(dir) === dir) return null;
    }
  }
}

/** The WriteError for a failed operation on `path` (any other error is passed through unchanged). */
export function writeFailure(path: string, error: unknown): Error {
  if (error instanceof WriteError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return error as Error;
  return new WriteError(outputMessages.writeFailed(path, code, freeBytes(path)), path, code);
}

/** Opens a new temporary file for writing: never an existing file, never through a link. */
export function openTemporary(temporary: string): number {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  try {
    return openSync(temporary, flags, 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw writeFailure(temporary, error);
  }
  // The leftover of an earlier run that had our pid (a killed run): unlink removes a link itself, never its target.
  try {
    unlinkSync(temporary);
    return openSync(temporary, flags, 0o644);
  } catch (error) {
    throw writeFailure(temporary, error);
  }
}

/** Writes every byte of `bytes` at the file's current offset, or throws a WriteError naming `path`. */
export function writeAllSync(fd: number, bytes: Uint8Array, path: string): void {
  let done = 0;
  try {
    while (done < bytes.length) {
      const written = faultyWrite(fd, bytes, done, bytes.length - done, path);
      if (written <= 0) throw Object.assign(new Error('no progress'), { code: 'ENOSPC' });
      done += written;
    }
  } catch (error) {
    throw writeFailure(path, error);
  }
}

/** Checks that the file holds exactly `expectedBytes` and closes it; throws a WriteError otherwise. */
export function finishFile(fd: number, expectedBytes: number, path: string): void {
  try {
    const size = fstatSync(fd).size;
    if (size !== expectedBytes) throw Object.assign(new Error('size mismatch'), { code: size < expectedBytes ? 'SHORT' : 'SIZE' });
  } catch (error) {
    closeQuietly(fd);
    throw writeFailure(path, error);
  }
  try {
    closeSync(fd);
  } catch (error) {
    throw writeFailure(path, error);
  }
}

export function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed, or the error that brought us here is the one to report
  }
}

/** The test seam (see the module comment), parsed once per process or thread. */
const fault = parseFault(process.env.SKILLGAP_TEST_WRITE_FAULT);
let budget = fault?.bytes ?? Infinity;

function parseFault(text: string | undefined): { code: string; bytes: number; pathContains: string } | null {
  const match = /^([A-Z]+)@(\d+)(?::(.+))?$/.exec(text ?? '');
  return match ? { code: match[1], bytes: Number(match[2]), pathContains: match[3] ?? '' } : null;
}

function faultyWrite(fd: number, bytes: Uint8Array, offset: number, length: number, path: string): number {
  if (fault === null || !path.includes(fault.pathContains)) return writeSync(fd, bytes, offset, length);
  if (budget <= 0) {
    if (fault.code === 'SIGKILL') process.kill(process.pid, 'SIGKILL');
    throw Object.assign(new Error(`injected ${fault.code}`), { code: fault.code });
  }
  const written = writeSync(fd, bytes, offset, Math.min(length, budget));
  budget -= written;
  return written;
}
