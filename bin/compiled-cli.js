// The CLI compiled once instead of on every run. tsx transpiles and resolves every TypeScript file
// of the CLI through a loader thread on each start (≈ 0.6 s of CPU before any work is done); this
// module bundles commands/cli.ts with esbuild (a devDependency, and tsx's own compiler) into
// node_modules/.cache/skillgap-cli/ and loads that instead. Interface: `loadCompiledCli()` returns the
// CLI module, or null when it cannot be built (the caller then runs the TypeScript through tsx).
//
// - Fresh or rebuilt: the bundle records every source file it was built from with its size and
//   modification time; when any differs (a file was edited, added to an import, deleted) the next
//   run rebuilds it (≈ 1 s) before starting, so an edit is never run stale.
// - Same behaviour: only the repository's own code is bundled, plus the @stdlib functions (hundreds
//   of one-function CommonJS files whose resolution alone costs ≈ 0.4 s); every other package is
//   imported from node_modules as before, and lazy `await import()`s stay lazy (code splitting).
//   `import.meta.url` is replaced by the URL of the source file it was written in, so paths
//   relative to a source file (data files, worker entry points, createRequire) resolve as before.
//   vega-loader's `require('node-fetch')` gets Node's built-in fetch (bin/global-fetch.cjs): the
//   package and its URL-parsing dependencies cost ≈ 40 ms to load on every chart command.
// - `npm ci` builds it (the `prepare` script: `node bin/compiled-cli.js --build`);
//   SKILLGAP_NO_BUNDLE=1 runs the TypeScript through tsx as before.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WORKER_MODULES } from '../io/import-for-worker.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'skillgap-cli');
const CURRENT = join(CACHE, 'current.json');
const ENTRY = 'commands/cli.ts';
/**
 * Packages bundled with the code (the rest are imported from node_modules at run time): @stdlib
 * (hundreds of one-function CommonJS files), Vega / Vega-Lite (≈ 90 CommonJS modules, ≈ 0.3 s to
 * resolve and load one by one), apache-arrow (≈ 560 ES module files with flatbuffers, resolved
 * on every start) and pdfkit with svg-to-pdfkit (fontkit and ≈ 40 small packages: ≈ 60 ms). Pure
 * JavaScript; pdfkit's two files read relative to itself (its standard fonts, its ICC profile)
 * keep their path: its `import.meta.url` is replaced by its own file's URL (PACKAGE_FILE_URLS).
 */
const BUNDLED_PACKAGES = /^(@stdlib\/|vega$|vega-lite$|apache-arrow$|pdfkit$|svg-to-pdfkit$)/;
/** Bundled package files whose `import.meta.url` must stay their own file's URL. */
const PACKAGE_FILE_URLS = /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/;
/** Build format; bump when the build options below change. */
const FORMAT = 5;

