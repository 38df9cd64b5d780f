/**
 * A population that has respondents but no estimate to show is an error, not an empty report:
 * every cell suppressed (each region × competency has fewer than minN answers with a value) or
 * every estimate non-finite (no usable value at all). Exit 1 with the reason, never exit 0 with a
 * population missing from the report (issue 12). A population whose sources are all marked
 * `mayBeEmpty` in wave.json is allowed to have nothing to show.
 */
import type { EstimateRow, Population, Respondent, WaveConfig } from '../../contracts/types.ts';
import { POPULATIONS } from '../../contracts/types.ts';
import { analysisMessages } from '../../contracts/messages/index.ts';

export function emptyPopulationProblems(estimates: readonly EstimateRow[], respondents: readonly Pick<Respondent, 'population'>[], config: Pick<WaveConfig, 'sources' | 'suppression'>): string[] {
  const problems: string[] = [];
  for (const population of POPULATIONS) {
    const sources = config.sources.filter((source) => source.population === population);
    if (sources.length === 0 || sources.every((source) => source.mayBeEmpty === true)) continue;
    const kept = countOf(respondents, population);
    if (kept === 0) continue; // the normalise stage has already stopped the run for such a source
    const cells = estimates.filter((row) => row.population === population);
    const shown = cells.filter((row) => !row.suppressed);
    if (shown.length === 0) problems.push(analysisMessages.everyCellSuppressed(population, kept, cells.length, config.suppression.minN));
    else if (shown.every((row) => !Number.isFinite(row.mean))) problems.push(analysisMessages.noFiniteEstimate(population, kept, shown.length));
  }
  return problems;
}

function countOf(respondents: readonly Pick<Respondent, 'population'>[], population: Population): number {
  let count = 0;
  for (const respondent of respondents) if (respondent.population === population) count++;
  return count;
}
