/**
 * `skillgap curriculum --profile FILE [--profile-row N | --profile-response ID] [--wave ID]
 * [--config FILE] [--region auto|NAME] [--out DIR]`: compares one programme's curriculum profile
 * with industry demand in its region and writes report.pdf, comparison.csv and comparison.json to
 * --out (default out/<wave>/curriculum/<slug>/).
 *
 *   wave ──runStages (ingest, normalise, analyse; skipped when up to date)──▶ analysis + normalised wave
 *   profile ──loadProfile (CSV, JSON or an export row; every problem at once)──▶ CurriculumProfile
 *   both ──regionChain, demandEstimates, peerCoverageAnswers──▶ compareCurriculum ──▶ files
 *   --framework ID (or the profile's own framework) ──frameworkActions──▶ actions per unit, comparison-<ID>.csv
 *
 * Returns the comparison, so the API and notebooks get the same data as the files.
 */
import { join, resolve } from 'node:path';
import { createContext, type WaveOptions } from '../runner/context.ts';
import { runStages } from '../runner/run.ts';
import { WAVE_STAGES } from './wave-stages.ts';
import { curriculumDir } from '../io/wave-layout.ts';
import { UsageError } from '../contracts/errors.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { checkOutputPaths } from '../io/output-paths.ts';
import { whileLocked } from '../io/wave-lock.ts';
import { readAnalysis } from '../io/read-analysis.ts';
import { readNormalisedWave } from '../io/read-stage-outputs.ts';
import * as messages from '../contracts/messages/curriculum.ts';
import { compareCurriculum, type CurriculumComparison } from './curriculum/compare-curriculum.ts';
import { comparisonToCsv, comparisonToJson, frameworkActionsToCsv, FORMULAS } from './curriculum/comparison-files.ts';
import { curriculumFrameworks, frameworkActions } from './curriculum/framework-actions.ts';
import { demandEstimates, peerCoverageAnswers } from './curriculum/gather-evidence.ts';
import { loadProfile } from './curriculum/load-profile.ts';
import { profileSlug } from './curriculum/profile-slug.ts';
import { regionChain } from './curriculum/region-chain.ts';
import { assembleCurriculumReport } from './curriculum/report/assemble-curriculum-report.ts';
import { translator } from '../stages/render/i18n/translator.ts';

export interface CurriculumCommandOptions extends Omit<WaveOptions, 'out'> {
  profile?: string;
  /** Record number (1 = first header line) of the export row to use as the profile. */
  profileRow?: string | number;
  /** Response id of the export row to use as the profile. */
  profileResponse?: string;
  /** `auto` (default: the region of the institution's country), `Global`, or a region of the wave's scheme. */
  region?: string;
  /** Folder of the three outputs (default <pipelineOut>/<wave>/curriculum/<slug>). */
  out?: string;
  /** Base folder of the pipeline's outputs, where the cached analysis lives (default out/). */
  pipelineOut?: string;
  /** Also rank the actions per unit of this framework (`csec2017`, `cybok`, `ecsf`, `nice` or the wave's own); default: the profile's own `framework`, if any. */
  framework?: string;
  /** When another run holds the wave's out folder, wait for it instead of exiting 2. */
  wait?: boolean;
}

export interface CurriculumCommandResult {
  wave: string;
  outDir: string;
  files: { pdf: string; csv: string; json: string; frameworkCsv?: string };
  pages: number;
  comparison: CurriculumComparison;
}

function parseRow(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const row = Number(value);
  if (!Number.isInteger(row) || row < 1) throw new UsageError(`--profile-row must be a row number of at least 1, not "${value}"`);
  return row;
}

export async function curriculumCommand(options: CurriculumCommandOptions): Promise<CurriculumCommandResult> {
  if (!options.profile) throw new UsageError(messages.missingProfile());
  const row = parseRow(options.profileRow);
  const ctx = createContext({ wave: options.wave, config: options.config, out: options.pipelineOut, log: options.log, clock: options.clock, root: options.root, lang: options.lang });
  const frameworks = curriculumFrameworks(ctx.root, ctx.wave.waveDir, ctx.wave.config.frameworks, ctx.framework);
  const profile = await loadProfile(resolve(options.profile), ctx.wave, ctx.framework, { row, responseId: options.profileResponse }, (id) => frameworks.get(id));
  const chain = regionChain(profile.country, ctx.wave.config.regionScheme, options.region ?? 'auto');

  return whileLocked(ctx.outDir, { wave: ctx.wave.config.wave, wait: options.wait, log: ctx.log, command: 'curriculum' }, async () => {
    await runStages(ctx, WAVE_STAGES, { only: ['ingest', 'normalise', 'analyse'] });
    const analysis = readAnalysis(ctx.outDir);
    if (!analysis) throw new Error(messages.noAnalysis(ctx.outDir));
    const wave = readNormalisedWave(ctx);

    const comparison = compareCurriculum({
      profile,
      // Labels in the output language (comparison.csv's label column, the PDF); ids stay English.
      competencies: ctx.framework.competencies.map(translator(ctx.wave.config.language).competency),
      regionChain: chain,
      demand: demandEstimates(analysis, wave, ctx.wave.config, chain),
      peers: peerCoverageAnswers(wave),
      suppression: ctx.wave.config.suppression,
    });
    const chosen = options.framework ?? profile.framework?.id;
    if (chosen) comparison.byFramework = frameworkActions(chosen, frameworks, analysis.frameworks ?? [], profile, chain, ctx.wave.config.suppression.minN);
    for (const wider of chain.slice(1)) {
      const count = comparison.rows.filter((item) => item.basis === wider).length;
      if (count > 0) ctx.log(messages.fallbackNote(count, chain[0]!, wider));
    }

    const outDir = resolve(options.out ?? curriculumDir(ctx.outDir, profileSlug(profile.institution, profile.programme)));
    const files: CurriculumCommandResult['files'] = { pdf: join(outDir, 'report.pdf'), csv: join(outDir, 'comparison.csv'), json: join(outDir, 'comparison.json') };
    if (comparison.byFramework) files.frameworkCsv = join(outDir, `comparison-${comparison.byFramework.framework}.csv`);
    const pdf = await assembleCurriculumReport({ comparison, config: ctx.wave.config, competencies: ctx.framework.competencies.map(translator(ctx.wave.config.language).competency), scale: wave.scale });
    checkOutputPaths(ctx.outDir, Object.values(files).filter((file): file is string => typeof file === 'string'));
    if (comparison.byFramework && files.frameworkCsv) writeFileAtomic(files.frameworkCsv, frameworkActionsToCsv(comparison.byFramework));
    writeFileAtomic(files.pdf, pdf);
    writeFileAtomic(files.csv, comparisonToCsv(comparison));
    writeFileAtomic(
      files.json,
      comparisonToJson({
        ...comparison,
        wave: ctx.wave.config.wave,
        regionScheme: ctx.wave.config.regionScheme,
        suppression: ctx.wave.config.suppression,
        scale: wave.scale,
        formulas: FORMULAS,
      }),
    );
    const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    ctx.log(messages.written(outDir, comparison.rows.length, pages));
    return { wave: ctx.wave.config.wave, outDir, files, pages, comparison };
  });
}
