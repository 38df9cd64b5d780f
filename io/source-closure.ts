/**
 * The source files a stage really runs: the import closure of its declaration file within the
 * repository, for the stage's code hash (runner/run.ts). Starting from the entry file, every
 * relative specifier written as a string literal is followed, transitively:
 *
 *   import … from './x.ts'   export … from './x.ts'   import './x.ts'   import type … from './x.ts'
 *   import('./x.ts')         new URL('./worker.mjs', import.meta.url)    require('../../data/x.json')
 *
 * (`require` also covers `createRequire(import.meta.url)('./x.json')`.) Type-only imports are
 * followed too: a changed type may change what the code does with a value, and a rerun too many
 * is cheaper than a stale output. Bare specifiers (packages) are not followed: their versions are
 * in the manifest's packageVersions. A specifier built at run time (a template with `${…}`) cannot
 * be followed; a stage lists such files, and the data files it reads by path, as its dataPaths.
 * Specifiers inside comments are followed when they name an existing file (harmless: a few more
 * files hashed); a specifier naming no file, or a folder, is ignored.
 *
 * A plain scanner over the source text (no TypeScript at run time); a SourceScanCache given by the
 * caller lets one run read each file once, and with a store file (the runner's:
 * node_modules/.cache/skillgap-source-scan.json) a later run too: a file whose identity (size,
 * modification and change times, inode) is the one recorded is not read again, as with the known
 * hashes of the out folder's files (io/hash.ts). Any change to a file changes its identity, so the
 * hashes still follow the content.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileIdentity } from './hash.ts';

/** Files whose text is scanned for further specifiers; any other file reached (JSON, a page script…) is a leaf. */
const SCANNED = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);

