export const stageSkipped = (stage: string) => `${stage}: up to date, skipped (inputs, parameters and code version unchanged)`;
export const stageRunning = (stage: string, why: string) => `${stage}: running (${why})`;
export const stageDone = (stage: string, seconds: number, rowsIn: number, rowsOut: number) =>
  `${stage}: done in ${seconds.toFixed(2)} s (${rowsIn} rows in, ${rowsOut} rows out)`;
export const waveNotFound = (wave: string, dir: string) =>
  `wave "${wave}" not found: expected a wave config at ${dir}/wave.json (run \`skillgap run --wave <id>\` with a folder under data/raw/)`;
export const cacheUnreadable = (what: string, problem: string) =>
  `this ${what} ${problem}: the out folder was written by another version or the file is damaged; re-run with \`skillgap run --force\``;
