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
}

