/**
 * What the render stage runs (stages/render/render-stage.ts declares the stage and loads this module
 * on use, so deciding that nothing is stale does not load the catalogues, the readers and the rest):
 * the cached analysis → figures/<id>.{vl.json,svg,png}, report.pdf and report.html. Everything the
 * report shows comes from ReportInput, built here from stage outputs only (no wall-clock time, no
 * run timings), so the same inputs give byte-identical files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunContext, StageReport } from '../../contracts/stage.ts';
import { packageVersions } from '../../io/package-versions.ts';
import type { Respondent } from '../../contracts/types.ts';
import type { CountryRespondents, FigureInput, ReportInput } from './report-input.ts';
import type { FigureFormat, RenderedFigure } from './render-figure.ts';
import { writeFileAtomic } from '../../io/atomic-write.ts';
import { checkOutputPaths } from '../../io/output-paths.ts';
import { fileHashesFile } from '../../io/hash.ts';
import { respondentsFromCsv } from '../../io/table-files.ts';
import { countryDisplayName } from '../../contracts/countries/regions.ts';
import { figureFiles, figureIndexFile, htmlReportFile, normalisedFiles, reportFile, siblingWaveDir } from '../../io/wave-layout.ts';
import { readAnalysis } from '../../io/read-analysis.ts';
import { countRespondents, type AuditSummary, type RespondentCount } from '../../contracts/stage-outputs.ts';

import { UsageError } from '../../contracts/errors.ts';
import { stageInputMissing } from '../../contracts/messages/run.ts';
import { translator } from './i18n/translator.ts';
import { relative } from 'node:path';

const previousOutDir = (ctx: RunContext) =>
  ctx.wave.config.previousWave ? siblingWaveDir(ctx.outDir, ctx.wave.config.previousWave) : null;

export async function runRender(ctx: RunContext): Promise<StageReport> {
  const input = await buildReportInput(ctx);
  // Each figure's PNG is made in a worker thread (figure-pool.ts) as soon as its SVG is ready,
  // while the next charts, the PDF and the HTML are made here.
  const pngs: Promise<void>[] = [];
  const figures = await writeFigures(ctx, input, { formats: ['svg', 'vl'], onSvg: (figure) => pngs.push(writeFigurePng(ctx, figure)) });
  const pngsWritten = Promise.all(pngs);
  pngsWritten.catch(() => undefined); // awaited below; a failure meanwhile is not "unhandled"
  writeFileAtomic(figureIndexFile(ctx.outDir), JSON.stringify({ figures: figures.map((f) => f.id) }, null, 1) + '\n', ctx.fileHashes);
  // Loaded on use: pdfkit and the fonts (~0.1 s) are not needed to decide that nothing is stale.
  const { assembleReport } = await import('./assemble-report.ts');
  const pdf = await assembleReport(input, figures);
  writeFileAtomic(reportFile(ctx), pdf, ctx.fileHashes);
  const { assembleHtmlReport } = await import('./html/assemble-html-report.ts');
  const { readHtmlReportAssets } = await import('./html/html-assets.ts');
  writeFileAtomic(htmlReportFile(ctx), assembleHtmlReport(input, figures, readHtmlReportAssets()), ctx.fileHashes);
  await pngsWritten;
  return { rowsIn: input.analysis.estimates.length, rowsOut: figures.length + 1, warnings: [] };
}

/** Renders the figures (all, or `only`) and writes them; used by the stage and by `skillgap figures`. */
export async function writeFigures(ctx: RunContext, input: FigureInput, options: { only?: string[]; formats?: FigureFormat[]; onSvg?: (figure: RenderedFigure & { svg: string }) => void } = {}) {
  // Loaded on use: vega, vega-lite and resvg (~0.2 s) are not needed to decide that nothing is stale.
  const { renderFigures } = await import('./render-figure.ts');
  const figures = await renderFigures(input, options);
  const formats = options.formats ?? ['svg', 'png', 'vl'];
  checkOutputPaths(ctx.outDir, figures.flatMap((figure) => Object.values(figureFiles(ctx.outDir, figure.id))));
  for (const figure of figures) {
    const files = figureFiles(ctx.outDir, figure.id);
    if (formats.includes('vl')) writeFileAtomic(files.vl, JSON.stringify(figure.spec, null, 2) + '\n', ctx.fileHashes);
    if (figure.svg !== undefined) writeFileAtomic(files.svg, figure.svg, ctx.fileHashes);
    if (figure.png !== undefined) writeFileAtomic(files.png, figure.png, ctx.fileHashes);
  }
  return figures;
}

