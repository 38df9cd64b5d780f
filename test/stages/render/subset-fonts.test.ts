/**
 * stages/render/subset-fonts.mjs: the PNGs rasterised with the DejaVu subsets (built at `npm ci`)
 * are byte-identical to those rasterised with the full fonts, for every figure of the 2022 sample
 * wave (its committed golden specs, which test/stages/render/sample-wave.test.ts keeps equal to
 * what the render stage emits), of the fixture report and of a sheet of every character they cover;
 * an SVG with a character they do not cover — beyond the repertoire (Armenian), literal or as a
 * character reference, one DejaVu lacks, a combining mark — gets the full fonts; without the
 * subsets the full fonts are used. When the subsets are not in node_modules/.cache they are built into a
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
import { chooseFontFiles, FONT_FILE_NAMES, subsetFonts, withinRepertoire, type SubsetFonts } from '../../../stages/render/subset-fonts.mjs';
import { FONT_FILES } from '../../../stages/render/theme.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { buildReportInput } from './fixtures.ts';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const goldenDir = resolve(import.meta.dirname, '../../golden/2022');
const full = [FONT_FILES.regular, FONT_FILES.bold];
const scratch = useTempDir('skillgap-subset-fonts-');

/** The subsets of node_modules/.cache, or built here when missing; null only when subset-font cannot be loaded. */
async function subsets(): Promise<SubsetFonts | null> {
  const cached = subsetFonts();
  if (cached) return cached;
  const built = await buildSubsetFonts(join(scratch, 'built'));
  return built ? subsetFonts(built) : null;
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
      expect(chooseFontFiles(svg, { full, subset }), name).toBe(subset!.files);
      expect(sha256(png(svg, subset!.files)), name).toBe(sha256(png(svg, full)));
    }
    // What the render stage calls (its subsets are node_modules/.cache's, or the full fonts): the same bytes.
    expect(sha256(renderSvgToPng(svgs[0]![1]))).toBe(sha256(png(svgs[0]![1], full)));
  }, 120_000);

  it('every character the subsets cover, regular and bold, in lines of 100 (ligatures and kerning pairs included): the same PNG', () => {
    const characters = subset!.covered.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, k) => String.fromCodePoint(first + k)));
    expect(characters.length).toBeGreaterThan(1900);
    const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    const lines: string[] = [];
    for (let start = 0; start < characters.length; start += 100) lines.push(escape(characters.slice(start, start + 100).join('')));
    lines.push('fi fl ffi AV To Wa Yo ΑΥ ЖЯ ≠ → €1');
    const text = (weight: string, offset: number) => lines.map((line, index) => `<text x="4" y="${offset + 15 * (index + 1)}" font-size="12" font-weight="${weight}">${line}</text>`).join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1100" height="${30 * lines.length + 20}">${text('normal', 0)}${text('bold', 15 * lines.length + 10)}</svg>`;
    expect(chooseFontFiles(svg, { full, subset })).toBe(subset!.files);
    expect(sha256(png(svg, subset!.files))).toBe(sha256(png(svg, full)));
  });

  it('characters of the repertoire the subsets do not cover get the full fonts: one DejaVu lacks (U+02EA), a combining mark (a + U+0323)', () => {
    // With the subsets the PNG would differ: hb-subset empties .notdef (the full fonts draw a box),
    // and shaping composes a + U+0323 into ạ (U+1EA1), which the full fonts have and the subsets lack.
    for (const text of ['x \u02ea y', 'a\u0323']) {
      const svg = svgWithText(text);
      expect(chooseFontFiles(svg, { full, subset }), text).toBe(full);
      expect(sha256(renderSvgToPng(svg)), text).toBe(sha256(png(svg, full)));
      expect(sha256(png(svg, subset!.files)), text).not.toBe(sha256(png(svg, full)));
    }
  });

  it('an SVG with a character DejaVu has beyond the repertoire (Armenian Ա) gets the full fonts, and their PNG', () => {
    const svg = svgWithText('Gap Ա 1.2');
    expect(chooseFontFiles(svg, { full, subset })).toBe(full);
    const withFull = png(svg, full);
    expect(sha256(renderSvgToPng(svg))).toBe(sha256(withFull));
    // The subsets lack the glyph: drawn with them, the PNG would differ (so the choice matters).
    expect(sha256(png(svg, subset!.files))).not.toBe(sha256(withFull));
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
    expect(chooseFontFiles(svgWithText('n &lt; 5 &amp; &#x2212;1 &#233;'), { full, subset })).toBe(subset!.files);
  });
});

describe('the choice of font files', () => {
  it('checks every character of the SVG, references decoded, against the covered code points', () => {
    const covered: [number, number][] = [[0x20, 0x7e], [0xa0, 0x17f], [0x2010, 0x2027], [0x2212, 0x2212], [0x2265, 0x2265]];
    expect(withinRepertoire(svgWithText('Türkiye − 0.4 … ≥ 5 n &lt; 5 &#x2212; &#8804;\n\t'), covered)).toBe(false); // ≤ (U+2264) only as a reference
    expect(withinRepertoire(svgWithText('Türkiye − 0.4 … ≥ 5 n &lt; 5 &#x2212; &#233;\n\t'), covered)).toBe(true);
    expect(withinRepertoire(svgWithText('Ω'), covered)).toBe(false);
    expect(withinRepertoire(svgWithText('ქართული'), covered)).toBe(false); // Georgian
    expect(withinRepertoire(svgWithText('数'), covered)).toBe(false); // beyond DejaVu altogether
    expect(withinRepertoire(svgWithText('&#128512;'), covered)).toBe(false); // 😀, outside the BMP
    expect(withinRepertoire(svgWithText('&#xD800;'), covered)).toBe(false); // a lone surrogate
    expect(withinRepertoire(svgWithText('&nbsp;'), covered)).toBe(false); // an entity only a document type could declare
    expect(withinRepertoire(`<!DOCTYPE svg [<!ENTITY a "e">]>${svgWithText('&a;')}`, covered)).toBe(false);
    expect(withinRepertoire('<svg><title>Ա</title></svg>', covered)).toBe(false); // outside <text> too: a superset
  });

  it('without the subset files (or their record), the full fonts, and a PNG, no error', () => {
    const empty = join(scratch, 'empty');
    expect(subsetFonts(empty)).toBeNull();
    const half = join(scratch, 'half'); // the regular face only
    mkdirSync(half, { recursive: true });
    copyFileSync(FONT_FILES.regular, join(half, FONT_FILE_NAMES.regular));
    expect(subsetFonts(half)).toBeNull();
    copyFileSync(FONT_FILES.bold, join(half, FONT_FILE_NAMES.bold)); // both faces, no repertoire.json
    expect(subsetFonts(half)).toBeNull();
    const svg = svgWithText('Gap 1.2');
    expect(chooseFontFiles(svg, { full, subset: null })).toBe(full);
    expect(png(svg, chooseFontFiles(svg, { full, subset: subsetFonts(empty) })).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(Object.values(FONT_FILE_NAMES)).toEqual(full.map((file) => file.split(/[\\/]/).pop()));
  });
});
