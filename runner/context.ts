/** Builds the RunContext a command works in: wave, out folder, framework, injected log and clock. */
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { loadFramework, loadWave } from '../contracts/config.ts';
import type { RunContext } from './run.ts';
import { UsageError } from '../contracts/errors.ts';

/** The repository root (code, data/, docs/), wherever the command is run from. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface WaveOptions {
  wave?: string;
  config?: string;
  /** Base output folder; the wave's outputs go to <out>/<wave>/. Default: out/ in the current folder. */
  out?: string;
  log?: (line: string) => void;
  clock?: () => number;
  root?: string;
}

/** The newest wave folder under data/raw, used when neither --wave nor --config is given. */
export function latestWave(root: string): string {
  const dir = join(root, 'data', 'raw');
  const waves = existsSync(dir) ? readdirSync(dir).filter((name) => existsSync(join(dir, name, 'wave.json'))).sort() : [];
  if (waves.length === 0) throw new UsageError(`no wave found under ${dir}; name one with --wave ID or --config FILE`);
  return waves[waves.length - 1];
}

export function createContext(options: WaveOptions): RunContext {
  const root = options.root ?? REPO_ROOT;
  const waveId = options.config ? options.wave : (options.wave ?? latestWave(root));
  const wave = loadWave(root, waveId, options.config);
  return {
    root,
    outDir: join(resolve(options.out ?? 'out'), wave.config.wave),
    wave,
    framework: loadFramework(root),
    log: options.log ?? ((line) => process.stderr.write(line + '\n')),
    clock: options.clock ?? (() => performance.now()),
  };
}
