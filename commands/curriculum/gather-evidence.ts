/**
 * The survey evidence a comparison needs, taken from the normalised wave and its analysis (pure):
 *
 * - peerCoverageAnswers: every education respondent's coverage answer with the regions of the
 *   chain it counts in (its own region, for sub-region schemes also its M49 region, and Global);
 * - demandEstimates: the analysis stage's industry importance cells; when the chain holds a region
 *   the analysis has no cells for (the M49 region of a sub-region scheme), the wave is analysed once
 *   more with every respondent relabelled to that wider region, so the fallback uses the very same
 *   estimator, weights and suppression as the published cells.
 */
import type { AnalysisResult, EstimateRow, NormalisedWave, WaveConfig } from '../../contracts/types.ts';
import { DIMENSIONS } from '../../contracts/types.ts';
import { forEachAnswer } from '../../contracts/answer-table.ts';
import { analyseWave } from '../../stages/analyse/analyse-wave.ts';
import { regionOf } from '../../stages/normalise/regions.ts';
import type { PeerCoverageAnswer } from './compare-curriculum.ts';
import { regionsOfCountry } from './region-chain.ts';

export function peerCoverageAnswers(wave: NormalisedWave): PeerCoverageAnswer[] {
  const coverage = DIMENSIONS.indexOf('coverage');
  const regionsByRespondent = wave.respondents.map((respondent) => (respondent.population === 'education' ? regionsOfCountry(respondent.country, wave.regionScheme) : []));
  const answers: PeerCoverageAnswer[] = [];
  forEachAnswer(wave.answers, ({ respondent: index, competency, dimension, value, missingReason }) => {
    if (dimension !== coverage || missingReason !== null) return;
    const respondent = wave.respondents[index]!;
    if (respondent.population !== 'education') return;
    answers.push({ respondentId: respondent.respondentId, competency: wave.answers.competencies[competency]!, value, regions: regionsByRespondent[index]! });
  });
  return answers;
}

const isDemand = (row: EstimateRow) => row.population === 'industry' && row.measure === 'importance';

export function demandEstimates(analysis: AnalysisResult, wave: NormalisedWave, config: WaveConfig, chain: readonly string[]): EstimateRow[] {
  const demand = analysis.estimates.filter(isDemand);
  const known = new Set(demand.map((row) => row.region));
  const missing = chain.filter((region) => !known.has(region));
  if (missing.length === 0 || wave.regionScheme !== 'un-m49-subregion') return demand;
  const widened: NormalisedWave = {
    ...wave,
    respondents: wave.respondents.map((respondent) => ({ ...respondent, region: regionOf(respondent.country, 'un-m49-region') })),
  };
  const wider = analyseWave(widened, config).estimates.filter((row) => isDemand(row) && missing.includes(row.region));
  return [...demand, ...wider];
}
