/** The shape of tools/bench/results.json (issue 8), shared by run-bench.ts and results-table.ts. */
export type Stage = 'ingest' | 'normalise' | 'analyse' | 'render';

export interface StageFigures {
  wall_s: number;
  rows_per_s: number;
  mb_per_s: number;
  /** The process's RSS high-water mark when the stage ended (largest of the runs): the stage whose mark rises holds the peak. */
  peak_rss_mb_at_end?: number;
}
export interface BenchRun {
  respondents: number;
  stages: Record<Stage, StageFigures>;
  total_s: number;
  peak_rss_mb: number;
  ingest_pct_of_parse: number;
  /** Ingest's throughput as a share of papaparse parsing every export at once, one worker thread each. */
  ingest_pct_of_parallel_parse?: number;
  papaparse_parallel_s?: number;
  input_mb: number;
  papaparse_s: number;
  rerun_unchanged_s: number;
  figure_regen_s: number;
  r_survey?: { read_s: number; svyby_s: number; cells: number; analyse_speed_ratio: number };
  /** DuckDB doing ingest + normalise + analyse's core job on the same exports (bench/duckdb-baseline.ts). */
  duckdb?: {
    seconds: number;
    runs: number[];
    /** skillgap's ingest + normalise + analyse wall time (medians). */
    skillgap_core_s: number;
    /** skillgap_core_s ÷ seconds: above 1, DuckDB is faster. */
    ratio: number;
    cells_compared: number;
    cells_missing: number;
    counts_differ: number;
    max_mean_difference: number;
    max_se_difference: number;
  };
}

export interface CommandFigures {
  /** Median wall time of the process, Node start-up included. */
  wall_s: number;
  /** Median CPU time (user + sys) of the process. */
  cpu_s: number;
  wall_runs: number[];
}

/** The everyday loop on the bundled sample wave. */
export interface SampleWaveRun {
  runs: number;
  current: { start: CommandFigures; rerun: CommandFigures; figure: CommandFigures };
  baseline?: { dir: string; start: CommandFigures; rerun: CommandFigures; figure: CommandFigures };
  /** current ÷ baseline, per command. */
  ratio_to_baseline?: Record<'start' | 'rerun' | 'figure', { wall: number; cpu: number }>;
}

