/**
 * Runs one `skillgap` command in a child process and measures it from outside: wall time, and
 * peak resident memory from GNU time's "Maximum resident set size" (the kernel's peak RSS of the
 * process, worker threads included). Falls back to polling /proc/<pid>/status VmHWM where
 * /usr/bin/time is absent. Stage timings come from the command's --json output.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CommandMeasurement {
  wallSeconds: number;
  peakRssMb: number;
  /** The command's --json result. */
  result: unknown;
}

const GNU_TIME = '/usr/bin/time';

export function measureCommand(root: string, args: string[], env: Record<string, string> = {}): Promise<CommandMeasurement> {
  const node = [process.execPath, join(root, 'bin', 'skillgap.js'), ...args, '--json'];
  const useTime = existsSync(GNU_TIME);
  const [command, ...commandArgs] = useTime ? [GNU_TIME, '-v', ...node] : node;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let polledHwmKb = 0;
    const poll = useTime ? undefined : setInterval(() => (polledHwmKb = Math.max(polledHwmKb, readVmHwmKb(child.pid))), 50);
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString('utf8')));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallSeconds = (performance.now() - started) / 1000;
      if (poll) clearInterval(poll);
      if (code !== 0) return reject(new Error(`skillgap ${args.join(' ')} exited with ${code}:\n${stderr.slice(-3000)}`));
      const timeKb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const peakKb = timeKb ? Number(timeKb[1]) : polledHwmKb;
      resolve({ wallSeconds, peakRssMb: peakKb / 1024, result: JSON.parse(stdout) });
    });
  });
}

function readVmHwmKb(pid: number | undefined): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}
