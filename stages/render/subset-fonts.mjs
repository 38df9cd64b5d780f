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
const found = new Map();

/**
 * The subsets built into `dir` (by default the cache folder of the current key): their paths as
 * [regular, bold] and the code points both cover, as sorted inclusive ranges (repertoire.json's
 * `covered`); null when they have not been built. A built folder never changes (it is renamed
 * into place whole, and its name is its key), so its record is read once.
 */
export function subsetFonts(dir = (currentDir ??= subsetFontsDir())) {
  const files = [join(dir, FONT_FILE_NAMES.regular), join(dir, FONT_FILE_NAMES.bold)];
  if (!files.every((file) => existsSync(file))) return null;
  if (found.has(dir)) return found.get(dir);
  try {
    const { covered } = JSON.parse(readFileSync(join(dir, 'repertoire.json'), 'utf8'));
    if (!Array.isArray(covered) || covered.length === 0) return null;
    const subset = { files, covered };
    found.set(dir, subset);
    return subset;
  } catch {
    return null; // no record (a build of an older format): the full fonts
  }
}

/** Whether `code` lies in one of the sorted inclusive ranges. */
function covers(covered, code) {
  let low = 0;
  let high = covered.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (code < covered[middle][0]) high = middle - 1;
    else if (code > covered[middle][1]) low = middle + 1;
    else return true;
  }
  return false;
}

const PREDEFINED_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * Whether every character of the SVG, with its character references decoded, lies in `covered`
 * (sorted inclusive code point ranges). Printable ASCII and XML's whitespace are taken as covered
 * (the repertoire starts with them); the scan stops only at other characters and at `&`, which
 * starts a reference: the five predefined entities, decimal or hexadecimal ones. Anything else
 * (an entity only a document type could declare) counts as not covered.
 */
export function withinRepertoire(svg, covered) {
  if (svg.includes('<!DOCTYPE')) return false;
  const notPlainAscii = /[^\t\n\r\x20-\x25\x27-\x7e]/g;
  for (let match; (match = notPlainAscii.exec(svg)) !== null;) {
    let code = svg.codePointAt(match.index);
    if (code === 0x26) {
      const end = svg.indexOf(';', match.index);
      const name = end < 0 ? '' : svg.slice(match.index + 1, end);
      if (PREDEFINED_ENTITIES.has(name)) continue;
      if (/^#x[0-9a-fA-F]{1,6}$/.test(name)) code = Number.parseInt(name.slice(2), 16);
      else if (/^#[0-9]{1,7}$/.test(name)) code = Number.parseInt(name.slice(1), 10);
      else return false;
    } else if (code > 0xffff) notPlainAscii.lastIndex++; // the low surrogate of the pair
    if (!covers(covered, code)) return false;
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