/** Size and mtime of each source file (paths relative to root), hashed: the bundle's key. Null when a file is gone. */
export function sourcesKey(files, root = ROOT) {
  const hash = createHash('sha256').update(`${FORMAT}\0${root}\0${process.versions.node}\0`);
  for (const file of files) {
    let stat;
    try {
      stat = statSync(join(root, file));
    } catch {
      return null;
    }
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\0`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The folder of the current bundle, if every file it was built from is unchanged. */
function freshBundle() {
  try {
    const current = JSON.parse(readFileSync(CURRENT, 'utf8'));
    const dir = join(CACHE, current.key);
    if (sourcesKey(current.sources) === current.key && existsSync(join(dir, 'cli.js'))) return dir;
  } catch {
    // no bundle yet, or an unreadable record: build one
  }
  return null;
}

/** Bundles the CLI into a new folder and makes it current. Returns its folder. */
export async function buildCompiledCli() {
  const esbuild = await import('esbuild');
  const { dependencies = {} } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const external = Object.keys(dependencies).filter((name) => !BUNDLED_PACKAGES.test(name)).flatMap((name) => [name, `${name}/*`]);
  const building = join(CACHE, `building-${process.pid}-${Date.now()}`);
  rmSync(building, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT, // paths in the bundle's comments relative to the repository, whatever the caller's cwd
    // The modules worker threads load (io/import-for-worker.mjs) are entry points of their own,
    // sharing chunks with the CLI, so a worker starts without the TypeScript loader.
    entryPoints: { cli: join(ROOT, ENTRY), ...Object.fromEntries(Object.entries(WORKER_MODULES).map(([source, name]) => [name, join(ROOT, source)])) },
    outdir: building,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    external,
    metafile: true,
    logLevel: 'silent',
    // The bundled CommonJS (@stdlib, and the packages it requires) calls require(): give it Node's.
    banner: { js: "import { createRequire as __skillgapCreateRequire } from 'node:module'; const require = __skillgapCreateRequire(import.meta.url);" },
    plugins: [{
      name: 'node-fetch-is-built-in',
      setup(build) {
        build.onResolve({ filter: /^node-fetch$/ }, (args) => (/[\\/]vega-loader[\\/]/.test(args.importer) ? { path: join(ROOT, 'bin', 'global-fetch.cjs') } : undefined));
      },
    }, {
      name: 'source-file-urls',
      setup(build) {
        build.onLoad({ filter: /\.(ts|mts|js|mjs)$/ }, async (args) => {
          if (args.path.includes(join('node_modules', '')) && !PACKAGE_FILE_URLS.test(args.path)) return undefined; // packages load as they are
          const source = await readFile(args.path, 'utf8');
          const loader = /\.m?ts$/.test(args.path) ? 'ts' : 'js';
          return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader };
        });
      },
    }],
  });
  const sources = Object.keys(result.metafile.inputs)
    .map((input) => relative(ROOT, resolve(ROOT, input)).replaceAll('\\', '/'))
    .filter((file) => !file.startsWith('node_modules/'))
    .concat('bin/compiled-cli.js', 'io/import-for-worker.mjs', 'package.json') // the build itself (and its worker entries), and which packages stay external
    .sort();
  const key = sourcesKey(sources);
  const dir = join(CACHE, key);
  if (existsSync(join(dir, 'cli.js'))) rmSync(building, { recursive: true, force: true }); // built meanwhile by another run
  else {
    try {
      renameSync(building, dir);
    } catch {
      rmSync(building, { recursive: true, force: true });
      if (!existsSync(join(dir, 'cli.js'))) throw new Error(`could not place the compiled CLI in ${dir}`);
    }
  }
  pruneOldBundles(key);
  const record = join(CACHE, `current-${process.pid}.json`);
  writeFileSync(record, JSON.stringify({ key, sources }) + '\n');
  renameSync(record, CURRENT);
  return dir;
}

/** Removes bundles replaced more than a day ago (a run still loading lazy chunks from one is long over). */
function pruneOldBundles(keep) {
  const dayAgo = Date.now() - 86_400_000;
  for (const name of readdirSync(CACHE)) {
    const dir = join(CACHE, name);
    if (name === keep || name.endsWith('.json')) continue;
    try {
      if (statSync(dir).mtimeMs < dayAgo) rmSync(dir, { recursive: true, force: true });
    } catch {
      // removed meanwhile by another run
    }
  }
}

/** The compiled CLI module (built first if missing or stale), or null when it cannot be built. */
export async function loadCompiledCli() {
  if (process.env.SKILLGAP_NO_BUNDLE === '1') return null;
  let dir = freshBundle();
  if (!dir) {
    try {
      mkdirSync(CACHE, { recursive: true });
      dir = await buildCompiledCli();
    } catch {
      return null; // e.g. a syntax error: tsx then reports it with the file and line
    }
  }
  // Worker threads inherit the environment: they load the same bundle (io/import-for-worker.mjs).
  process.env.SKILLGAP_BUNDLE_DIR = dir;
  return import(pathToFileURL(join(dir, 'cli.js')).href);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv.includes('--build')) {
  try {
    mkdirSync(CACHE, { recursive: true });
    const dir = await buildCompiledCli();
    process.stderr.write(`compiled the CLI into ${relative(ROOT, dir)}\n`);
  } catch (error) {
    // Not fatal: `skillgap` then runs the TypeScript through tsx, as it did before the bundle.
    process.stderr.write(`could not compile the CLI (${error?.message ?? error}); skillgap will run it through tsx\n`);
  }
}
