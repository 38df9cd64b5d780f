import type { Population, Respondent, Warning, WaveConfig } from '../pipeline/types.ts';
import { kishEffectiveN, rakeWeights, trimWeightsAtCap, type RakingMargin } from './stats/index.ts';
import * as messages from '../pipeline/messages/analysis.ts';

/**
 * Optional raking margins, read defensively from `config.analysis.populationMargins` (a LOCAL
 * extension of WaveConfig, not yet in pipeline/types.ts). Per population, a list of margins; each
 * margin names one or more respondent variables (joined with `|` in the keys when several) and the
 * relative population size of each category. Targets are rescaled so the weights of a population sum
 * to its number of respondents (mean weight 1). One margin = post-stratification.
 *
 *   "analysis": { "populationMargins": { "industry": [
 *       { "variables": ["region"], "targets": { "Europe": 0.4, "Asia": 0.35, "Africa": 0.25 } },
 *       { "variables": ["organisationType"], "targets": { "private": 0.7, "public": 0.3 } } ] },
 *     "rakingEpsilon": 1, "rakingMaxIterations": 10 }
 */
export interface PopulationMargin {
  variables: ('region' | 'organisationType' | 'country')[];
  targets: Record<string, number>;
}
export interface AnalysisConfigExtension {
  populationMargins?: Partial<Record<Population, PopulationMargin[]>>;
  rakingEpsilon?: number;
  rakingMaxIterations?: number;
}

export interface PopulationWeights {
  weights: Float64Array;
  summary: { population: Population; n: number; effectiveN: number; designEffect: number; trimmed: number };
}

/**
 * Base weights (Respondent.weight, 1 when absent) → raked to margins if configured → trimmed at the cap.
 * The population's members are `respondents[memberIndex[i]]`, i = 0 … n − 1 (an index rather than
 * a filtered copy: at a million respondents an array of references is garbage the collector must trace).
 */
export function computePopulationWeights(
  population: Population,
  respondents: Respondent[],
  memberIndex: Int32Array,
  config: WaveConfig,
  warnings: Warning[],
): PopulationWeights {
  const memberCount = memberIndex.length;
  const base = new Float64Array(memberCount);
  let invalid = false;
  for (let i = 0; i < memberCount; i++) {
    const weight = respondents[memberIndex[i]].weight ?? 1;
    if (!(weight > 0) || !Number.isFinite(weight)) invalid = true;
    base[i] = weight > 0 && Number.isFinite(weight) ? weight : 1;
  }
  if (invalid) warnings.push({ code: 'invalid_weight', message: messages.invalidWeight(population) });
  const extension = config.analysis as WaveConfig['analysis'] & AnalysisConfigExtension;
  const margins = extension.populationMargins?.[population];
  let weights = base;
  if (margins && margins.length > 0 && memberCount > 0) {
    const rakingMargins = margins.map((margin) => buildMargin(population, margin, respondents, memberIndex, warnings));
    const raked = rakeWeights(base, rakingMargins, { maxIterations: extension.rakingMaxIterations, epsilon: extension.rakingEpsilon });
    if (!raked.converged) warnings.push({ code: 'raking_not_converged', message: messages.rakingNotConverged(population, raked.iterations) });
    weights = raked.weights;
  }
  const trimmed = trimWeightsAtCap(weights, config.analysis.weightCap);
  const kish = kishEffectiveN(trimmed.weights);
  return {
    weights: trimmed.weights,
    summary: { population, n: kish.n, effectiveN: kish.effectiveN, designEffect: kish.designEffect, trimmed: trimmed.trimmed },
  };
}

function buildMargin(population: Population, margin: PopulationMargin, respondents: Respondent[], memberIndex: Int32Array, warnings: Warning[]): RakingMargin {
  const categories = Object.keys(margin.targets);
  const codeOf = new Map(categories.map((category, index) => [category, index]));
  const memberCount = memberIndex.length;
  const group = new Int32Array(memberCount);
  const present = new Uint8Array(categories.length);
  const unknown = new Set<string>();
  for (let i = 0; i < memberCount; i++) {
    const member = respondents[memberIndex[i]];
    const key = margin.variables.map((variable) => String(member[variable] ?? '')).join('|');
    const code = codeOf.get(key);
    if (code === undefined) {
      unknown.add(key);
      group[i] = 0;
    } else {
      group[i] = code;
      present[code] = 1;
    }
  }
  const variableName = margin.variables.join(' × ');
  for (const key of unknown) warnings.push({ code: 'raking_unknown_category', message: messages.rakingUnknownCategory(population, variableName, key) });
  let targetSum = 0;
  categories.forEach((category, code) => {
    if (present[code]) targetSum += margin.targets[category];
    else warnings.push({ code: 'raking_empty_category', message: messages.rakingEmptyCategory(population, variableName, category) });
  });
  const totals = new Float64Array(categories.length);
  categories.forEach((category, code) => (totals[code] = present[code] ? (margin.targets[category] / targetSum) * memberCount : 0));
  return { group, totals };
}
