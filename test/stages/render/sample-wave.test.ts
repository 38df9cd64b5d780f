/**
 * The render stage on a real run of the 2022 sample wave (into a temporary folder):
 *
 * - golden Vega-Lite specs: every emitted `figures/<id>.vl.json` equals the committed copy in
 *   test/golden/2022/ and validates against the Vega-Lite JSON Schema. After an intended change,
 *   `UPDATE_GOLDEN=1 npx vitest run test/stages/render/sample-wave.test.ts` rewrites the copies (review
 *   the diff before committing them);
 * - determinism: figures and PDF rendered again from the cached analysis are byte-identical to
 *   the files the pipeline wrote;
 * - suppression: every suppressed estimate carries no value in the analysis output, and no figure
 *   holds a value, an interval or an exact n for a suppressed cell (only the marker);
 * - layout: no text of any chart leaves its canvas, and no two axis or legend labels overlap
 *   (positions and sizes from Vega's own scenegraph, the same metrics the SVG was laid out with);
 * - accessibility: report.pdf passes the tagged-PDF/UA checks (test/helpers/pdf-structure.ts) and
 *   every number quoted in a figure's alternative text is the value in estimates.csv,
 *   rankings.csv or framework-estimates.csv.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { runWave } from '../../../api/run-wave.ts';
import { loadReportInput } from '../../../api/figure-spec.ts';
import { contextFor } from '../../../api/wave-selection.ts';
import { buildFigureInput } from '../../../stages/render/render-run.ts';
import { assembleReport } from '../../../stages/render/assemble-report.ts';
import { buildRegionGaps } from '../../../stages/render/figures/region-gaps.ts';
import { buildIpaQuadrants } from '../../../stages/render/figures/ipa-quadrants.ts';
import { buildImportanceVsPreparedness } from '../../../stages/render/figures/importance-vs-preparedness.ts';
import { regionsOf } from '../../../stages/render/figure-data.ts';
import { renderFigures } from '../../../stages/render/render-figure.ts';
import type { ReportInput } from '../../../stages/render/report-input.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { readPdfStructure, structureProblems } from '../../helpers/pdf-structure.ts';
import { parseOwnCsv } from '../../../io/csv-read.ts';
import { availableFigureIds } from '../../../stages/render/render-figure.ts';
import { figureAltTextFor, ipaAltText, regionGapsAltText } from '../../../stages/render/figure-alt-text.ts';
import { translator } from '../../../stages/render/i18n/translator.ts';

const require = createRequire(import.meta.url);
const goldenDir = resolve(import.meta.dirname, '../../golden/2022');
const updateGolden = process.env.UPDATE_GOLDEN === '1';
const schema = JSON.parse(readFileSync(require.resolve('vega-lite/build/vega-lite-schema.json'), 'utf8'));
const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

interface Box { x1: number; y1: number; x2: number; y2: number }
interface TextItem extends Box { role: string; text: string }

/** Text items of a rendered chart with their boxes in canvas coordinates, and the canvas size. */
async function textLayout(spec: TopLevelSpec): Promise<{ width: number; height: number; texts: TextItem[] }> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none', logLevel: vega.Error });
  await view.runAsync();
  const texts: TextItem[] = [];
  type SceneItem = { x?: number; y?: number; bounds: Box; text?: unknown; opacity?: number; items?: SceneMark[] };
  type SceneMark = { marktype: string; role: string; items: SceneItem[] };
  const walk = (mark: SceneMark, dx: number, dy: number) => {
    for (const item of mark.items) {
      // Labels Vega hid to avoid overlap (labelOverlap) have opacity 0 and are not drawn.
      if (mark.marktype === 'text' && item.text !== undefined && item.text !== '' && item.opacity !== 0 && item.bounds.x2 > item.bounds.x1) {
        texts.push({ role: mark.role, text: String(item.text), x1: item.bounds.x1 + dx, y1: item.bounds.y1 + dy, x2: item.bounds.x2 + dx, y2: item.bounds.y2 + dy });
      }
      if (mark.marktype === 'group') for (const child of item.items ?? []) walk(child, dx + (item.x ?? 0), dy + (item.y ?? 0));
    }
  };
  const root = (view.scenegraph() as unknown as { root: SceneMark }).root;
  walk(root, 0, 0);
  // The canvas origin is the root group's origin shifted by the padding Vega added (autosize pad).
  const origin = view.origin();
  const result = { width: view.width(), height: view.height(), texts: texts.map((t) => ({ ...t, x1: t.x1 + origin[0]!, x2: t.x2 + origin[0]!, y1: t.y1 + origin[1]!, y2: t.y2 + origin[1]! })) };
  const canvas = (await view.toSVG()).match(/<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/)!;
  view.finalize();
  return { ...result, width: Number(canvas[1]), height: Number(canvas[2]) };
}