/** Rasterises a figure's SVG (in the worker thread) and writes figures/<id>.png (the same file writeFigures writes with 'png'). */
async function writeFigurePng(ctx: RunContext, figure: RenderedFigure & { svg: string }): Promise<void> {
  const { rasteriseSvg } = await import('./render-figure.ts');
  const file = figureFiles(ctx.outDir, figure.id).png;
  const png = await rasteriseSvg(figure.svg);
  checkOutputPaths(ctx.outDir, [file]); // it may be ready before writeFigures has checked all the figures' paths
  writeFileAtomic(file, png, ctx.fileHashes);
}

/**
 * Everything the report shows, from the outputs of the earlier stages. The country domains of the
 * analysis only with `countries: true` (the profiles): the report and its figures do not show them.
 */
export async function buildReportInput(ctx: RunContext, options: { countries?: boolean } = {}): Promise<ReportInput> {
  const { meta, ...figureInput } = readFigureInput(ctx, options);
  const files = normalisedFiles(ctx);
  const audit = JSON.parse(readFileSync(files.summary, 'utf8')) as AuditSummary;
  const inputs = [];
  ctx.fileHashes.load(fileHashesFile(ctx.outDir));
  for (const file of [ctx.wave.configPath, ctx.wave.codebookPath, ...ctx.wave.sourcePaths]) {
    inputs.push({ file: relative(ctx.root, file).replaceAll('\\', '/'), sha256: await ctx.fileHashes.sha256File(file) });
  }
  const methodsPath = join(ctx.root, 'docs', 'methods.md');
  return {
    ...figureInput,
    audit,
    provenance: { inputs, packageVersions: packageVersions(ctx.root), configJson: JSON.stringify(ctx.wave.config, null, 2) },
    methodsMarkdown: existsSync(methodsPath) ? readFileSync(methodsPath, 'utf8') : '',
    warnings: [...meta.warnings, ...figureInput.analysis.warnings],
  };
}

/**
 * What the figures are drawn from (`skillgap figures`): the part of buildReportInput the figure
 * builders read, the same values, without hashing the input files or reading the audit and the
 * methods text.
 */
export function buildFigureInput(ctx: RunContext): FigureInput {
  const { meta: _meta, ...figureInput } = readFigureInput(ctx, {});
  return figureInput;
}

function readFigureInput(ctx: RunContext, options: { countries?: boolean }): FigureInput & { meta: { warnings: ReportInput['warnings'] } } {
  const analysis = readAnalysis(ctx.outDir, { countries: options.countries ?? false });
  if (!analysis) throw new UsageError(stageInputMissing('render', 'analysis', ctx.outDir, 'analyse'));
  const previous = previousOutDir(ctx);
  const previousAnalysis = previous ? readAnalysis(previous, { countries: false }) ?? undefined : undefined;
  const files = normalisedFiles(ctx);
  const language = ctx.wave.config.language;
  const respondentsByCountry = existsSync(files.respondentCounts)
    ? respondentsByCountryFromCounts(JSON.parse(readFileSync(files.respondentCounts, 'utf8')) as RespondentCount[], language)
    : countRespondentsByCountry(respondentsFromCsv(readFileSync(files.respondents, 'utf8')), language);
  const meta = JSON.parse(readFileSync(files.meta, 'utf8')) as { scale: { min: number; max: number }; warnings: ReportInput['warnings'] };
  return {
    config: ctx.wave.config,
    // Labels and descriptions in the report's language; ids stay English.
    competencies: ctx.framework.competencies.map(translator(language).competency),
    analysis,
    previousAnalysis,
    respondentsByCountry,
    scale: meta.scale,
    meta,
  };
}

/** The normalise stage's counts as the report's table, country names in `language`, sorted by them (as countRespondentsByCountry). */
export function respondentsByCountryFromCounts(counts: readonly RespondentCount[], language?: string): CountryRespondents[] {
  const tr = translator(language);
  return counts
    .map((row) => ({ country: row.country, countryName: row.country ? tr.country(row.country, countryDisplayName(row.country)) : tr.t('country.unknown'), region: row.region, industry: row.industry, education: row.education }))
    .sort((a, b) => (tr.lang === 'en' ? a.countryName.localeCompare(b.countryName, 'en') : tr.compare(a.countryName, b.countryName)));
}

/** Kept respondents per country and population, sorted by country name (out folders without respondent-counts.json). */
export function countRespondentsByCountry(respondents: readonly Respondent[], language?: string): CountryRespondents[] {
  return respondentsByCountryFromCounts(countRespondents(respondents), language);
}
