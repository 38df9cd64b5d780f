/**
 * The contract between the runner and a stage: what a stage declares (its files, parameters and
 * code) and what a run of it is given. The stages implement it (stages/<stage>/<stage>-stage.ts);
 * the runner (runner/run.ts) is given the list of stages and imports none of them.
 */
import type { CompetencyFramework, Warning } from './types.ts';
import type { LoadedWave } from './config.ts';
import type { FileHashCache } from '../io/hash.ts';

export type StageName = 'ingest' | 'normalise' | 'analyse' | 'render';

/** What a stage run is given: where things are, and its side effects (log, clock) injected. */
export interface RunContext {
  /** Repository root: code, data/, docs/. */
  root: string;
  /** out/<wave>. */
  outDir: string;
  wave: LoadedWave;
  framework: CompetencyFramework;
  log: (line: string) => void;
  clock: () => number;
  /**
   * The known content hashes of this run's files (io/hash.ts): created with the context
   * (runner/context.ts createContext), loaded from and saved to out/<wave>/.file-hashes.json by the
   * runner, filled by the writers the stages hand it to. Never shared between runs.
   */
  fileHashes: FileHashCache;
}

export interface StageReport {
  rowsIn: number;
  rowsOut: number;
  warnings: Warning[];
}

export interface StageDefinition {
  name: StageName;
  /** Bump when the stage's outputs change meaning without its code changing. */
  version: string;
  /**
   * The stage's declaration file (relative to the root): its code is the import closure of this
   * file (io/source-closure.ts), followed through static and dynamic imports, worker entries and
   * required JSON.
   */
  entry: string;
  /**
   * Data files or folders (relative to the root) the stage reads by a path the closure cannot see
   * (joined at run time, or chosen by the wave): part of its code hash with the closure.
   */
  dataPaths: string[];
  inputs(ctx: RunContext): string[];
  outputs(ctx: RunContext): string[];
  parameters(ctx: RunContext): unknown;
  run(ctx: RunContext): Promise<StageReport>;
}

