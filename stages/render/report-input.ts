/**
 * The render stage's input contract. The integrator builds one ReportInput from the analysis
 * outputs (estimates, rankings, tests), the normalisation audit and the run manifest; every figure
 * and the PDF are pure functions of it, so the same ReportInput gives byte-identical outputs.
 */
import type { AnalysisResult, Competency, Warning, WaveConfig } from '../../contracts/types.ts';

/** Kept respondents of one country, by population. Exact counts: the render stage bins small ones. */
export interface CountryRespondents {
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** UN English short name, e.g. `Türkiye`, `Côte d'Ivoire`. */
  countryName: string;
  region: string;
  industry: number;
  education: number;
}

/** Rows of one input file through the quality rules. */
export interface SourceAudit {
  sourceFile: string;
  rowsRead: number;
  kept: number;
  excluded: number;
  /** Columns ingest dropped (names and reasons, never values); absent in summaries written before. */
  droppedColumns?: { column: string; reason: string }[];
}

export interface AuditSummary {
  rowsRead: number;
  kept: number;
  excluded: number;
  /** Quality reason code → number of excluded rows carrying it (a row can carry several). */
  excludedByReason: Record<string, number>;
  perSource: SourceAudit[];
}

export interface Provenance {
  inputs: { file: string; sha256: string }[];
  packageVersions: Record<string, string>;
  /** The wave config as JSON, printed verbatim in the provenance appendix. */
  configJson: string;
}

export interface ReportInput {
  config: WaveConfig;
  /** Competencies in framework order: every chart and table uses this order unless it sorts by a value. */
  competencies: Competency[];
  analysis: AnalysisResult;
  previousAnalysis?: AnalysisResult;
  respondentsByCountry: CountryRespondents[];
  audit: AuditSummary;
  provenance: Provenance;
  /** docs/methods.md, printed as the methodology chapter. */
  methodsMarkdown: string;
  warnings: Warning[];
  /**
   * The answer scale (NormalisedWave.scale). Optional addition to the agreed contract: the IPA
   * scale-midpoint crosshair needs it; defaults to 1–5 when absent.
   */
  scale?: { min: number; max: number };
}

/**
 * The part of ReportInput the figure builders read. `skillgap figures` builds only this (not the
 * audit, the provenance hashes, the package versions or the methods text, which only the PDF and
 * HTML show); the render stage passes the whole ReportInput.
 */
export type FigureInput = Pick<ReportInput, 'config' | 'competencies' | 'analysis' | 'previousAnalysis' | 'respondentsByCountry' | 'scale'>;

export const DEFAULT_SCALE = { min: 1, max: 5 } as const;
