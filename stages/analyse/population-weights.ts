import type { Population, PopulationMargin, Respondent, Warning, WaveConfig } from '../../contracts/types.ts';
import { calibrateRaking, kishEffectiveN, projectionMatrix, trimWeightsAtCap, type CalibrationMargin, type CalibrationProjection } from './stats/index.ts';
import * as messages from '../../contracts/messages/analysis.ts';

/** How far one margin category is from its target after weighting (report and analysis.json). */
export interface MarginFit {
  population: Population;
  variable: string;
  category: string;
  target: number;
  achieved: number;
  /** (achieved − target) / target; 0 when the calibration converged (to ε). */
  relativeDifference: number;
}

export interface PopulationWeights {
  weights: Float64Array;
  /** Weights before calibration (Respondent.weight, 1 when absent or invalid). */
  baseWeights: Float64Array;
  summary: { population: Population; n: number; effectiveN: number; designEffect: number; trimmed: number };
  /** Raked populations: the projection for calibration-aware SEs (stats/calibration-residuals.ts). */
  calibration?: { projection: CalibrationProjection; baseWeights: Float64Array };
  marginFit: MarginFit[];
}

/** A population's weights and the warnings computing them gave: computed once per run, read by the competency analysis and the framework roll-ups. */
export interface WeighedPopulation {
  weighting: PopulationWeights;
  warnings: Warning[];
}

/** computePopulationWeights with its warnings kept apart, to be reported where the analysis reports them. */
export function weighPopulation(population: Population, respondents: Respondent[], memberIndex: Int32Array, config: WaveConfig): WeighedPopulation {
  const warnings: Warning[] = [];
  return { weighting: computePopulationWeights(population, respondents, memberIndex, config, warnings), warnings };
}

/**
 * Base weights (Respondent.weight, 1 when absent).
 *   With population margins: calibrated to them with the raking distance, the cap inside the
 *   calibration (stats/calibrate-raking.ts: R `calibrate(design, ~m1 + m2, population, calfun =
 *   "raking", bounds = c(0, cap), bounds.const = TRUE)`), so the margins still hold after trimming;
 *   the SEs are then calibration-aware. `trimmed` counts weights at the cap.
 *   Without margins: trimmed at the cap with redistribution (R `trimWeights(strict = TRUE)`), the
 *   weights then treated as fixed.
 * The cap is weightCap × the mean weight; the margin fit says how far each category ends from its
 * target (0 after a converged calibration; a cap that cannot hold with the margins leaves a misfit,
 * with a warning).
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
  const margins = config.analysis.populationMargins?.[population];
  if (margins && margins.length > 0 && memberCount > 0) {
    const built = margins.map((margin) => buildMargin(population, margin, respondents, memberIndex, warnings));
    const calibrationMargins: CalibrationMargin[] = built.map(({ group, totals }) => ({ group, totals }));
    const cap = config.analysis.weightCap > 0 && Number.isFinite(config.analysis.weightCap) ? config.analysis.weightCap : Infinity;
    // Targets sum to the respondents, so the mean final weight is 1 and the cap is weightCap itself.
    const calibration = calibrateRaking(base, calibrationMargins, { upper: cap, epsilon: config.analysis.rakingEpsilon, maxIterations: config.analysis.rakingMaxIterations });
    if (!calibration.converged) warnings.push({ code: 'raking_not_converged', message: messages.rakingNotConverged(population, calibration.iterations) });
    const marginFit = built.flatMap((margin, m) => margin.categories.map((category, code) => {
      const target = margin.totals[code];
      const achieved = calibration.achievedTotals[m][code];
      return { population, variable: margin.variableName, category, target, achieved, relativeDifference: target > 0 ? (achieved - target) / target : achieved > 0 ? Infinity : 0 };
    }));
    let atCap = 0;
    for (let i = 0; i < memberCount; i++) if (calibration.weights[i] >= cap * (1 - 1e-12)) atCap++;
    const kish = kishEffectiveN(calibration.weights);
    return {
      weights: calibration.weights, baseWeights: base,
      summary: { population, n: kish.n, effectiveN: kish.effectiveN, designEffect: kish.designEffect, trimmed: atCap },
      calibration: { projection: projectionMatrix(calibration.design, base), baseWeights: base },
      marginFit,
    };
  }
  const trimmed = trimWeightsAtCap(base, config.analysis.weightCap);
  const kish = kishEffectiveN(trimmed.weights);
  return {
    weights: trimmed.weights, baseWeights: base,
    summary: { population, n: kish.n, effectiveN: kish.effectiveN, designEffect: kish.designEffect, trimmed: trimmed.trimmed },
    marginFit: [],
  };
}

function buildMargin(population: Population, margin: PopulationMargin, respondents: Respondent[], memberIndex: Int32Array, warnings: Warning[]): CalibrationMargin & { categories: string[]; variableName: string } {
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
  return { group, totals, categories, variableName };
}
