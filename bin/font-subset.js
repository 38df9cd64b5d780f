// The subset fonts the figures are rasterised with (stages/render/subset-fonts.mjs says why and
// when they are used): both DejaVu faces cut down to the repertoire of that module by the
// devDependency subset-font (harfbuzz's hb-subset as WebAssembly, ≈ 0.1 s for both; hinting
// instructions dropped, which resvg never runs), written to
// node_modules/.cache/skillgap-fonts/<key>/ with repertoire.json, which records the ranges asked
// for, the code points both subsets cover (what chooseFontFiles accepts), the versions and sizes. Interface: `buildSubsetFonts(dir)` returns the folder, or null when
// subset-font cannot be loaded.
//
// - `npm ci` builds them (the `prepare` script: `node bin/font-subset.js --build`); a build whose
//   folder already holds both fonts does nothing. Never fails the install: without subset-font
//   (devDependencies omitted) or on any error it says so, and the figures use the full fonts.
// - Written to a temporary folder and renamed into place, so a reader never sees half a font.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/**
 * Builds the subsets into `dir` (by default the cache folder of the current key, whose older
 * siblings it then removes). Returns the folder, or null when subset-font is missing.
 */
export async function buildSubsetFonts(dir) {
  const { FONT_FILE_NAMES, REPERTOIRE, repertoireText, subsetFonts, subsetFontsDir } = await import('../stages/render/subset-fonts.mjs');
  const inCache = dir === undefined;
  dir ??= subsetFontsDir();
  if (subsetFonts(dir)) return dir;
  let subsetFont;
  try {
    subsetFont = (await import('subset-font')).default;
  } catch {
    return null;
  }
  const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const text = repertoireText();
  const fonts = {};
  let covered;
  for (const name of Object.values(FONT_FILE_NAMES)) {
    const full = readFileSync(join(fontDir, name));
    // Without hinting instructions (a fifth of the glyph data): resvg draws outlines unhinted.
    const subset = await subsetFont(full, text, { targetFormat: 'truetype', noHinting: true });
    writeFileSync(join(building, name), subset);
    fonts[name] = { fullBytes: full.length, subsetBytes: subset.length };
    const mapped = mappedCodePoints(subset);
    covered = covered ? covered.filter((code) => mapped.has(code)) : [...mapped].sort((a, b) => a - b);
  }
  // Combining marks stay out: shaping composes a letter and a mark into the precomposed letter
  // when the font maps it (a + U+0323 → ạ, U+1EA1), and the subsets lack most of those.
  covered = covered.filter((code) => !/\p{M}/u.test(String.fromCodePoint(code)));
  const version = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
  const record = {
    requested: REPERTOIRE.map(([first, last]) => `U+${hex(first)}–U+${hex(last)}`),
    // What chooseFontFiles accepts: the requested code points both faces have, combining marks
    // excepted. Not the requested ones DejaVu lacks: hb-subset empties the .notdef glyph, so the
    // full fonts draw a box for such a character and the subsets nothing.
    covered: toRanges(covered),
    coveredCount: covered.length,
    hinting: false,
    fonts,
    versions: { 'dejavu-fonts-ttf': version('dejavu-fonts-ttf'), 'subset-font': version('subset-font'), harfbuzzjs: harfbuzzVersion() },
  };
  writeFileSync(join(building, 'repertoire.json'), JSON.stringify(record, null, 2) + '\n');
  try {
    renameSync(building, dir);
  } catch {
    rmSync(building, { recursive: true, force: true }); // placed meanwhile by another build
    if (!subsetFonts(dir)) throw new Error(`could not place the subset fonts in ${dir}`);
  }
  if (inCache) pruneOtherBuilds(dir);
  return dir;
}

const hex = (code) => code.toString(16).toUpperCase().padStart(4, '0');

/** Sorted code points as inclusive [first, last] ranges. */
function toRanges(codes) {
  const ranges = [];
  for (const code of codes) {
    const last = ranges.at(-1);
    if (last && last[1] === code - 1) last[1] = code;
    else ranges.push([code, code]);
  }
  return ranges;
}

/**
 * The code points a TrueType font maps to a glyph other than .notdef, read from its `cmap`
 * table: the Windows Unicode subtable, format 12 (full repertoire) if present, else format 4 (BMP).
 */
export function mappedCodePoints(ttf) {
  const data = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  let cmap = -1;
  for (let table = 0, tables = data.getUint16(4); table < tables; table++) {
    const record = 12 + 16 * table;
    if (String.fromCharCode(...ttf.subarray(record, record + 4)) === 'cmap') cmap = data.getUint32(record + 8);
  }
  if (cmap < 0) throw new Error('the font has no cmap table');
  const subtables = new Map();
  for (let index = 0, count = data.getUint16(cmap + 2); index < count; index++) {
    const record = cmap + 4 + 8 * index;
    subtables.set(`${data.getUint16(record)}/${data.getUint16(record + 2)}`, cmap + data.getUint32(record + 4));
  }
  const codes = new Set();
  const full = subtables.get('3/10');
  const bmp = subtables.get('3/1');
  if (full !== undefined && data.getUint16(full) === 12) {
    for (let group = 0, groups = data.getUint32(full + 12); group < groups; group++) {
      const at = full + 16 + 12 * group;
      const [first, last, glyph] = [data.getUint32(at), data.getUint32(at + 4), data.getUint32(at + 8)];
      for (let code = first; code <= last; code++) if (glyph + code - first !== 0) codes.add(code);
    }
  } else if (bmp !== undefined && data.getUint16(bmp) === 4) {
    const segments = data.getUint16(bmp + 6) / 2;
    const ends = bmp + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const rangeOffsets = deltas + 2 * segments;
    for (let segment = 0; segment < segments; segment++) {
      const [first, last] = [data.getUint16(starts + 2 * segment), data.getUint16(ends + 2 * segment)];
      const delta = data.getUint16(deltas + 2 * segment);
      const rangeOffset = data.getUint16(rangeOffsets + 2 * segment);
      for (let code = first; code <= last && code !== 0xffff; code++) {
        let glyph;
        if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
        else {
          glyph = data.getUint16(rangeOffsets + 2 * segment + rangeOffset + 2 * (code - first));
          if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
        }
        if (glyph !== 0) codes.add(code);
      }
    }
  } else throw new Error('the font has no Windows Unicode cmap subtable of format 12 or 4');
  return codes;
}

/** harfbuzzjs's version (subset-font's dependency), or null when it cannot be read. */
function harfbuzzVersion() {
  try {
    // harfbuzzjs exports no package.json; its wasm (the file subset-font loads) sits in dist/.
    const wasm = createRequire(require.resolve('subset-font')).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
    return JSON.parse(readFileSync(join(dirname(wasm), '..', 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

/** Removes the subsets of other keys (another repertoire or font version): nothing uses them any more. */
function pruneOtherBuilds(keep) {
  const cache = dirname(keep);
  for (const name of readdirSync(cache)) {
    if (name !== basename(keep) && !name.includes('.building-')) rmSync(join(cache, name), { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv.includes('--build')) {
  try {
    const dir = await buildSubsetFonts();
    if (dir) process.stderr.write(`subset fonts in ${relative(ROOT, dir)}\n`);
    else process.stderr.write('subset-font is not installed (devDependencies omitted?): figures are rasterised with the full DejaVu fonts\n');
  } catch (error) {
    // Not fatal: the figures then use the full fonts, with the same bytes, only slower.
    process.stderr.write(`could not build the subset fonts (${error?.message ?? error}); figures are rasterised with the full DejaVu fonts\n`);
  }
}
