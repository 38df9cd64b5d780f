/**
 * Outputs never follow a link out of out/<wave>: before a run writes, every folder between the
 * wave's out folder and each output, and the output itself, must be a real folder or file (or
 * not exist yet). A link (or a pipe, a device) there is refused with a message naming it: a link
 * planted in the out folder would otherwise send the files wherever it points, and hashing a link
 * to /dev/zero would never end. The wave's out folder itself may be a link (out/ on another
 * volume is the user's choice); everything below it is skillgap's.
 */
import { lstatSync, readlinkSync } from 'node:fs';
import { relative, sep, join } from 'node:path';
import { ValidationError } from '../contracts/errors.ts';
import { outputMessages } from '../contracts/messages/index.ts';
import { kindOfFile } from './hash.ts';

export function checkOutputPaths(outDir: string, files: readonly string[]): void {
  const checked = new Set<string>();
  for (const file of files) {
    const inside = relative(outDir, file);
    if (inside === '' || inside.startsWith('..')) continue;
    const parts = inside.split(sep);
    let path = outDir;
    for (let i = 0; i < parts.length; i++) {
      path = join(path, parts[i]);
      if (checked.has(path)) continue;
      checked.add(path);
      let stats;
      try {
        stats = lstatSync(path);
      } catch {
        break;
      }
      if (stats.isSymbolicLink()) throw new ValidationError(outputMessages.linkInOutFolder(path, linkTarget(path)));
      const last = i === parts.length - 1;
      if (!last && !stats.isDirectory()) throw new ValidationError(outputMessages.notAFolder(path));
      if (last && !stats.isFile()) throw new ValidationError(outputMessages.notARegularOutput(path, kindOfFile(stats)));
    }
  }
}

function linkTarget(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return 'somewhere else';
  }
}
