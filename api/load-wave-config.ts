/** A wave's configuration and codebook as the pipeline loads them, to read before running it. */
import type { Codebook, WaveConfig } from '../contracts/types.ts';
import { contextFor, type WaveSelection } from './wave-selection.ts';

export interface WaveSetup {
  /** wave.json with defaults filled. */
  config: WaveConfig;
  codebook: Codebook;
  /** Absolute path of each export, in `config.sources` order. */
  sourcePaths: string[];
  codebookPath: string;
}

/**
 * Loads and checks a wave's wave.json and codebook (UsageError listing every problem of the
 * config), without reading the exports.
 *
 * @example
 * ```ts
 * const { codebook } = loadWaveConfig({ wave: '2023' });
 * codebook.sources.map((s) => `${s.source}: ${s.items.length} rating columns`);
 * ```
 */
export function loadWaveConfig(selection: WaveSelection = {}): WaveSetup {
  const { wave } = contextFor(selection);
  return { config: wave.config, codebook: wave.codebook, sourcePaths: wave.sourcePaths, codebookPath: wave.codebookPath };
}
