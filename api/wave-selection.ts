/**
 * How an API call names a wave: the same options as the command line (`--wave`, `--config`,
 * `--out`), so a notebook and `skillgap run` agree on where a wave's outputs are.
 */
import { createContext, type WaveOptions } from '../runner/context.ts';
import type { RunContext } from '../runner/run.ts';

/**
 * A wave and the out folder its outputs live in. `out` is the base folder (the wave's files are in
 * `<out>/<wave>/`), resolved against the current folder like the CLI's `--out`; default `out`.
 */
export interface WaveSelection {
  /** Wave id, a folder under data/raw (e.g. `2022`). Default: the newest wave. */
  wave?: string;
  /** Path of a wave.json outside data/raw, instead of `wave`. */
  config?: string;
  /** Base output folder. Default: `out` in the current folder. */
  out?: string;
  /** Progress lines (default: none — the API is quiet unless asked). */
  log?: (line: string) => void;
}

const quiet = () => {};

/** The runner's context for a selection; the API never logs unless the caller passes `log`. */
export function contextFor(selection: WaveSelection): RunContext {
  const options: WaveOptions = { wave: selection.wave, config: selection.config, out: selection.out, log: selection.log ?? quiet };
  return createContext(options);
}
