/**
 * The layout of a wave's out folder: every path under out/<wave>/ comes from this module, so the
 * stages, the runner, the commands and the API agree on it without importing each other.
 *
 *   out/<wave>/
 *     manifest.json              the runner's record of each stage (runner/run.ts)
 *     .file-hashes.json          known content hashes, reused when size and mtime match (io/hash.ts)
 *     .lock                      the wave's lock, held by a command around a run (io/wave-lock.ts)
 *     ingested/<source>.arrow    ingest's columnar cache (Arrow IPC) of one export; <source>.meta.json its table minus rows
 *     normalised/                respondents.csv, answers.csv or answers-wide.csv, respondents.arrow,
 *                                answers.arrow, wave.json, respondent-counts.json
 *     quality/                   audit.csv (one row per input row), summary.json
 *     analysis/                  estimates.csv, tests.csv, rankings.csv, framework-estimates.csv,
 *                                respondent-weights.csv, margin-fit.csv, datapackage.json, analysis.json,
 *                                analysis-countries.json (the country domains, read only by profiles and the API)
 *     figures/<id>.{vl.json,svg,png}, figures/index.json
 *     report.pdf, report.html
 *     curriculum/<profile>/      `skillgap curriculum` (report.pdf, comparison.csv, comparison.json)
 *   out/<other wave>/            a sibling wave (the previous wave of a comparison)
 */
import { join, resolve } from 'node:path';
import type { RunContext } from '../contracts/stage.ts';

/** The parts of a run context the layout needs: the wave's out folder and its sources. */
type WaveOut = Pick<RunContext, 'outDir'>;
type WaveOutWithSources = WaveOut & { wave: Pick<RunContext['wave'], 'config'> };

export const manifestFile = (outDir: string) => join(outDir, 'manifest.json');
export const fileHashesFile = (outDir: string) => join(outDir, '.file-hashes.json');
export const lockFile = (outDir: string) => join(outDir, '.lock');

const ingestedDir = (ctx: WaveOut) => join(ctx.outDir, 'ingested');
export const ingestedRowsFile = (ctx: WaveOut, sourceId: string) => join(ingestedDir(ctx), `${sourceId}.arrow`);
export const ingestedMetaFile = (ctx: WaveOut, sourceId: string) => join(ingestedDir(ctx), `${sourceId}.meta.json`);
/** Every file ingest writes: the cache and the meta file of each source. */
export function ingestedFiles(ctx: WaveOutWithSources): string[] {
  return ctx.wave.config.sources.flatMap((s) => [ingestedRowsFile(ctx, s.id), ingestedMetaFile(ctx, s.id)]);
}

export const normalisedFiles = (ctx: WaveOut) => ({
  respondents: join(ctx.outDir, 'normalised', 'respondents.csv'),
  respondentsArrow: join(ctx.outDir, 'normalised', 'respondents.arrow'),
  answers: join(ctx.outDir, 'normalised', 'answers.csv'),
  answersWide: join(ctx.outDir, 'normalised', 'answers-wide.csv'),
  answersArrow: join(ctx.outDir, 'normalised', 'answers.arrow'),
  meta: join(ctx.outDir, 'normalised', 'wave.json'),
  respondentCounts: join(ctx.outDir, 'normalised', 'respondent-counts.json'),
  audit: join(ctx.outDir, 'quality', 'audit.csv'),
  summary: join(ctx.outDir, 'quality', 'summary.json'),
});

export const analysisFiles = (outDir: string) => ({
  estimates: join(outDir, 'analysis', 'estimates.csv'),
  tests: join(outDir, 'analysis', 'tests.csv'),
  rankings: join(outDir, 'analysis', 'rankings.csv'),
  frameworkEstimates: join(outDir, 'analysis', 'framework-estimates.csv'),
  datapackage: join(outDir, 'analysis', 'datapackage.json'),
  result: join(outDir, 'analysis', 'analysis.json'),
  /** The country domains of the result (AnalysisResult.countries), apart: the report and the figures do not read them. */
  countries: join(outDir, 'analysis', 'analysis-countries.json'),
  respondentWeights: join(outDir, 'analysis', 'respondent-weights.csv'),
  marginFit: join(outDir, 'analysis', 'margin-fit.csv'),
});

export const reportFile = (ctx: WaveOut) => join(ctx.outDir, 'report.pdf');
export const htmlReportFile = (ctx: WaveOut) => join(ctx.outDir, 'report.html');
export const figureFiles = (outDir: string, id: string) => ({
  vl: join(outDir, 'figures', `${id}.vl.json`),
  svg: join(outDir, 'figures', `${id}.svg`),
  png: join(outDir, 'figures', `${id}.png`),
});
export const figuresDir = (outDir: string) => join(outDir, 'figures');
export const figureIndexFile = (outDir: string) => join(outDir, 'figures', 'index.json');

/** The out folder of another wave next to this one (e.g. the previous wave). */
export const siblingWaveDir = (outDir: string, wave: string) => resolve(outDir, '..', wave);
/** Where `skillgap curriculum` writes one programme's comparison by default. */
export const curriculumDir = (outDir: string, profileSlug: string) => join(outDir, 'curriculum', profileSlug);
/** out/<wave>: a wave's folder under the out root. */
export const waveOutDir = (outRoot: string, wave: string) => join(outRoot, wave);
/** out/compare/<A>-<B>: `skillgap compare` (wave-change.csv, top-ranks.csv). */
export const compareDir = (outRoot: string, previousWave: string, wave: string) => join(outRoot, 'compare', `${previousWave}-${wave}`);
