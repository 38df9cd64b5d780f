/**
 * Versions of the project's direct dependencies as installed, for provenance (manifest, report).
 * Its own module so the render stage can use it without importing the runner, which imports the
 * render stage: that cycle left `renderStage` uninitialised when `skillgap figures` loaded it first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Versions of the project's direct dependencies as installed (for provenance). */
export function packageVersions(root: string): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; dependencies?: Record<string, string> };
  const versions: Record<string, string> = { skillgap: pkg.version, node: process.versions.node };
  for (const name of Object.keys(pkg.dependencies ?? {}).sort()) {
    const file = join(root, 'node_modules', name, 'package.json');
    versions[name] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'not installed';
  }
  return versions;
}
