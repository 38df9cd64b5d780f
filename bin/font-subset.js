// The subset fonts the figures are rasterised with (stages/render/subset-fonts.mjs says why and
// when they are used): both DejaVu faces cut down to the repertoire of that module by the
// devDependency subset-font (harfbuzz's hb-subset as WebAssembly, ≈ 0.1 s for both), written to
// node_modules/.cache/skillgap-fonts/<key>/ with repertoire.json, which records the ranges, the
// versions and the sizes. Interface: `buildSubsetFonts(dir)` returns the folder, or null when
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
  const { FONT_FILE_NAMES, REPERTOIRE, repertoireText, subsetFontFiles, subsetFontsDir } = await import('../stages/render/subset-fonts.mjs');
  const inCache = dir === undefined;
  dir ??= subsetFontsDir();
  if (subsetFontFiles(dir)) return dir;
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
  for (const name of Object.values(FONT_FILE_NAMES)) {
    const full = readFileSync(join(fontDir, name));
    const subset = await subsetFont(full, text, { targetFormat: 'truetype' });
    writeFileSync(join(building, name), subset);
    fonts[name] = { fullBytes: full.length, subsetBytes: subset.length };
  }
  const version = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
  const record = {
    ranges: REPERTOIRE.map(([first, last]) => `U+${hex(first)}–U+${hex(last)}`),
    codePoints: [...text].length,
    fonts,
    versions: { 'dejavu-fonts-ttf': version('dejavu-fonts-ttf'), 'subset-font': version('subset-font'), harfbuzzjs: harfbuzzVersion() },
  };
  writeFileSync(join(building, 'repertoire.json'), JSON.stringify(record, null, 2) + '\n');
  try {
    renameSync(building, dir);
  } catch {
    rmSync(building, { recursive: true, force: true }); // placed meanwhile by another build
    if (!subsetFontFiles(dir)) throw new Error(`could not place the subset fonts in ${dir}`);
  }
  if (inCache) pruneOtherBuilds(dir);
  return dir;
}

const hex = (code) => code.toString(16).toUpperCase().padStart(4, '0');

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
