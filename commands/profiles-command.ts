/**
 * `skillgap profiles`: one profile per region, and per country with at least k respondents, from
 * the cached analysis (run the pipeline first): out/<wave>/profiles/<level>/<slug>.pdf and .html,
 * and the HTML pages' shared scripts and fonts in out/<wave>/profiles/assets/.
 *
 *   cached analysis ──buildReportInput──▶ ReportInput ──profileUnits──▶ units
 *     each unit ──buildProfileContent──▶ content ──▶ figures rendered once (SVG) ──▶ PDF + HTML
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createContext, type WaveOptions } from '../runner/context.ts';
import { UsageError } from '../contracts/errors.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { checkOutputPaths } from '../io/output-paths.ts';
import { whileLocked } from '../io/wave-lock.ts';
import * as messages from '../contracts/messages/profiles.ts';
import { buildReportInput } from '../stages/render/render-run.ts';
import type { ProfileLevel, ProfileUnit } from '../stages/render/profiles/profile-content.ts';
import type { RenderedProfile } from '../stages/render/profiles/render-profile.ts';
import type { ReportInput } from '../stages/render/report-input.ts';

export interface ProfilesCommandOptions extends WaveOptions {
  /** `region`, `country`, or both when absent. */
  level?: string;
  /** Units to write: a region's name, a country's ISO code, name or file slug (case-insensitive). */
  only?: string[];
  wait?: boolean;
  /** Worker threads rendering profiles (default: up to 2, one per available core; 1 = in this thread). */
  workers?: number;
}

export interface ProfilesResult {
  wave: string;
  profiles: { level: ProfileLevel; id: string; name: string; pdf: string; html: string; pages: number }[];
  seconds: number;
}

const LEVELS: ProfileLevel[] = ['region', 'country'];
/** Below this many units a worker's start-up (the TypeScript loader, vega, pdfkit) costs more than it saves. */
const UNITS_PER_WORKER_AT_LEAST = 4;

export async function profilesCommand(options: ProfilesCommandOptions): Promise<ProfilesResult> {
  if (options.level !== undefined && !LEVELS.includes(options.level as ProfileLevel)) throw new UsageError(messages.unknownLevel(options.level));
  const levels = options.level ? [options.level as ProfileLevel] : LEVELS;
  const ctx = createContext(options);
  const started = ctx.clock();
  const waveId = ctx.wave.config.wave;
  const profiles = await whileLocked(ctx.outDir, { wave: waveId, wait: options.wait, log: ctx.log, command: 'profiles' }, async () => {
    const input = await buildReportInput(ctx, { countries: true });
    // Loaded on use, as the render stage does: vega, resvg, pdfkit and the fonts.
    const { profileUnits } = await import('../stages/render/profiles/profile-content.ts');
    const { profileAssetFiles } = await import('../stages/render/profiles/assemble-profile-html.ts');
    const { readHtmlReportAssets } = await import('../stages/render/html/html-assets.ts');
    if (levels.includes('country') && !input.analysis.countries) throw new UsageError(messages.noCountryDomains(waveId));
    const units = selectUnits(levels.flatMap((level) => profileUnits(input, level)), options.only);
    const folder = join(ctx.outDir, 'profiles');
    const assets = profileAssetFiles(readHtmlReportAssets());
    checkOutputPaths(ctx.outDir, Object.keys(assets).map((name) => join(folder, 'assets', name)));
    for (const [name, text] of Object.entries(assets)) writeFileAtomic(join(folder, 'assets', name), text);
    const written: ProfilesResult['profiles'] = [];
    const write = (profile: RenderedProfile) => {
      const { unit } = profile;
      const files = { pdf: join(folder, unit.level, `${unit.slug}.pdf`), html: join(folder, unit.level, `${unit.slug}.html`) };
      checkOutputPaths(ctx.outDir, [files.pdf, files.html]);
      writeFileAtomic(files.pdf, profile.pdf);
      writeFileAtomic(files.html, profile.html);
      written.push({ level: unit.level, id: unit.id, name: unit.name, ...files, pages: profile.pages });
    };
    const workers = Math.min(options.workers ?? Math.min(2, availableParallelism()), Math.floor(units.length / UNITS_PER_WORKER_AT_LEAST));
    if (workers <= 1) {
      const { renderProfile } = await import('../stages/render/profiles/render-profile.ts');
      for (const unit of units) write(await renderProfile(input, unit));
    } else {
      // Units dealt round-robin, so each worker gets regions and countries alike.
      const shares = Array.from({ length: workers }, (_, worker) => units.filter((_, index) => index % workers === worker));
      await renderInWorkers(input, shares, write);
      // The files are the same whichever worker wrote them; the result lists them in unit order.
      const order = new Map(units.map((unit, index) => [`${unit.level}\u0000${unit.id}`, index]));
      written.sort((a, b) => order.get(`${a.level}\u0000${a.id}`)! - order.get(`${b.level}\u0000${b.id}`)!);
    }
    for (const level of levels) {
      const count = written.filter((profile) => profile.level === level).length;
      ctx.log(messages.profilesWritten(level, count, join(folder, level), (ctx.clock() - started) / 1000));
    }
    return written;
  });
  return { wave: waveId, profiles, seconds: (ctx.clock() - started) / 1000 };
}

/**
 * A share of the units rendered by a thread of a tinypool pool (profiles-worker.mjs): one task per
 * share, so the report input is handed to each thread once; the profiles come back together and
 * are written here.
 */
async function renderInWorkers(input: ReportInput, shares: ProfileUnit[][], write: (profile: RenderedProfile) => void): Promise<void> {
  const { default: Tinypool } = await import('tinypool');
  const pool = new Tinypool({ filename: PROFILES_WORKER, minThreads: 0, maxThreads: shares.length, useAtomics: false });
  try {
    const outcomes = shares.map(async (units) => {
      const outcome = (await pool.run({ input, units })) as { ok: true; profiles: RenderedProfile[] } | { ok: false; error: { name: string; message: string; stack?: string } };
      if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { name: outcome.error.name, stack: outcome.error.stack });
      for (const profile of outcome.profiles) write({ ...profile, pdf: Buffer.from(profile.pdf) });
    });
    await Promise.allSettled(outcomes);
    await Promise.all(outcomes);
  } finally {
    await pool.destroy();
  }
}

const PROFILES_WORKER = new URL('./profiles-worker.mjs', import.meta.url).href;

function selectUnits(units: ProfileUnit[], only: string[] | undefined): ProfileUnit[] {
  if (!only || only.length === 0) return units;
  const matches = (unit: ProfileUnit, name: string) => [unit.id, unit.name, unit.slug].some((key) => key.toLowerCase() === name.toLowerCase());
  for (const name of only) {
    if (!units.some((unit) => matches(unit, name))) throw new UsageError(messages.unknownUnit(name, units.map((unit) => unit.level === 'country' ? unit.id : unit.name)));
  }
  return units.filter((unit) => only.some((name) => matches(unit, name)));
}
