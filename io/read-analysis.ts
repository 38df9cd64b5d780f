/**
 * Reads back the analyse stage's cached result (analysis/analysis.json and, when asked for, the
 * country domains), for the render stage, the commands and the API. Apart from read-stage-outputs.ts
 * so that reading the analysis does not load the Arrow readers.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { AnalysisResult } from '../contracts/types.ts';
import { analysisFromJson } from './table-files.ts';
import { analysisFiles } from './wave-layout.ts';

/**
 * The cached analysis of a wave, or null when that wave has not been analysed into this out folder.
 * The country domains (a file of their own, several times the size of the rest) are read unless
 * `countries: false`: the report and the figures do not show them.
 */
export function readAnalysis(outDir: string, options: { countries?: boolean } = {}): AnalysisResult | null {
  const files = analysisFiles(outDir);
  if (!existsSync(files.result)) return null;
  const result = analysisFromJson(readFileSync(files.result, 'utf8'));
  if (options.countries !== false && existsSync(files.countries)) {
    const countries = analysisFromJson(readFileSync(files.countries, 'utf8')) as unknown as AnalysisResult['countries'] | null;
    if (countries) result.countries = countries;
  }
  return result;
}
