/** Builds the RunContext a command works in: wave, out folder, framework, injected log and clock. */
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { loadFramework, loadWave } from '../contracts/config.ts';
import type { RunContext } from './run.ts';
import { UsageError } from '../contracts/errors.ts';
import { waveOutDir } from '../io/wave-layout.ts';
import { FileHashCache } from '../io/hash.ts';
import { LANGUAGES, isLanguage } from '../contracts/languages.ts';
import type { WaveConfig } from '../contracts/types.ts';

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
  /** Output language (`--lang`): overrides wave.json `language`; default English. */
  lang?: string;
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
  applyLanguage(wave.config, options.lang);
  return {
    root,
    outDir: waveOutDir(resolve(options.out ?? 'out'), wave.config.wave),
    wave,
    framework: loadFramework(root),
    log: options.log ?? ((line) => process.stderr.write(line + '\n')),
    clock: options.clock ?? (() => performance.now()),
    fileHashes: new FileHashCache(),
  };
}

/**
 * The output language: `--lang` wins over wave.json `language`; English when neither is given
 * (then the config is left without the key, so an English run's render parameters stay as they were).
 * The language is a render parameter only (the render stage hashes the whole config; the other stages do not read it).
 */
export function applyLanguage(config: WaveConfig, lang: string | undefined): void {
  if (lang !== undefined && !isLanguage(lang)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}, not "${lang}"`);
  if (config.language !== undefined && !isLanguage(config.language)) throw new UsageError(`wave.json "language" must be one of ${LANGUAGES.join(', ')}, not ${JSON.stringify(config.language)}`);
  if (lang !== undefined && !(lang === 'en' && config.language === undefined)) config.language = lang;
}