/**
 * Relative string-literal specifiers: `from '…'`, `import '…'`, `import('…')`, `require('…')`,
 * `new URL('…', import.meta.url)`. Quotes ' " or ` (a template without `${`).
 */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*|\bnew\s+URL\s*\(\s*)(['"`])(\.{1,2}\/[^'"`$\n]*)\1/g;

/** The relative specifiers written in a source text, in order of appearance. */
export function relativeSpecifiers(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((match) => match[2]);
}

/** What the scanner knows of one file. */
interface ScannedFile {
  sha256: string;
  /** Relative specifiers, for source files; none for a leaf (JSON, a page script…). */
  specifiers: string[];
}

/**
 * The files read by one run's code hashes: the four stages share most of contracts/ and io/, and a
 * run asks for each stage's hash before and after it runs, so each file is read and scanned once
 * per run (no stat either: a file is read or found missing). It holds the sources as the run found
 * them, so the caller creates one per run (the runner does) and lets it go afterwards.
 */
/** Where the runner keeps the scans of the repository's source files between runs (beside the compiled CLI). */
export const sourceScanStoreFile = (root: string) => join(root, 'node_modules', '.cache', 'skillgap-source-scan.json');
const SCAN_STORE_VERSION = 1;

export class SourceScanCache {
  private readonly files = new Map<string, ScannedFile | null>();
  private readonly stageHashes = new Map<string, string>();
  /** Scans of earlier runs by absolute path, each with the file's identity when it was read. */
  private readonly stored = new Map<string, ScannedFile & { identity: string }>();
  private storeChanged = false;

  /** `storeFile`: scans kept between runs (a missing or unreadable store is an empty one). */
  constructor(private readonly storeFile?: string) {
    if (!storeFile || !existsSync(storeFile)) return;
    try {
      const saved = JSON.parse(readFileSync(storeFile, 'utf8')) as { version?: number; files?: Record<string, ScannedFile & { identity: string }> };
      if (saved.version === SCAN_STORE_VERSION && saved.files) for (const [path, entry] of Object.entries(saved.files)) this.stored.set(path, entry);
    } catch {
      // A damaged store only costs reading the sources again.
    }
  }

  /** The file's hash and specifiers, or null when the path is no readable file (missing, a folder). */
  scan(path: string): ScannedFile | null {
    const known = this.files.get(path);
    if (known !== undefined) return known;
    let scanned: ScannedFile | null = null;
    try {
      const identity = this.storeFile ? fileIdentity(path) : '';
      const stored = this.stored.get(path);
      if (stored && identity !== '' && stored.identity === identity) {
        scanned = { sha256: stored.sha256, specifiers: stored.specifiers };
      } else {
        const bytes = readFileSync(path);
        scanned = {
          sha256: createHash('sha256').update(bytes).digest('hex'),
          specifiers: SCANNED.has(extname(path)) ? relativeSpecifiers(bytes.toString('utf8')) : [],
        };
        // Kept only when the file did not change while it was read.
        if (identity !== '' && fileIdentity(path) === identity) {
          this.stored.set(path, { identity, ...scanned });
          this.storeChanged = true;
        }
      }
    } catch {
      scanned = null;
    }
    this.files.set(path, scanned);
    return scanned;
  }

  /** Writes the store when this run scanned a file anew (whole, by rename: a concurrent run sees the old or the new store). */
  save(): void {
    if (!this.storeFile || !this.storeChanged) return;
    try {
      mkdirSync(dirname(this.storeFile), { recursive: true });
      const partial = `${this.storeFile}.${process.pid}.partial`;
      writeFileSync(partial, JSON.stringify({ version: SCAN_STORE_VERSION, files: Object.fromEntries(this.stored) }));
      renameSync(partial, this.storeFile);
      this.storeChanged = false;
    } catch {
      // Not kept (a read-only checkout): the next run reads the sources again.
    }
  }

  /** A stage's source hash, computed once per cache. */
  stageHash(key: string, compute: () => string): string {
    const known = this.stageHashes.get(key);
    if (known !== undefined) return known;
    const hash = compute();
    this.stageHashes.set(key, hash);
    return hash;
  }
}

/**
 * The import closure of the entry files (paths relative to `root`), sorted, relative to `root`
 * with forward slashes. Only files inside `root` are followed.
 */
export function sourceClosure(root: string, entries: readonly string[], cache = new SourceScanCache()): string[] {
  const absoluteRoot = resolve(root);
  const inside = (path: string) => path.startsWith(absoluteRoot + sep);
  const seen = new Set<string>();
  const pending = entries.map((entry) => resolve(absoluteRoot, entry));
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file) || !inside(file)) continue;
    const scanned = cache.scan(file);
    if (!scanned) continue;
    seen.add(file);
    for (const specifier of scanned.specifiers) {
      const target = resolve(dirname(file), specifier.split(/[?#]/)[0]);
      if (!seen.has(target)) pending.push(target);
    }
  }
  return [...seen].map((file) => relative(absoluteRoot, file).replaceAll('\\', '/')).sort();
}

/** Every file under the given paths (files or folders, relative to `root`; missing ones skipped), relative to `root`. */
export function filesUnder(root: string, paths: readonly string[]): string[] {
  const files: string[] = [];
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else files.push(relative(root, path).replaceAll('\\', '/'));
  };
  for (const path of paths) visit(join(root, path));
  return files;
}

/**
 * One hash over a stage's code and data: the import closure of its entry file plus every file
 * under its data paths, each as its relative name and content hash, in sorted order. It changes
 * exactly when a file the stage runs or reads by declaration changes, joins the closure or leaves it.
 */
export function hashStageSources(root: string, entry: string, dataPaths: readonly string[], cache = new SourceScanCache()): string {
  return cache.stageHash(JSON.stringify([resolve(root), entry, dataPaths]), () => hashFiles(root, entry, dataPaths, cache));
}

function hashFiles(root: string, entry: string, dataPaths: readonly string[], cache: SourceScanCache): string {
  const files = [...new Set([...sourceClosure(root, [entry], cache), ...filesUnder(root, dataPaths)])].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    const scanned = cache.scan(resolve(root, file));
    if (!scanned) continue;
    hash.update(`${file}\0${scanned.sha256}\n`);
  }
  return hash.digest('hex');
}
