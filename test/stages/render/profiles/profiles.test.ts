/**
 * `skillgap profiles` on the 2022 sample wave (run into a temporary folder): every region, and two
 * countries (France, Kenya).
 * - country rows of estimates.csv equal R svyby(~importance, ~country, des, svymean, na.rm = TRUE);
 * - PDFs read back with pdfjs: 2–4 pages; the unit's published gaps (value and 95% CI) are those of
 *   estimates.csv, its suppressed ones print "suppr." and no value;
 * - HTML opened from disk in Debian's headless Chromium with the network blocked: figures rendered,
 *   no console error, no value of a suppressed cell in the DOM or source, axe-core without serious or
 *   critical violations, a screenshot in out/ (to be looked at);
 * - bad --level / --only: exit 2 with a message.
 * The browser part skips with a notice when /usr/bin/chromium is absent (CI installs it: .ci/run).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReportInput } from '../../../../api/figure-spec.ts';
import { runWave } from '../../../../api/run-wave.ts';
import { contextFor } from '../../../../api/wave-selection.ts';
import { writeProfiles, type ProfilesResult } from '../../../../api/write-profiles.ts';
import { profilesCommand } from '../../../../commands/profiles-command.ts';
import { analyseWave } from '../../../../stages/analyse/analyse-wave.ts';
import { readNormalisedWave } from '../../../../io/read-stage-outputs.ts';
import { formatEstimate, formatInterval } from '../../../../stages/render/format.ts';
import { en } from '../../../../stages/render/i18n/en.ts';
import { translator } from '../../../../stages/render/i18n/translator.ts';
import { profileText } from '../../../../stages/render/profiles/profile-text.ts';
import type { ReportInput } from '../../../../stages/render/report-input.ts';
import { competencyLabel } from '../../../../stages/render/theme.ts';
import { readPdf } from '../../../helpers/read-pdf.ts';
import { useTempDir } from '../../../helpers/temp-dir.ts';

const require = createRequire(import.meta.url);
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`\n*** SKIPPED the browser tests of test/reports/profiles/profiles.test.ts: ${CHROMIUM} is absent (apt-get install chromium). ***\n`);
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const repoRoot = resolve(import.meta.dirname, '../../../..');

interface EstimateCsvRow {
  region: string;
  country: string;
  competency: string;
  population: string;
  measure: string;
  n: string;
  mean: string;
  se: string;
  ci_low: string;
  ci_high: string;
  suppressed: string;
}

describe('profiles of the 2022 sample wave', () => {
  const out = useTempDir('skillgap-profiles-');
  let outDir = '';
  let input: ReportInput;
  let estimates: EstimateCsvRow[] = [];
  let regions: ProfilesResult;
  let countries: ProfilesResult;
  /** Would-be values (suppression off) of the country rows, by country|competency|population|measure. */
  let wouldBe = new Map<string, { mean: number; ciLow: number; ciHigh: number }>();

  beforeAll(async () => {
    outDir = (await runWave({ wave: '2022', out })).outDir;
    regions = await writeProfiles({ wave: '2022', out, level: 'region' });
    countries = await writeProfiles({ wave: '2022', out, level: 'country', only: ['FR', 'Kenya'] });
    input = await loadReportInput({ wave: '2022', out });
    estimates = Papa.parse<EstimateCsvRow>(readFileSync(join(outDir, 'analysis', 'estimates.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const ctx = contextFor({ wave: '2022', out });
    const config = { ...ctx.wave.config, suppression: { ...ctx.wave.config.suppression, minN: 1, lowReliabilityN: 1 } };
    const unsuppressed = analyseWave(readNormalisedWave(ctx), config);
    wouldBe = new Map(unsuppressed.countries!.estimates.map((row) => [`${row.country}|${row.competency}|${row.population}|${row.measure}`, row]));
  }, 900_000);

  const gapRows = (unit: { level: string; id: string }) =>
    estimates.filter((row) => row.population === 'industry' && row.measure === 'gap_preparedness' && (unit.level === 'country' ? row.country === unit.id : row.country === '' && row.region === unit.id));

  it('writes one profile per region but Unknown, and the countries asked for', () => {
    const expected = [...new Set(estimates.filter((row) => row.country === '').map((row) => row.region))].filter((region) => region !== 'Global' && region !== 'Unknown').sort();
    expect(regions.profiles.map((profile) => profile.id).sort()).toEqual(expected);
    expect(countries.profiles.map((profile) => profile.id)).toEqual(['FR', 'KE']);
    for (const profile of [...regions.profiles, ...countries.profiles]) {
      expect(existsSync(profile.pdf)).toBe(true);
      expect(existsSync(profile.html)).toBe(true);
    }
    expect(countries.profiles[0]!.pdf).toBe(join(outDir, 'profiles', 'country', 'fr-france.pdf'));
  });

  it('country rows of estimates.csv equal R svyby on the sample wave', () => {
    // R (survey), on this wave's normalised/answers.csv and analysis/respondent-weights.csv, industry:
    //   des <- svydesign(ids = ~1, weights = ~final_weight, data = d)
    //   svyby(~importance, ~country, des, svymean, na.rm = TRUE)   (d: one row per respondent, that competency)
    const reference: [string, string, number, number][] = [
      ['communication', 'FR', 4.363636363636363, 0.19406156180321396], ['cryptography', 'FR', 3.0, 0.22295975981271482],
      ['communication', 'GB', 4.6, 0.15795970073575794], ['cryptography', 'GB', 3.2, 0.14001630966779557],
      ['communication', 'US', 4.2272727272727275, 0.1694569737403739], ['cryptography', 'US', 3.095238095238095, 0.14933039569988832],
      ['communication', 'KE', 4.4, 0.15511334686589626], ['cryptography', 'KE', 3.1818181818181817, 0.17357393760470527],
      ['communication', 'DE', 4.666666666666667, 0.15733162786773083], ['cryptography', 'DE', 3.2, 0.3102266937317925],
      ['communication', 'BR', 4.416666666666667, 0.18501105709290755], ['cryptography', 'BR', 3.0, 0.1886582583030664],
      ['communication', 'SG', 4.2, 0.23693955110363696], ['cryptography', 'SG', 3.5, 0.2552702631881951],
      ['communication', 'IN', 4.333333333333333, 0.2225005219207817], ['cryptography', 'IN', 2.875, 0.21221324452748513],
    ];
    let compared = 0;
    for (const [competency, country, mean, se] of reference) {
      const row = estimates.find((e) => e.country === country && e.competency === competency && e.population === 'industry' && e.measure === 'importance')!;
      expect(row, `${country} ${competency}`).toBeDefined();
      if (row.suppressed === 'true') continue;
      expect(Math.abs(Number(row.mean) - mean)).toBeLessThan(1e-12);
      expect(Math.abs(Number(row.se) - se)).toBeLessThan(1e-12);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(12);
  });

  it('PDFs have 2 to 4 pages and print the unit’s gaps as estimates.csv has them', async () => {
    for (const profile of [...regions.profiles, ...countries.profiles]) {
      const pdf = await readPdf(readFileSync(profile.pdf));
      expect(pdf.pageCount, profile.pdf).toBeGreaterThanOrEqual(2);
      expect(pdf.pageCount, profile.pdf).toBeLessThanOrEqual(4);
      expect(pdf.info.Title).toBe(profileText(translator('en'), 'documentTitle', { unit: profile.name, wave: '2022' }));
      const rows = gapRows(profile);
      expect(rows.length).toBe(input.competencies.length);
      const published = rows.filter((row) => row.suppressed === 'false');
      // The gaps table (page 2) lists each competency once: label, gap, interval.
      const table = pdf.pages[1]!.replace(/\s+/g, ' ');
      for (const row of published) {
        expect(table, `${profile.id} ${row.competency}`).toContain(formatInterval(Number(row.ci_low), Number(row.ci_high)));
        expect(pdf.text).toContain(formatEstimate(Number(row.mean)));
      }
      expect(table.split('suppr.').length - 1).toBe(rows.length - published.length);
    }
  });

  it('prints no value of a suppressed country cell in the PDF or the HTML source', () => {
    const published = new Set(estimates.filter((row) => row.suppressed === 'false' && row.ci_low !== '').map((row) => formatInterval(Number(row.ci_low), Number(row.ci_high))));
    let checked = 0;
    for (const profile of countries.profiles) {
      const pdfBytes = readFileSync(profile.pdf);
      const html = readFileSync(profile.html, 'utf8');
      for (const row of gapRows(profile).filter((row) => row.suppressed === 'true')) {
        const value = wouldBe.get(`${profile.id}|${row.competency}|industry|gap_preparedness`);
        if (!value || !Number.isFinite(value.ciLow)) continue;
        const interval = formatInterval(value.ciLow, value.ciHigh);
        if (published.has(interval)) continue;
        expect(html.includes(interval), `${profile.id} ${row.competency}`).toBe(false);
        expect(pdfBytes.includes(Buffer.from(interval)), `${profile.id} ${row.competency}`).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('two worker threads (a tinypool pool) write the same bytes as this thread and list the profiles in unit order', async () => {
    const only = [...new Set(estimates.map((row) => row.country).filter((country) => country !== ''))].slice(0, 8);
    expect(only).toHaveLength(8);
    const quiet = () => {};
    const read = (result: ProfilesResult) => result.profiles.map((profile) => [profile.id, readFileSync(profile.pdf), readFileSync(profile.html)] as const);
    const here = read(await profilesCommand({ wave: '2022', out, level: 'country', only, workers: 1, log: quiet }));
    const twoThreads = read(await profilesCommand({ wave: '2022', out, level: 'country', only, workers: 2, log: quiet }));
    expect(twoThreads.map(([id]) => id)).toEqual(here.map(([id]) => id));
    twoThreads.forEach(([id, pdf, html], index) => {
      expect(pdf.equals(here[index][1]), `${id}.pdf`).toBe(true);
      expect(html.equals(here[index][2]), `${id}.html`).toBe(true);
    });
  }, 300_000);

  it('refuses an unknown level or unit (exit 2, naming it)', () => {
    const run = (args: string[]) => spawnSync(process.execPath, [join(repoRoot, 'bin/skillgap.js'), 'profiles', '--wave', '2022', '--out', out, ...args], { cwd: repoRoot, encoding: 'utf8' });
    const level = run(['--level', 'planet']);
    expect(level.status).toBe(2);
    expect(level.stderr).toMatch(/unknown profile level "planet"/);
    const unit = run(['--level', 'country', '--only', 'Atlantis']);
    expect(unit.status).toBe(2);
    expect(unit.stderr).toMatch(/no profile "Atlantis".*FR/);
  });

  it('fills every text placeholder or says which is missing', () => {
    expect(() => profileText(translator('en'), 'heading')).toThrow(/no value for \{unit\}/);
    expect(profileText(translator('en'), 'heading', { unit: 'Kenya' })).toBe('Kenya: skills-gap profile');
    expect(profileText(translator('fr'), 'heading', { unit: 'Kenya' })).toBe('Kenya : profil de l’écart de compétences');
    const profileKeys = Object.entries(en).filter(([key]) => key.startsWith('profile.'));
    expect(profileKeys.length).toBeGreaterThan(40);
    for (const [, text] of profileKeys) expect(text.trim()).toBe(text);
  });

  describe.skipIf(!hasChromium)('HTML profile in headless Chromium', () => {
    let context: BrowserContext;
    let userDataDir = '';
    const blocked: string[] = [];
    const consoleErrors: string[] = [];

    beforeAll(async () => {
      userDataDir = mkdtempSync(join(tmpdir(), 'skillgap-chromium-'));
      context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1100, height: 900 } });
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (/^(file|data|blob):/.test(url)) return route.continue();
        blocked.push(url);
        return route.abort();
      });
    }, 120_000);

    afterAll(async () => {
      await context?.close();
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    });

    const open = async (file: string) => {
      const page = context.pages()[0] ?? (await context.newPage());
      page.removeAllListeners('console');
      page.removeAllListeners('pageerror');
      page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
      page.on('pageerror', (error) => consoleErrors.push(String(error)));
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
      return page;
    };

    it('renders every figure offline, shows the unit’s numbers, leaks no suppressed value, passes axe-core', async () => {
      const france = countries.profiles.find((profile) => profile.id === 'FR')!;
      const page = await open(france.html);
      const figures = await page.$$eval('figure[data-figure-id]', (elements) =>
        elements.map((element) => ({ id: element.getAttribute('data-figure-id'), marks: element.querySelectorAll('.chart svg path, .chart svg rect, .chart svg line, .chart svg text').length, rows: element.querySelectorAll('.figure-table tbody tr').length })),
      );
      expect(figures.map((figure) => figure.id)).toEqual(expect.arrayContaining(['gaps', 'needs', 'answers-industry']));
      for (const figure of figures) {
        expect(figure.marks, figure.id!).toBeGreaterThan(5);
        expect(figure.rows, figure.id!).toBeGreaterThan(0);
      }
      expect(blocked).toEqual([]);
      expect(consoleErrors).toEqual([]);

      // The gaps table: each published gap as estimates.csv has it; suppressed ones without a value.
      const cells = await page.$$eval('#table-gaps tbody tr', (trs) => trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells, (cell) => cell.textContent ?? '')));
      for (const row of gapRows(france)) {
        const line = cells.find((candidate) => candidate[0] === competencyLabel(input.competencies, row.competency))!;
        expect(line, row.competency).toBeDefined();
        if (row.suppressed === 'false') expect(line.slice(1, 3)).toEqual([formatEstimate(Number(row.mean)), formatInterval(Number(row.ci_low), Number(row.ci_high))]);
        else expect(line.slice(1, 3)).toEqual(['–', '–']);
      }

      // No would-be value of a suppressed cell in the DOM (text and inlined data).
      const dom = await page.evaluate(() => document.documentElement.outerHTML + '\n' + document.body.innerText);
      const publishedIntervals = new Set(estimates.filter((row) => row.suppressed === 'false' && row.ci_low !== '').map((row) => formatInterval(Number(row.ci_low), Number(row.ci_high))));
      const leaks = gapRows(france)
        .filter((row) => row.suppressed === 'true')
        .map((row) => wouldBe.get(`FR|${row.competency}|industry|gap_preparedness`))
        .filter((value) => value && Number.isFinite(value.ciLow))
        .map((value) => formatInterval(value!.ciLow, value!.ciHigh))
        .filter((text) => !publishedIntervals.has(text) && dom.includes(text));
      expect(leaks).toEqual([]);

      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        // preload: false — axe would fetch the shared stylesheet (assets/profile.css) by XHR, which Chromium refuses from file://
        // (a console error); only css-orientation-lock needs it, and the stylesheet locks no orientation.
        const result = await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { resultTypes: ['violations'], preload: false });
        return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')) }));
      });
      expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);

      // A screenshot of the profile's first screen, to be looked at.
      mkdirSync(join(repoRoot, 'out'), { recursive: true });
      const png = await page.screenshot({ path: join(repoRoot, 'out', 'profile-country-fr.png'), fullPage: false });
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.length).toBeGreaterThan(20_000);
    });

    it('opens every region profile without a console error, its figures rendered', async () => {
      for (const profile of regions.profiles) {
        const page = await open(profile.html);
        const marks = await page.$$eval('figure[data-figure-id] .chart svg.marks', (svgs) => svgs.map((svg) => svg.querySelectorAll('path, rect, line, text').length));
        // A region with no published estimate (every cell suppressed, as Oceania in the 2022 sample) has no chart to draw: its profile says so instead.
        const published = estimates.some((row) => row.region === profile.id && row.country === '' && row.suppressed === 'false');
        if (!published) {
          expect(marks, profile.id).toEqual([]);
          continue;
        }
        expect(marks.length, profile.id).toBeGreaterThanOrEqual(2);
        for (const count of marks) expect(count, profile.id).toBeGreaterThan(5);
      }
      expect(blocked).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });
  });
});
