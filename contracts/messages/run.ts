export const stageSkipped = (stage: string) => `${stage}: up to date, skipped (inputs, parameters and code version unchanged)`;
export const stageRunning = (stage: string, why: string) => `${stage}: running (${why})`;
export const stageDone = (stage: string, seconds: number, rowsIn: number, rowsOut: number) =>
  `${stage}: done in ${seconds.toFixed(2)} s (${rowsIn} rows in, ${rowsOut} rows out)`;
export const waveNotFound = (wave: string, dir: string) =>
  `wave "${wave}" not found: expected a wave config at ${dir}/wave.json (run \`skillgap run --wave <id>\` with a folder under data/raw/)`;
export const cacheUnreadable = (what: string, problem: string) =>
  `this ${what} ${problem}: the out folder was written by another version or the file is damaged; re-run with \`skillgap run --force\``;
export const unsafeId = (what: string, id: string) =>
  `${what} ${JSON.stringify(id)} is not a safe name: use letters, digits, "-", "_" and "." only (no "/" or "\\", not "." or ".."), at most 100 characters; it names folders and files under the out folder`;
export const inputNotRegular = (what: string, kind: string) =>
  `the ${what} is ${kind}, not a regular file: skillgap reads only files saved to disk (a pipe or a device would never end)`;
export const duplicateSourceId = (id: string, index: number) =>
  `source id "${id}" (sources[${index}].id) is used twice: each source needs its own id (it names the source's cache files)`;
/** A stage run alone before the stage it reads from has written its outputs. */
export const stageInputMissing = (stage: string, what: string, folder: string, previousStage: string) =>
  `${stage}: no ${what} found in ${folder}: run \`skillgap ${previousStage}\` first, with the same --wave or --config and --out (or \`skillgap run\` for every stage)`;
