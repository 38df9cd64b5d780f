/**
 * `skillgap profiles`: one profile per region, and per country with at least k respondents, from
 * the cached analysis (run the pipeline first): out/<wave>/profiles/<level>/<slug>.pdf and .html,
 * and the HTML pages' shared scripts and fonts in out/<wave>/profiles/assets/.
 *
 *   cached analysis ──buildReportInput──▶ ReportInput ──profileUnits──▶ units
 *     each unit ──buildProfileContent──▶ content ──▶ figures rendered once (SVG) ──▶ PDF + HTML
 */
import { join } from 'node:path';
import { createContext, type WaveOptions } from '../context.ts';
import { UsageError } from '../errors.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { checkOutputPaths } from '../io/output-paths.ts';
import { whileLocked } from '../io/wave-lock.ts';
import * as messages from '../messages/profiles.ts';
import { buildReportInput } from '../stages/render-stage.ts';
import type { ProfileLevel, ProfileUnit } from '../../reports/profiles/profile-content.ts';

export interface ProfilesCommandOptions extends WaveOptions {
  /** `region`, `country`, or both when absent. */
  level?: string;
  /** Units to write: a region's name, a country's ISO code, name or file slug (case-insensitive). */
  only?: string[];
  wait?: boolean;
}

export interface ProfilesResult {
  wave: string;
  profiles: { level: ProfileLevel; id: string; name: string; pdf: string; html: string; pages: number }[];
  seconds: number;
}

const LEVELS: ProfileLevel[] = ['region', 'country'];

export async function profilesCommand(options: ProfilesCommandOptions): Promise<ProfilesResult> {
  if (options.level !== undefined && !LEVELS.includes(options.level as ProfileLevel)) throw new UsageError(messages.unknownLevel(options.level));
  const levels = options.level ? [options.level as ProfileLevel] : LEVELS;
  const ctx = createContext(options);
  const started = ctx.clock();
  const waveId = ctx.wave.config.wave;
  const profiles = await whileLocked(ctx.outDir, { wave: waveId, wait: options.wait, log: ctx.log, command: 'profiles' }, async () => {
    const input = await buildReportInput(ctx);
    // Loaded on use, as the render stage does: vega, resvg, pdfkit and the fonts.
    const { profileUnits, buildProfileContent } = await import('../../reports/profiles/profile-content.ts');
    const { assembleProfilePdf } = await import('../../reports/profiles/assemble-profile-pdf.ts');
    const { assembleProfileHtml, profileAssetFiles } = await import('../../reports/profiles/assemble-profile-html.ts');
    const { readHtmlReportAssets } = await import('../../reports/html/html-assets.ts');
    const { renderSpecToSvg } = await import('../../reports/render-figure.ts');
    if (levels.includes('country') && !input.analysis.countries) throw new UsageError(messages.noCountryDomains(waveId));
    const units = selectUnits(levels.flatMap((level) => profileUnits(input, level)), options.only);
    const folder = join(ctx.outDir, 'profiles');
    const assets = profileAssetFiles(readHtmlReportAssets());
    checkOutputPaths(ctx.outDir, Object.keys(assets).map((name) => join(folder, 'assets', name)));
    for (const [name, text] of Object.entries(assets)) writeFileAtomic(join(folder, 'assets', name), text);
    const written: ProfilesResult['profiles'] = [];
    for (const unit of units) {
      const content = buildProfileContent(input, unit);
      const specs = new Map(content.sections.flatMap((section) => section.figures.map((figure) => [figure.id, figure.spec] as const)));
      const pdf = await assembleProfilePdf(input, content, (id) => renderSpecToSvg(specs.get(id)!));
      const files = { pdf: join(folder, unit.level, `${unit.slug}.pdf`), html: join(folder, unit.level, `${unit.slug}.html`) };
      checkOutputPaths(ctx.outDir, [files.pdf, files.html]);
      writeFileAtomic(files.pdf, pdf);
      writeFileAtomic(files.html, assembleProfileHtml(input, content, { assetsPath: '../assets', pdfName: `${unit.slug}.pdf` }));
      written.push({ level: unit.level, id: unit.id, name: unit.name, ...files, pages: countPdfPages(pdf) });
    }
    for (const level of levels) {
      const count = written.filter((profile) => profile.level === level).length;
      ctx.log(messages.profilesWritten(level, count, join(folder, level), (ctx.clock() - started) / 1000));
    }
    return written;
  });
  return { wave: waveId, profiles, seconds: (ctx.clock() - started) / 1000 };
}

function selectUnits(units: ProfileUnit[], only: string[] | undefined): ProfileUnit[] {
  if (!only || only.length === 0) return units;
  const matches = (unit: ProfileUnit, name: string) => [unit.id, unit.name, unit.slug].some((key) => key.toLowerCase() === name.toLowerCase());
  for (const name of only) {
    if (!units.some((unit) => matches(unit, name))) throw new UsageError(messages.unknownUnit(name, units.map((unit) => unit.level === 'country' ? unit.id : unit.name)));
  }
  return units.filter((unit) => only.some((name) => matches(unit, name)));
}

/** Pages of a pdfkit document: its page objects (one `/Type /Page` each; the tree is `/Type /Pages`). */
function countPdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}
