/**
 * stages/render/subset-fonts.mjs: the PNGs rasterised with the DejaVu subsets (built at `npm ci`)
 * are byte-identical to those rasterised with the full fonts, for every figure of the 2022 sample
 * wave (its committed golden specs, which test/stages/render/sample-wave.test.ts keeps equal to
 * what the render stage emits) and of the fixture report; an SVG with a character beyond the
 * repertoire — literal or as a character reference — gets the full fonts; without the subsets the
 * full fonts are used. When the subsets are not in node_modules/.cache they are built into a
 * temporary folder here; the comparisons skip, with a notice, only if subset-font cannot be loaded.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module of bin/, without type declarations
import { buildSubsetFonts } from '../../../bin/font-subset.js';
import rasteriseHere from '../../../stages/render/png-worker.mjs';
import { renderFigures, renderSpecToSvg, renderSvgToPng, resvgOptions } from '../../../stages/render/render-figure.ts';
import { chooseFontFiles, FONT_FILE_NAMES, subsetFontFiles, withinRepertoire } from '../../../stages/render/subset-fonts.mjs';
import { FONT_FILES } from '../../../stages/render/theme.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { buildReportInput } from './fixtures.ts';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const goldenDir = resolve(import.meta.dirname, '../../golden/2022');
const full = [FONT_FILES.regular, FONT_FILES.bold];
const scratch = useTempDir('skillgap-subset-fonts-');

/** The subsets of node_modules/.cache, or built here when missing; null only when subset-font cannot be loaded. */
async function subsets(): Promise<string[] | null> {
  const cached = subsetFontFiles();
  if (cached) return cached;
  const built = await buildSubsetFonts(join(scratch, 'built'));
  return built ? subsetFontFiles(built) : null;
}
const subset = await subsets();
if (!subset) console.warn('subset-fonts.test.ts: subset-font could not be loaded (devDependencies omitted?), so no subset fonts: the subset comparisons are skipped');

const png = (svg: string, fontFiles: string[]) => rasteriseHere({ svg, options: resvgOptions(fontFiles, 2) });
const svgWithText = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="220" height="40"><rect width="220" height="40" fill="white"/><text x="8" y="28" font-family="DejaVu Sans" font-size="20" font-weight="bold">${text}</text></svg>`;

describe.skipIf(!subset)('PNGs with the subset fonts', () => {
  it('every figure of the 2022 sample wave and of the fixture report: the subsets are chosen, and the PNG is byte-identical to the full fonts\'', async () => {
    const svgs: [string, string][] = [];
    for (const file of readdirSync(goldenDir).filter((name) => name.endsWith('.vl.json')).sort()) {
      svgs.push([file, await renderSpecToSvg(JSON.parse(readFileSync(join(goldenDir, file), 'utf8')) as TopLevelSpec)]);
    }
    expect(svgs).toHaveLength(16);
    // The fixture adds wave-change and country names beyond ASCII (Türkiye, Côte d'Ivoire).
    for (const figure of await renderFigures(buildReportInput({ withPrevious: true }), { formats: ['svg'] })) svgs.push([figure.id, figure.svg!]);
    expect(svgs.length).toBeGreaterThan(20);
    for (const [name, svg] of svgs) {
      expect(chooseFontFiles(svg, { full, subset }), name).toBe(subset);
      expect(sha256(png(svg, subset!)), name).toBe(sha256(png(svg, full)));
    }
    // What the render stage calls (its subsets are node_modules/.cache's, or the full fonts): the same bytes.
    expect(sha256(renderSvgToPng(svgs[0]![1]))).toBe(sha256(png(svgs[0]![1], full)));
  }, 120_000);

  it('an SVG with a character DejaVu has beyond the repertoire (Armenian Ա) gets the full fonts, and their PNG', () => {
    const svg = svgWithText('Gap Ա 1.2');
    expect(withinRepertoire(svg)).toBe(false);
    expect(chooseFontFiles(svg, { full, subset })).toBe(full);
    const withFull = png(svg, full);
    expect(sha256(renderSvgToPng(svg))).toBe(sha256(withFull));
    // The subsets lack the glyph: drawn with them, the PNG would differ (so the choice matters).
    expect(sha256(png(svg, subset!))).not.toBe(sha256(withFull));
  });

  it('so does one whose only such character is a numeric character reference (&#x531; or &#1329;)', () => {
    const withFull = png(svgWithText('Gap Ա 1.2'), full);
    for (const reference of ['&#x531;', '&#1329;']) {
      const svg = svgWithText(`Gap ${reference} 1.2`);
      expect(/[^\x20-\x7e]/.test(svg), reference).toBe(false); // ASCII only as written
      expect(chooseFontFiles(svg, { full, subset }), reference).toBe(full);
      expect(sha256(renderSvgToPng(svg)), reference).toBe(sha256(withFull));
    }
    // Predefined entities and references inside the repertoire keep the subsets.
    expect(chooseFontFiles(svgWithText('n &lt; 5 &amp; &#x2212;1 &#233;'), { full, subset })).toBe(subset);
  });
});

describe('the choice of font files', () => {
  it('checks every character of the SVG, references decoded, against the repertoire', () => {
    expect(withinRepertoire(svgWithText('Türkiye − 0.4 … ≥ 5 n &lt; 5\n\t'))).toBe(true);
    expect(withinRepertoire(svgWithText('ქართული'))).toBe(false); // Georgian
    expect(withinRepertoire(svgWithText('数'))).toBe(false); // beyond DejaVu altogether
    expect(withinRepertoire(svgWithText('&#128512;'))).toBe(false); // 😀, outside the BMP
    expect(withinRepertoire(svgWithText('&#xD800;'))).toBe(false); // a lone surrogate
    expect(withinRepertoire(svgWithText('&nbsp;'))).toBe(false); // an entity only a document type could declare
    expect(withinRepertoire(`<!DOCTYPE svg [<!ENTITY a "Ա">]>${svgWithText('&a;')}`)).toBe(false);
    expect(withinRepertoire('<svg><title>Ա</title></svg>')).toBe(false); // outside <text> too: a superset
  });

  it('without the subset files, the full fonts (and a PNG, no error)', () => {
    const empty = join(scratch, 'empty');
    expect(subsetFontFiles(empty)).toBeNull();
    const half = join(scratch, 'half'); // the regular face only
    mkdirSync(half, { recursive: true });
    copyFileSync(FONT_FILES.regular, join(half, FONT_FILE_NAMES.regular));
    expect(subsetFontFiles(half)).toBeNull();
    const svg = svgWithText('Gap 1.2');
    expect(chooseFontFiles(svg, { full, subset: null })).toBe(full);
    expect(png(svg, chooseFontFiles(svg, { full, subset: subsetFontFiles(empty) })).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(Object.values(FONT_FILE_NAMES)).toEqual(full.map((file) => file.split(/[\\/]/).pop()));
  });
});
