/**
 * out/<wave>/report.html driven in a real browser: Debian's headless Chromium through playwright-core
 * (never a downloaded browser). The 2022 sample wave is run into a temporary folder, then the page is
 * opened from disk (file://) with every request that is not file:, data: or blob: aborted and recorded.
 *
 * - offline: no request leaves the page; every figure rendered (SVG marks in each chart); no console error;
 * - region selector: a region's table cells equal analysis/estimates.csv for that region, the largest-gaps
 *   table and the heatmap switch to that region;
 * - suppression: the would-be values of suppressed cells (computed by re-running the same estimator with
 *   suppression off) appear nowhere in the page source or the DOM; the checker is shown to catch a leak;
 * - axe-core: no serious or critical WCAG violations;
 * - alt text: each chart's aria-label carries the alternative text written from the numbers, as the PDF's /Alt;
 * - a screenshot of the first screen goes to out/report-html-first-screen.png (to be looked at).
 *
 * Skips with a notice when /usr/bin/chromium is absent (CI installs it: .ci/run).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReportInput } from '../../../../api/figure-spec.ts';
import { runWave } from '../../../../api/run-wave.ts';
import { contextFor } from '../../../../api/wave-selection.ts';
import { analyseWave } from '../../../../stages/analyse/analyse-wave.ts';
import { readNormalisedWave } from '../../../../io/read-stage-outputs.ts';
import { formatCount, formatEstimate, formatInterval } from '../../../../stages/render/format.ts';
import { slug } from '../../../../stages/render/html/html-markup.ts';
import { figureAltTextFor, regionGapsAltText } from '../../../../stages/render/figure-alt-text.ts';
import type { ReportInput } from '../../../../stages/render/report-input.ts';
import { competencyLabel } from '../../../../stages/render/theme.ts';
import { useTempDir } from '../../../helpers/temp-dir.ts';

const require = createRequire(import.meta.url);
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`\n*** SKIPPED test/stages/render/html/report-html.test.ts: ${CHROMIUM} is absent. Install Debian's chromium (apt-get install chromium) to run the browser tests. ***\n`);
}
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const repoRoot = resolve(import.meta.dirname, '../../../..');

interface EstimateCsvRow {
  region: string;
  competency: string;
  population: string;
  measure: string;
  n: string;
  mean: string;
  ci_low: string;
  ci_high: string;
  suppressed: string;
  flag: string;
  /** Set on country rows (country domains), empty on region and Global rows. */
  country: string;
}

/** A suppressed cell and the strings the report would print for it if it were published. */
interface WouldBeCell {
  region: string;
  competency: string;
  measure: string;
  strings: string[];
}

/**
 * The would-be strings of suppressed cells found in a page: an interval as the tables print it
 * (`a to b`) or an estimate (`1.23`) inside the region table's row of that cell, or the 3-decimal chart
 * value beside the cell in the inlined figure data. Strings that some published cell also prints are not
 * evidence of a leak and are left out by the caller.
 */
function findLeaks(source: string, domText: string, rowTexts: Map<string, string>, cells: WouldBeCell[]): string[] {
  const leaks: string[] = [];
  for (const cell of cells) {
    const rowText = rowTexts.get(`${cell.region}|${cell.competency}`) ?? '';
    for (const text of cell.strings) {
      if (text.includes(' to ') && (source.includes(text) || domText.includes(text))) leaks.push(`${cell.region}/${cell.competency}/${cell.measure}: ${text}`);
      else if (!text.includes(' to ') && rowText.includes(text)) leaks.push(`${cell.region}/${cell.competency}/${cell.measure} row: ${text}`);
    }
  }
  return leaks;
}

