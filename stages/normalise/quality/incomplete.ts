/**
 * A response is incomplete when the tool says it was not finished (Qualtrics `Finished` False/0,
 * LimeSurvey empty `submitdate`) or its progress is below the configured percentage.
 */
export function isIncomplete(finished: number, progress: number, minProgress: number): boolean {
  if (finished === 0) return true;
  return Number.isFinite(progress) && progress < minProgress;
}

/** Reads a "finished" cell: True/1/Yes, a submit date → 1; False/0/No/empty → 0. */
export function parseFinished(cell: string): number {
  const text = cell.trim().toLowerCase();
  if (text === '' || text === 'false' || text === '0' || text === 'no' || text === 'n') return 0;
  return 1;
}