const overlaps = (a: Box, b: Box, tolerance = 0.5) => a.x1 < b.x2 - tolerance && b.x1 < a.x2 - tolerance && a.y1 < b.y2 - tolerance && b.y1 < a.y2 - tolerance;

describe('the render stage on the 2022 sample wave', () => {
  const out = useTempDir('skillgap-render-');
  const figuresDir = join(out, '2022', 'figures');
  let input: ReportInput;
  beforeAll(async () => {
    await runWave({ wave: '2022', out });
    input = await loadReportInput({ wave: '2022', out });
  }, 600_000);

  const emittedSpecs = () => readdirSync(figuresDir).filter((file) => file.endsWith('.vl.json')).sort();

  it('emits every figure the wave supports, likert and framework figures included', () => {
    expect(emittedSpecs()).toEqual([
      'curriculum-gap.vl.json',
      ...['heatmap', 'ranking'].flatMap((kind) => ['csec2017', 'cybok', 'ecsf', 'nice'].map((framework) => `framework-${kind}-${framework}.vl.json`)),
      'gap-heatmap.vl.json', 'importance-vs-preparedness.vl.json', 'ipa-quadrants.vl.json',
      'likert-education.vl.json', 'likert-industry.vl.json', 'rank-intervals.vl.json', 'respondents-map.vl.json',
    ]);
  });

  it('emits the committed golden specs, each valid against the Vega-Lite schema', () => {
    if (updateGolden) {
      mkdirSync(goldenDir, { recursive: true });
      for (const file of emittedSpecs()) writeFileSync(join(goldenDir, file), readFileSync(join(figuresDir, file)));
      console.warn(`UPDATE_GOLDEN=1: rewrote ${emittedSpecs().length} specs in ${goldenDir}`);
    }
    expect(readdirSync(goldenDir).filter((file) => file.endsWith('.vl.json')).sort()).toEqual(emittedSpecs());
    for (const file of emittedSpecs()) {
      const emitted = readFileSync(join(figuresDir, file), 'utf8');
      expect(emitted, `${file} differs from test/golden/2022 (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(join(goldenDir, file), 'utf8'));
      const valid = validate(JSON.parse(emitted));
      expect(validate.errors ?? [], file).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('`skillgap figures` reads the same figure input the render stage builds, without the rest', () => {
    const figureInput = buildFigureInput(contextFor({ wave: '2022', out }));
    const { config, competencies, analysis, previousAnalysis, respondentsByCountry, scale } = input;
    expect(figureInput).toEqual({ config, competencies, analysis, previousAnalysis, respondentsByCountry, scale });
    expect(Object.keys(figureInput).sort()).toEqual(['analysis', 'competencies', 'config', 'previousAnalysis', 'respondentsByCountry', 'scale']);
    expect(figureInput.analysis.estimates.length).toBeGreaterThan(1000);
  });

  it('renders byte-identical figures and PDF from the cached analysis, twice', async () => {
    const render = async () => {
      const figures = await renderFigures(input);
      return { figures: figures.map((f) => [f.id, sha256(f.svg!), sha256(f.png!)]), pdf: sha256(await assembleReport(input, figures)) };
    };
    const first = await render();
    expect(await render()).toEqual(first);
    expect(first.pdf).toBe(sha256(readFileSync(join(out, '2022', 'report.pdf'))));
    for (const [id, svgHash, pngHash] of first.figures) {
      expect(sha256(readFileSync(join(figuresDir, `${id}.svg`))), id!).toBe(svgHash);
      expect(sha256(readFileSync(join(figuresDir, `${id}.png`))), id!).toBe(pngHash);
    }
  }, 120_000);

  it('suppressed estimates carry no value, and no figure shows one', () => {
    const minN = input.config.suppression.minN;
    const suppressed = input.analysis.estimates.filter((row) => row.suppressed);
    expect(suppressed.length).toBeGreaterThan(0);
    for (const row of suppressed) {
      expect([row.mean, row.ciLow, row.ciHigh].every((value) => !Number.isFinite(value)), `${row.region} ${row.competency} ${row.measure}`).toBe(true);
    }
    const label = new Map(input.competencies.map((c) => [c.id, c.label]));
    const suppressedGaps = suppressed.filter((row) => row.population === 'industry' && row.measure === 'gap_preparedness');
    expect(suppressedGaps.length).toBeGreaterThan(0);
    // The heatmap keeps each suppressed cell as a marker: no gap, no n, the text `n < minN` (primary) or `suppr.` (secondary, derived).
    const heatmap = JSON.parse(readFileSync(join(figuresDir, 'gap-heatmap.vl.json'), 'utf8')).data.values as Record<string, unknown>[];
    for (const row of suppressedGaps) {
      const cell = heatmap.find((value) => value.region === row.region && value.competency === label.get(row.competency));
      expect(cell).toEqual(expect.objectContaining({ gap: null, n: null, suppressed: true, cellText: row.flag === 'suppressed_small_n' ? `n < ${minN}` : 'suppr.' }));
    }
    // Region charts: the marker only; IPA and dumbbell of a region: the competency is absent.
    for (const region of regionsOf(input.analysis)) {
      const rows = (buildRegionGaps(input, region) as { data: { values: Record<string, unknown>[] } }).data.values;
      const ipa = JSON.stringify(buildIpaQuadrants(input, region));
      const dumbbell = JSON.stringify(buildImportanceVsPreparedness(input, region));
      for (const row of suppressed.filter((r) => r.region === region && r.population === 'industry' && ['gap_preparedness', 'importance', 'preparedness'].includes(r.measure))) {
        const name = label.get(row.competency)!;
        if (row.measure === 'gap_preparedness') {
          expect(rows.find((value) => value.competency === name)).toEqual(expect.objectContaining({ gap: null, ciLow: null, ciHigh: null, n: null, suppressed: true }));
          expect(rows.find((value) => value.competency === name)!.valueText).toBe(row.flag === 'suppressed_small_n' ? `suppressed (n < ${minN})` : 'suppressed');
        }
        expect(ipa).not.toContain(`"competency":${JSON.stringify(name)}`);
        expect(dumbbell).not.toContain(`"competency":${JSON.stringify(name)}`);
      }
    }
    // Likert figures: suppressed distributions are not in the data at all.
    for (const population of ['industry', 'education'] as const) {
      const values = JSON.parse(readFileSync(join(figuresDir, `likert-${population}.vl.json`), 'utf8')).data.values as { competency: string; dimension: string }[];
      const hidden = (input.analysis.distributions ?? []).filter((row) => row.region === 'Global' && row.population === population && row.suppressed);
      for (const row of hidden) expect(values.some((value) => value.competency === label.get(row.competency) && value.dimension.toLowerCase().startsWith(row.dimension.slice(0, 6)))).toBe(false);
    }
  });

  it('keeps every chart’s text on its canvas, with no overlapping axis or legend labels', async () => {
    const specs: [string, TopLevelSpec][] = [];
    for (const file of emittedSpecs()) specs.push([file, JSON.parse(readFileSync(join(figuresDir, file), 'utf8'))]);
    for (const region of regionsOf(input.analysis)) specs.push([`region-gaps ${region}`, buildRegionGaps(input, region)]);
    for (const [name, spec] of specs) {
      const layout = await textLayout(spec);
      expect(layout.texts.length, name).toBeGreaterThan(0);
      for (const text of layout.texts) {
        const inside = text.x1 >= -0.5 && text.y1 >= -0.5 && text.x2 <= layout.width + 0.5 && text.y2 <= layout.height + 0.5;
        expect(inside, `${name}: "${text.text}" at ${text.x1.toFixed(1)},${text.y1.toFixed(1)}–${text.x2.toFixed(1)},${text.y2.toFixed(1)} outside ${layout.width}×${layout.height}`).toBe(true);
      }
      for (const role of ['axis-label', 'legend-label']) {
        const labels = layout.texts.filter((text) => text.role === role);
        for (let i = 0; i < labels.length; i++) {
          for (let j = i + 1; j < labels.length; j++) {
            expect(overlaps(labels[i]!, labels[j]!), `${name}: ${role}s "${labels[i]!.text}" and "${labels[j]!.text}" overlap`).toBe(false);
          }
        }
      }
    }
  }, 120_000);

  it('writes report.pdf as tagged PDF/UA-1: structure checks pass, every chart a Figure with its alt text', async () => {
    const structure = await readPdfStructure(readFileSync(join(out, '2022', 'report.pdf')));
    expect(structureProblems(structure)).toEqual([]);
    // Regions with any published gap get a gap chart and an IPA chart (assembleReport).
    const regions = regionsOf(input.analysis).filter((region) => region !== 'Global' && input.analysis.estimates.some((row) => row.region === region && row.population === 'industry' && row.measure === 'gap_preparedness' && !row.suppressed));
    // Every figure the wave supports (frameworks' included) and two per region.
    expect(structure.figures).toHaveLength(availableFigureIds(input).length + 2 * regions.length);
    const alts = structure.figures.map((figure) => figure.alt);
    for (const id of availableFigureIds(input)) expect(alts, id).toContain(figureAltTextFor(input, id).text);
    for (const region of regions) {
      expect(alts).toContain(regionGapsAltText(input, region).text);
      expect(alts).toContain(ipaAltText(input, region).text);
    }
    expect(alts[0]).toContain('Globally, Cloud security has the largest gap, 1.80 (95% CI 1.70 to 1.91)');
  });

  it('quotes in every alt text the values of estimates.csv, rankings.csv and framework-estimates.csv', () => {
    const table = (file: string) => {
      const { header, records } = parseOwnCsv(readFileSync(join(out, '2022', 'analysis', file), 'utf8'));
      return records.map((record) => Object.fromEntries(header.map((name, index) => [name, record[index]!])));
    };
    // Region and Global rows only: the country rows (country as a domain) follow them, keyed by their region too.
    const estimates = table('estimates.csv').filter((row) => (row.country ?? '') === '');
    const rankings = table('rankings.csv').filter((row) => row.region === 'Global' && (row.country ?? '') === '');
    const frameworkGaps = table('framework-estimates.csv').filter((row) => row.region === 'Global' && row.population === 'industry' && row.measure === 'gap_preparedness');
    const estimate = (region: string, population: string, measure: string, competency: string) =>
      estimates.find((row) => row.region === region && row.population === population && row.measure === measure && row.competency === competency && row.suppressed === 'false')!;
    const column = { '': 'mean', ' ci low': 'ci_low', ' ci high': 'ci_high' } as Record<string, string>;
    const frameworks = (input.analysis.frameworks ?? []).map((rollup) => rollup.framework);
    const csvValue = (what: string): number => {
      const framework = frameworks.find((id) => what.startsWith(`${id} `));
      if (framework) {
        const [, kind, unit, suffix = ''] = /^\S+ (Global gap|MWDS|rank ci low|rank ci high|rank) (.+?)( ci low| ci high)?$/.exec(what)!;
        const row = frameworkGaps.find((candidate) => candidate.framework === framework && candidate.unit === unit)!;
        return Number(kind === 'Global gap' ? row[column[suffix]!] : row[{ MWDS: 'mwds', rank: 'rank', 'rank ci low': 'rank_ci_low', 'rank ci high': 'rank_ci_high' }[kind!]!]);
      }
      let match = /^(\S+) gap (\S+)( ci low| ci high)?$/.exec(what);
      if (match) return Number(estimate(match[1]!, 'industry', 'gap_preparedness', match[2]!)[column[match[3] ?? '']!]);
      match = /^top2 (\S+) (\S+) (\S+) (\S+)$/.exec(what);
      if (match) return Number(estimate(match[1]!, match[2]!, match[3]!, match[4]!).top2_share);
      match = /^(\S+) (industry|education) (importance|preparedness|coverage) (\S+)$/.exec(what);
      if (match) return Number(estimate(match[1]!, match[2]!, match[3]!, match[4]!).mean);
      match = /^(MWDS|rank ci low|rank ci high|rank) (\S+)$/.exec(what);
      if (match) return Number(rankings.find((row) => row.competency === match![2])![{ MWDS: 'mwds', rank: 'rank', 'rank ci low': 'rank_ci_low', 'rank ci high': 'rank_ci_high' }[match[1]!]!]);
      match = /^(\S+) crosshair (importance|preparedness)$/.exec(what);
      if (match) {
        // grand-mean crosshairs (wave.json): the mean over the competencies published for both measures in the region.
        const both = input.competencies.filter((competency) => estimate(match![1]!, 'industry', 'importance', competency.id) && estimate(match![1]!, 'industry', 'preparedness', competency.id));
        return both.reduce((sum, competency) => sum + Number(estimate(match![1]!, 'industry', match![2]!, competency.id).mean), 0) / both.length;
      }
      throw new Error(`no table value for quoted number "${what}"`);
    };
    const regions = regionsOf(input.analysis).filter((region) => region !== 'Global' && input.analysis.estimates.some((row) => row.region === region && row.population === 'industry' && row.measure === 'gap_preparedness' && !row.suppressed));
    // English, and French (the same input in French as the render stage builds it: translated competency labels).
    const french: ReportInput = { ...input, config: { ...input.config, language: 'fr' }, competencies: input.competencies.map(translator('fr').competency) };
    const textsOf = (of: ReportInput) => [...availableFigureIds(of).map((id) => figureAltTextFor(of, id)), ...regions.flatMap((region) => [regionGapsAltText(of, region), ipaAltText(of, region)])];
    let checked = 0;
    for (const { text, quoted } of [...textsOf(input), ...textsOf(french)]) {
      for (const number of quoted) {
        expect(text).toContain(number.text);
        expect(number.value, number.what).toBeCloseTo(csvValue(number.what), 12);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
    // French numbers take the decimal comma: the heatmap's 1.80 (95% CI 1.70 to 1.91) of estimates.csv.
    const frenchQuoted = textsOf(french).flatMap((text) => text.quoted.map((number) => number.text));
    expect(frenchQuoted.filter((text) => text.includes('.'))).toEqual([]);
    expect(frenchQuoted.filter((text) => text.includes(',')).length).toBeGreaterThan(100);
    expect(figureAltTextFor(french, 'gap-heatmap').text).toContain('Au niveau mondial, l’écart le plus grand est celui de Sécurité du cloud, 1,80 (IC à 95 % 1,70 à 1,91)');
    // The "largest" and "rank 1" claims against the tables themselves.
    const globalGaps = estimates.filter((row) => row.region === 'Global' && row.population === 'industry' && row.measure === 'gap_preparedness' && row.suppressed === 'false');
    const largest = globalGaps.reduce((best, row) => (Number(row.mean) > Number(best.mean) ? row : best));
    expect(figureAltTextFor(input, 'gap-heatmap').quoted[0]!.what).toBe(`Global gap ${largest.competency}`);
    expect(figureAltTextFor(input, 'rank-intervals').quoted[0]!.what).toBe(`rank ${rankings.find((row) => row.rank === '1')!.competency}`);
  });
});

