/**
 * Messages about the out folder: failed writes (with the free space of the volume), the wave lock,
 * links inside the out folder, leftovers of a killed run.
 */
const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exhausted',
  EFBIG: 'the file is larger than the volume allows',
  EIO: 'an input/output error from the disk or network volume',
  EROFS: 'the volume is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  SHORT: 'the disk accepted fewer bytes than were written (a short write)',
  SIZE: 'the file on disk is not the size of what was written',
};

/** Bytes as a person reads them: 812 KB, 3.1 GB. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'unknown';
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export const writeFailed = (file: string, code: string, freeBytes: number | null) =>
  `cannot write ${file}: ${REASONS[code] ?? code} (${code}); ${freeBytes === null ? 'free space unknown' : `${formatBytes(freeBytes)} free`} on its volume. ` +
  'Nothing of this stage was recorded as done: free some space (or choose another --out) and run again.';

export const waveLocked = (wave: string, pid: number, host: string, since: string, sameHost: boolean) =>
  `wave ${wave} is being written by pid ${pid}${sameHost ? '' : ` on ${host}`} since ${since}; use --wait` +
  (sameHost ? '' : ` (or, if no run is left on ${host}, delete the lock file)`);
export const waitingForLock = (wave: string, pid: number, since: string) => `wave ${wave} is being written by pid ${pid} since ${since}; waiting (--wait)…`;
export const staleLockTaken = (wave: string, pid: number, since: string) =>
  `warning: a run of wave ${wave} (pid ${pid}, started ${since}) ended without releasing its lock; taking it over`;
export const leftoversRemoved = (count: number) => `removed ${count} temporary file(s) left by a run that was stopped`;
export const linkInOutFolder = (path: string, target: string) =>
  `${path} is a symbolic link (to ${target}); skillgap never writes through a link inside the out folder: remove the link (or point --out at the real folder)`;
export const notARegularOutput = (path: string, kind: string) =>
  `${path} is ${kind}, not a regular file; remove it so that skillgap can write the file`;
export const notAFolder = (path: string) => `${path} is not a folder; skillgap writes a folder there: move the file away`;
