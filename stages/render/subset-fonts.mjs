// Subsets of the two DejaVu fonts for rasterising the figures (SVG → PNG with resvg), and the
// choice between them and the full fonts. Why: resvg-js 2.6.2 registers fonts as *files*, and its
// font database (fontdb `Source::File`) opens and reads the whole file again for every text span
// it turns into paths — 17,873 reads of the 757 KB DejaVu files for the sample wave's figures,
// most of the render stage's system time. The same fonts cut down to the scripts the charts use
// (≈ 250 KB each) give byte-identical PNGs at a third of the reading.
//
// - Built once, at `npm ci` (the `prepare` script runs bin/font-subset.js --build, with the
//   devDependency subset-font, harfbuzz's hb-subset as WebAssembly), into
//   node_modules/.cache/skillgap-fonts/<key>/, the key made of the dejavu-fonts-ttf version and the
//   repertoire below: a changed repertoire or font version finds no folder and uses the full fonts
//   until the next build. repertoire.json next to the fonts records the code points both subsets
//   cover: the repertoire's, less those DejaVu lacks and the combining marks (a letter and a mark
//   are drawn as the precomposed letter when the font has it, which the subsets mostly do not).
// - Chosen per SVG (chooseFontFiles): the subsets only when every character of the SVG is covered;
//   otherwise, and whenever the subsets are missing, the full fonts as before.
// Plain JavaScript, so the build step runs without a TypeScript loader; it loads nothing heavy.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The code points the subset fonts keep, as inclusive [first, last] ranges: Basic Latin, Latin-1
 * and Latin Extended-A/B, spacing modifiers and combining diacritics, Greek, Cyrillic, general
 * punctuation, currency signs, letterlike symbols, arrows and mathematical operators, box drawing,
 * block elements, geometric shapes and miscellaneous symbols. Code points DejaVu lacks stay lacking.
 */
export const REPERTOIRE = Object.freeze([
  [0x0020, 0x007e], [0x00a0, 0x024f], [0x02b0, 0x036f], [0x0370, 0x03ff], [0x0400, 0x04ff],
  [0x2000, 0x206f], [0x20a0, 0x20cf], [0x2100, 0x214f], [0x2190, 0x22ff], [0x2500, 0x26ff],
].map((range) => Object.freeze(range)));

/** The file names of the two faces, the same in dejavu-fonts-ttf/ttf/ and in the subset folder. */
export const FONT_FILE_NAMES = Object.freeze({ regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' });

/** Version of the subset build; bump when the build's options change (bin/font-subset.js). */
const FORMAT = 4;

/** The repertoire as one string of its characters (what hb-subset is asked to keep). */
export function repertoireText() {
  let text = '';
  for (const [first, last] of REPERTOIRE) for (let code = first; code <= last; code++) text += String.fromCodePoint(code);
  return text;
}

/** The folder the subsets of this dejavu-fonts-ttf version and this repertoire live in. */
export function subsetFontsDir(cacheRoot = join(ROOT, 'node_modules', '.cache', 'skillgap-fonts')) {
  const { version } = JSON.parse(readFileSync(require.resolve('dejavu-fonts-ttf/package.json'), 'utf8'));
  const key = createHash('sha256').update(`${FORMAT}\0dejavu-fonts-ttf@${version}\0${JSON.stringify(REPERTOIRE)}`).digest('hex').slice(0, 16);
  return join(cacheRoot, key);
}

let currentDir;

/**
 * The subsets built into `dir` (by default the cache folder of the current key): their paths as
 * [regular, bold] and the code points both cover, as inclusive ranges (repertoire.json's
 * `covered`); null when they have not been built.
 */
export function subsetFonts(dir = (currentDir ??= subsetFontsDir())) {
  const files = [join(dir, FONT_FILE_NAMES.regular), join(dir, FONT_FILE_NAMES.bold)];
  if (!files.every((file) => existsSync(file))) return null;
  try {
    const { covered } = JSON.parse(readFileSync(join(dir, 'repertoire.json'), 'utf8'));
    return Array.isArray(covered) && covered.length > 0 ? { files, covered } : null;
  } catch {
    return null; // no record (a build of an older format): the full fonts
  }
}

const PREDEFINED_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const outsidePatterns = new WeakMap();

/** A pattern matching any character outside `covered` and XML's whitespace (tab, line feed, carriage return). */
function outside(covered) {
  let pattern = outsidePatterns.get(covered);
  if (!pattern) {
    const ranges = covered.map(([first, last]) => `\\u{${first.toString(16)}}-\\u{${last.toString(16)}}`).join('');
    pattern = new RegExp(`[^\\t\\n\\r${ranges}]`, 'u');
    outsidePatterns.set(covered, pattern);
  }
  return pattern;
}

/** Whether every character of the SVG, with its character references decoded, lies in `covered` (inclusive code point ranges). */
export function withinRepertoire(svg, covered) {
  const outsideCovered = outside(covered);
  // A document type may declare entities of its own: not worth decoding (Vega writes none).
  if (outsideCovered.test(svg) || svg.includes('<!DOCTYPE')) return false;
  for (const [, name] of svg.matchAll(/&([^;&\s]*);/g)) {
    const code = name.startsWith('#x') || name.startsWith('#X') ? Number.parseInt(name.slice(2), 16) : name.startsWith('#') ? Number.parseInt(name.slice(1), 10) : undefined;
    if (code === undefined ? !PREDEFINED_ENTITIES.has(name) : !(code <= 0x10ffff && !outsideCovered.test(String.fromCodePoint(code)))) return false;
  }
  return true;
}

/**
 * The font files resvg should load for this SVG: the subsets when they exist and cover every
 * character of the SVG, otherwise the full fonts. The PNG is the same either way (the subsets keep
 * every glyph, kerning pair and layout rule of the characters they cover); the subsets only make it
 * cheaper, because resvg-js re-reads the whole font file for every text span it draws (fontdb's
 * `Source::File`), and the subsets are about a quarter of the size. The whole SVG string is checked,
 * not only its text (a superset: path data and attributes are ASCII), so nothing the check misses
 * can reach the fonts. Not covered: characters DejaVu lacks (the full fonts draw a box for them,
 * the subsets nothing) and combining marks (composed with their letter into a precomposed glyph
 * the subsets may lack).
 */
export function chooseFontFiles(svg, { full, subset }) {
  return subset && withinRepertoire(svg, subset.covered) ? subset.files : full;
}