describe.skipIf(!hasChromium)('report.html in headless Chromium (2022 sample wave)', () => {
  const out = useTempDir('skillgap-html-');
  let outDir = '';
  let source = '';
  let input: ReportInput;
  let estimates: EstimateCsvRow[] = [];
  let context: BrowserContext;
  let page: Page;
  const blockedRequests: string[] = [];
  const consoleErrors: string[] = [];
  let userDataDir = '';

  beforeAll(async () => {
    outDir = (await runWave({ wave: '2022', out })).outDir;
    source = readFileSync(join(outDir, 'report.html'), 'utf8');
    input = await loadReportInput({ wave: '2022', out });
    // The region and Global rows (country rows carry their region too, and a country code).
    estimates = Papa.parse<EstimateCsvRow>(readFileSync(join(outDir, 'analysis', 'estimates.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data.filter((row) => row.country === '');
    userDataDir = mkdtempSync(join(tmpdir(), 'skillgap-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 } });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (/^(file|data|blob):/.test(url)) return route.continue();
      blockedRequests.push(url);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (request) => {
      if (!/^(file|data|blob):/.test(request.url())) blockedRequests.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    await page.goto(pathToFileURL(join(outDir, 'report.html')).href);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  }, 600_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  const selectRegion = async (region: string) => {
    await page.selectOption('#region-select', region);
    await page.waitForFunction(() => !document.body.hasAttribute('data-rendering'));
  };

  it('is one file under 10 MB that opens offline: no request leaves the page, no console error', () => {
    expect(source.length).toBeLessThan(10 * 1024 * 1024);
    expect(source).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?https?:/i);
    expect(blockedRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('renders every figure as SVG marks, with a data table', async () => {
    const figures = await page.$$eval('figure[data-figure-id]', (elements) =>
      elements
        .filter((element) => !element.closest('section[hidden]'))
        .map((element) => ({ id: element.getAttribute('data-figure-id'), marks: element.querySelectorAll('.chart svg path, .chart svg rect, .chart svg line, .chart svg text').length, tableRows: element.querySelectorAll('.figure-table tbody tr').length })),
    );
    const index = JSON.parse(readFileSync(join(outDir, 'figures', 'index.json'), 'utf8')) as { figures: string[] };
    for (const id of index.figures) expect(figures.map((figure) => figure.id)).toContain(id);
    expect(figures.length).toBeGreaterThan(index.figures.length);
    for (const figure of figures) {
      expect(figure.marks, figure.id!).toBeGreaterThan(5);
      expect(figure.tableRows, figure.id!).toBeGreaterThan(0);
    }
  });

  it('shows a region’s numbers from estimates.csv when the region is selected', async () => {
    const region = 'Africa';
    const rows = estimates.filter((row) => row.region === region && row.population === 'industry' && row.measure === 'gap_preparedness' && row.suppressed === 'false');
    expect(rows.length).toBeGreaterThan(3);
    const heatmapLabel = () => page.getAttribute('#figure-gap-heatmap .chart', 'aria-label');
    expect(await heatmapLabel()).toContain(figureAltTextFor(input, 'gap-heatmap').text);
    expect(await page.getAttribute(`#figure-region-gaps-${slug(region)} .chart`, 'aria-label')).toContain(regionGapsAltText(input, region).text);
    await selectRegion(region);
    // The alt text describes the Global chart: a region's variant gets a plain label, and the alt text comes back with Global.
    expect(await heatmapLabel()).toBe(`Chart: Preparedness gap by region and competency, ${region}. The data table below lists the values.`);
    const tableId = `#table-region-${slug(region)}`;
    expect(await page.isVisible(tableId)).toBe(true);
    expect(await page.isVisible('#table-region-oceania')).toBe(false);
    const minN = input.config.suppression.minN;
    for (const row of rows.slice(0, 4)) {
      const cells = await page.$eval(
        `${tableId} tbody tr[data-competency="${competencyLabel(input.competencies, row.competency)}"]`,
        (tr) => Array.from((tr as HTMLTableRowElement).cells, (cell) => cell.textContent),
      );
      expect(cells.slice(1, 4)).toEqual([formatEstimate(Number(row.mean)), formatInterval(Number(row.ci_low), Number(row.ci_high)), formatCount(Number(row.n), minN)]);
    }
    // The largest-gaps table: only the region's rows, the first being its largest gap.
    const visible = await page.$$eval('#table-largest-gaps tbody tr:not([hidden])', (trs) => trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells, (cell) => cell.textContent)));
    expect(visible.length).toBe(Math.min(15, rows.length));
    expect(new Set(visible.map((cells) => cells[0]))).toEqual(new Set([region]));
    const largest = rows.reduce((best, row) => (Number(row.mean) > Number(best.mean) ? row : best));
    expect(visible[0]![2]).toBe(formatEstimate(Number(largest.mean)));
    // The heatmap now holds the region's column only.
    const heatmapData = await page.textContent('#figure-gap-heatmap .figure-table');
    expect(heatmapData).toContain(region);
    expect(heatmapData).not.toContain('Oceania');
    // The map colours the region's countries only.
    const inRegion = input.respondentsByCountry.filter((country) => country.region === region && country.country).map((country) => country.countryName);
    const elsewhere = input.respondentsByCountry.filter((country) => country.region !== region && country.country).map((country) => country.countryName);
    const mapData = (await page.textContent('#figure-respondents-map .figure-table')) ?? '';
    expect(inRegion.length).toBeGreaterThan(0);
    for (const name of inRegion) expect(mapData).toContain(name);
    for (const name of elsewhere) expect(mapData).not.toContain(name);
    await selectRegion('');
    expect(await heatmapLabel()).toContain(figureAltTextFor(input, 'gap-heatmap').text);
    expect(await page.textContent('#figure-respondents-map .figure-table')).toContain(elsewhere[0]!);
    expect(await page.textContent('#figure-gap-heatmap .figure-table')).toContain('Oceania');
    expect(await page.$$eval('#table-largest-gaps tbody tr:not([hidden])', (trs) => trs.length)).toBe(15);
  });

  it('makes every figure and table follow the region selector, and says where a part has no region breakdown', async () => {
    // Americas: both populations published there (Africa's education cells are suppressed).
    const region = 'Americas';
    await selectRegion(region);
    const figureTable = (id: string) => page.$eval(`#figure-${id} .figure-table table`, (table) => {
      const header = Array.from((table as HTMLTableElement).tHead!.rows[0]!.cells, (cell) => cell.textContent ?? '');
      return Array.from((table as HTMLTableElement).tBodies[0]!.rows, (tr) => Object.fromEntries(Array.from(tr.cells, (cell, index) => [header[index], cell.textContent ?? ''])));
    });
    const round = (value: string) => String(Math.round(Number(value) * 1000) / 1000);
    const row = (population: string, measure: string, competency: string) => estimates.find((e) => e.region === region && e.population === population && e.measure === measure && e.competency === competency)!;
    // Curriculum gap: the region's industry importance and education coverage, as estimates.csv has them.
    const curriculum = await figureTable('curriculum-gap');
    const published = estimates.filter((e) => e.region === region && e.measure === 'gap_curriculum' && e.suppressed === 'false');
    expect(published.length).toBeGreaterThan(3);
    expect(curriculum.length).toBe(2 * published.length);
    for (const gap of published) {
      const label = competencyLabel(input.competencies, gap.competency);
      const importance = row('industry', 'importance', gap.competency);
      const coverage = row('education', 'coverage', gap.competency);
      expect(curriculum.find((record) => record.competency === label && record.series === 'Importance (industry)')).toMatchObject({ mean: round(importance.mean), n: importance.n });
      expect(curriculum.find((record) => record.competency === label && record.series === 'Coverage (education)')).toMatchObject({ mean: round(coverage.mean), n: coverage.n });
    }
    // The answer distributions: each competency's answer count is the region's n of that estimate.
    const likert = await figureTable('likert-industry');
    expect(likert.length).toBeGreaterThan(0);
    for (const record of likert.filter((r) => r.dimension === 'Importance')) {
      const id = input.competencies.find((c) => c.label === record.competency)!.id;
      expect(record.n, record.competency).toBe(row('industry', 'importance', id).n);
    }
    // The framework heatmaps hold the region's column only; the framework tables the region's rows only.
    const heatmap = await figureTable('framework-heatmap-nice');
    expect(new Set(heatmap.map((record) => record.region))).toEqual(new Set([region]));
    const frameworkRows = await page.$$eval('#table-framework-nice tbody tr:not([hidden])', (trs) => trs.map((tr) => tr.getAttribute('data-region')));
    expect(frameworkRows.length).toBeGreaterThan(0);
    expect(new Set(frameworkRows)).toEqual(new Set([region]));
    // Every figure shows the region, or says why it cannot; the whole-wave parts say they are not split.
    const notes = await page.$$eval('figure[data-figure-id]', (figures) => figures.filter((f) => !f.closest('section[hidden]')).map((f) => ({ id: f.getAttribute('data-figure-id'), note: (f.querySelector('.region-note') as HTMLElement).hidden ? '' : f.querySelector('.region-note')!.textContent })));
    for (const figure of notes) expect(figure.note, figure.id!).not.toMatch(/not estimated per region/);
    expect(await page.isVisible('#data-quality [data-whole-wave-note]')).toBe(true);
    expect(await page.textContent('#data-quality [data-whole-wave-note]')).toMatch(/Not split by region/);
    // Oceania: its education cells are suppressed, so the education answers say so instead of showing Global.
    await selectRegion('Oceania');
    const educationNote = await page.$eval('#figure-likert-education .region-note', (note) => ((note as HTMLElement).hidden ? '' : note.textContent));
    const oceaniaEducation = estimates.some((e) => e.region === 'Oceania' && e.population === 'education' && e.measure === 'coverage' && e.suppressed === 'false');
    if (!oceaniaEducation) expect(educationNote).toMatch(/No published estimates for Oceania/);
    await selectRegion('');
    expect(await page.isVisible('#data-quality [data-whole-wave-note]')).toBe(false);
    expect(new Set(await page.$$eval('#table-framework-nice tbody tr:not([hidden])', (trs) => trs.map((tr) => tr.getAttribute('data-region'))))).toEqual(new Set(['Global']));
  });

  it('shows the published record (n, CI, flags) in a figure’s tooltip on hover, each field titled in words', async () => {
    await selectRegion('Africa');
    const marks = page.locator('#figure-region-gaps-africa .chart svg .role-mark path');
    const count = await marks.count();
    expect(count).toBeGreaterThan(0);
    let tooltip = '';
    for (let index = 0; index < Math.min(count, 40) && !tooltip.includes('95% CI low'); index++) {
      await marks.nth(index).hover({ force: true });
      tooltip = (await page.locator('#vg-tooltip-element.visible').textContent({ timeout: 500 }).catch(() => '')) ?? '';
    }
    const keys = await page.$$eval('#vg-tooltip-element.visible td.key', (cells) => cells.map((cell) => cell.textContent));
    // The catalogue's field titles (field.*), not the records' code names.
    expect(keys).toEqual(expect.arrayContaining(['Competency', 'Gap', '95% CI low', '95% CI high', 'n', 'Suppressed']));
    expect(keys.filter((key) => ['competency', 'gap', 'ciLow', 'ciHigh', 'suppressed'].includes(key!))).toEqual([]);
    await page.mouse.move(0, 0);
    await selectRegion('');
  });

  it('sorts a table from the keyboard and says so with aria-sort', async () => {
    const header = page.locator('#table-respondents thead th').nth(0);
    await header.locator('button').focus();
    await page.keyboard.press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    await page.keyboard.press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const names = await page.$$eval('#table-respondents tbody tr', (trs) => trs.map((tr) => (tr as HTMLTableRowElement).cells[0]!.textContent!));
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, 'en')));
  });

  it('filters tables and figures by a competency search', async () => {
    const competency = input.competencies[0]!;
    await page.fill('#competency-search', competency.label);
    await page.waitForFunction((label) => {
      const rows = Array.from(document.querySelectorAll('#table-competencies tbody tr:not([hidden])'));
      return rows.length >= 1 && rows.every((row) => row.getAttribute('data-competency')!.toLowerCase().includes(label.toLowerCase())) && !document.body.hasAttribute('data-rendering');
    }, competency.label);
    await page.fill('#competency-search', '');
    await page.waitForFunction(() => document.querySelectorAll('#table-competencies tbody tr[hidden]').length === 0);
  });

  it('publishes no value of a suppressed cell, in the DOM or the page source', async () => {
    // Would-be values: the same estimator with suppression off (minN 1), on the same normalised data.
    const ctx = contextFor({ wave: '2022', out });
    const config = { ...ctx.wave.config, suppression: { ...ctx.wave.config.suppression, minN: 1, lowReliabilityN: Math.max(1, ctx.wave.config.suppression.lowReliabilityN) } };
    const unsuppressed = analyseWave(readNormalisedWave(ctx), config);
    const key = (row: { region: string; competency: string; population: string; measure: string }) => `${row.region}|${row.competency}|${row.population}|${row.measure}`;
    const byKey = new Map(unsuppressed.estimates.map((row) => [key(row), row]));
    const published = new Set<string>();
    for (const row of estimates.filter((row) => row.suppressed === 'false' && row.mean !== '')) {
      published.add(formatEstimate(Number(row.mean)));
      if (row.ci_low !== '') published.add(formatInterval(Number(row.ci_low), Number(row.ci_high)));
    }
    const cells: WouldBeCell[] = [];
    for (const row of estimates.filter((row) => row.suppressed === 'true' && row.population === 'industry' && row.measure === 'gap_preparedness')) {
      const wouldBe = byKey.get(key(row));
      if (!wouldBe || !Number.isFinite(wouldBe.mean)) continue;
      const strings = [formatEstimate(wouldBe.mean), formatInterval(wouldBe.ciLow, wouldBe.ciHigh)].filter((text) => !published.has(text));
      cells.push({ region: row.region, competency: competencyLabel(input.competencies, row.competency), measure: row.measure, strings });
    }
    // The check has something to find: suppressed cells with would-be strings no published cell prints.
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.flatMap((cell) => cell.strings).filter((text) => text.includes(' to ')).length).toBeGreaterThan(0);

    await selectRegion(cells[0]!.region);
    const domText = await page.evaluate(() => document.documentElement.outerHTML + '\n' + document.body.innerText);
    const rowTexts = new Map<string, string>();
    for (const cell of cells) {
      const selector = `#table-region-${slug(cell.region)} tbody tr[data-competency="${cell.competency}"]`;
      const text = await page.textContent(selector);
      expect(text, selector).toContain('suppr.');
      rowTexts.set(`${cell.region}|${cell.competency}`, text!);
    }
    expect(findLeaks(source, domText, rowTexts, cells)).toEqual([]);
    // The inlined figure data carries no number for a suppressed cell.
    const pageData = JSON.parse(await page.textContent('#report-data') ?? '{}') as unknown;
    const suppressedKeys = new Set(cells.map((cell) => `${cell.region}|${cell.competency}`));
    const leakedRecords: string[] = [];
    (function walk(node: unknown) {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      const competency = typeof record.competency === 'string' ? record.competency : undefined;
      if (typeof record.region === 'string' && competency && (suppressedKeys.has(`${record.region}|${competency}`) || suppressedKeys.has(`${record.region}|${competencyLabel(input.competencies, competency)}`))) {
        for (const field of ['mean', 'gap', 'ciLow', 'ciHigh', 'n', 'value']) if (typeof record[field] === 'number') leakedRecords.push(`${record.region}/${competency}.${field}`);
      }
      Object.values(record).forEach(walk);
    })(pageData);
    expect(leakedRecords).toEqual([]);
    await selectRegion('');

    // The checker catches a leak: the same page with one would-be interval written into it.
    const leaky = cells.find((cell) => cell.strings.some((text) => text.includes(' to ')))!;
    const leakedInterval = leaky.strings.find((text) => text.includes(' to '))!;
    expect(findLeaks(source.replace('</main>', `<p>${leakedInterval}</p></main>`), domText, rowTexts, [leaky])).toHaveLength(1);
  });

  it('has no serious or critical axe-core violations', async () => {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')) }));
    });
    expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);
  });

  it('saves a screenshot of the first screen to out/', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    mkdirSync(join(repoRoot, 'out'), { recursive: true });
    const file = join(repoRoot, 'out', 'report-html-first-screen.png');
    const png = await page.screenshot({ path: file });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);
  });
});
