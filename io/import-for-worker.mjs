// How a worker thread loads the repository's TypeScript modules. The main thread of `skillgap`
// runs the compiled CLI (bin/compiled-cli.js), which bundles the modules below as entry points of
// their own and names its folder in SKILLGAP_BUNDLE_DIR (a worker inherits the environment): a
// worker then imports the same bundled code, without the TypeScript loader (≈ 0.5 s of CPU and up
// to 1 s of wall time on a busy machine). Without a bundle (tests, SKILLGAP_NO_BUNDLE=1) the worker
// registers tsx and imports the source, as the main thread does. Plain JavaScript: a worker entry
// (.mjs) imports it before any loader is registered.
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Source file (from the repository root) → the name of its entry point in the bundle. */
export const WORKER_MODULES = {
  'stages/analyse/framework-statistics.ts': 'worker-framework-statistics',
  'stages/analyse/stats/mwds-rank-sets.ts': 'worker-mwds-rank-sets',
  'stages/ingest/ingest-source.ts': 'worker-ingest-source',
  'stages/render/profiles/render-profile.ts': 'worker-render-profile',
};

/**
 * The module of `url` (its source file, written `new URL('./x.ts', import.meta.url)` so that the
 * stage's code hash follows it: io/source-closure.ts): the bundled entry point when the process
 * runs the bundle, else the source through tsx.
 */
export async function importForWorker(url) {
  const name = WORKER_MODULES[relative(ROOT, fileURLToPath(url)).replaceAll('\\', '/')];
  // SKILLGAP_NO_BUNDLE=1 wins over a folder inherited from a parent process that ran the bundle.
  const bundle = process.env.SKILLGAP_NO_BUNDLE === '1' ? undefined : process.env.SKILLGAP_BUNDLE_DIR;
  if (bundle && name) return import(pathToFileURL(join(bundle, `${name}.js`)).href);
  const { register } = await import('tsx/esm/api');
  register();
  return import(url.href);
}
