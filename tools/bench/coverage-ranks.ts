/**
 * Coverage simulation of the confidence sets for MWDS ranks (stages/analyse/stats/mwds-rank-sets.ts):
 * `npm run coverage:ranks [-- waves [near-ties]]` (default 1000 waves; not part of `npm test`).
 *
 * Population model (known truth): each respondent is one of three rater types (shares 0.3, 0.5,
 * 0.2; leniency δ = −0.6, 0, +0.6), which correlates a respondent's ratings across competencies.
 * Given the type, importance I_k and preparedness P_k are independent on 1..5 with
 * P(v) ∝ exp(−(v − loc)²/2), loc_I = μI_k + δ, loc_P = μP_k + δ/2; each rating is missing with
 * probability 0.1 (completely at random); weights are uniform on [0.5, 2], unrelated to the ratings.
 * So E[I_k] and E[I_k − P_k] are exact finite sums and the true MWDS_k = E[I_k]·E[I_k − P_k].
 * The 8 competencies include an exact tie (c3 = c4, identical parameters) and a near tie (c5, c6:
 * MWDS 0.05 apart), besides well-separated ones. Regions of 10, 30, 100 and 300 respondents; Global
 * = all 440. Cells below minN = 5 are left out of the ranking as in the analysis stage.
 * Scenario `near-ties`: all 8 competencies near-tied (equal importance, preparedness locations
 * 0.05 apart: MWDS about 0.15 apart), regions of 30, 300 and 3000 respondents, so the ranking is
 * unresolved in small regions and only partly resolved in the largest.
 *
 * Reported per block (region size, Global): marginal coverage of the true rank
 * r_j = 1 + #{k : θ_k > θ_j} (Mogstad et al.'s definition), the stricter coverage of the whole tie
 * range {r_j, …, p − #{k : θ_k < θ_j}}, the marginal coverage among the tied / near-tied
 * competencies, the simultaneous coverage (every competency's set covers at once), and the mean
 * width of the sets. For comparison, the coverage of the percentile-bootstrap rank intervals the
 * analysis used before (200 Poisson-bootstrap replicates, 2.5 % and 97.5 % quantiles of the ranks;
 * stages/analyse/stats/bootstrap-rank-interval.ts). Same seeds, same numbers.
 */
import { describeJointCodes } from '../../stages/analyse/cell-histograms.ts';
import { bootstrapRankIntervals, createSeededRandom, mwdsRankSets } from '../../stages/analyse/stats/index.ts';

const waves = Number(process.argv[2] ?? 1000);
const nearTiesScenario = process.argv[3] === 'near-ties';
const regionSizes = nearTiesScenario ? [30, 300, 3000] : [10, 30, 100, 300];
const K = 8;
const typeShares = [0.3, 0.5, 0.2];
const leniency = [-0.6, 0, 0.6];
const importanceLocation = nearTiesScenario ? [4, 4, 4, 4, 4, 4, 4, 4] : [4.6, 4.2, 3.9, 3.9, 3.7, 3.72, 3.3, 3.0];
const preparednessLocation = nearTiesScenario ? [2.5, 2.55, 2.6, 2.65, 2.7, 2.75, 2.8, 2.85] : [2.2, 2.6, 2.8, 2.8, 2.9, 2.9, 3.0, 3.2];
const nearTied = nearTiesScenario ? new Set([0, 1, 2, 3, 4, 5, 6, 7]) : new Set([2, 3, 4, 5]);
const minN = 5;

const categoryProbabilities = (location: number) => {
  const raw = [1, 2, 3, 4, 5].map((value) => Math.exp(-((value - location) ** 2) / 2));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((value) => value / total);
};
const expectation = (probabilities: number[]) => probabilities.reduce((sum, probability, index) => sum + probability * (index + 1), 0);
const importanceTable = typeShares.map((_, t) => importanceLocation.map((mu) => categoryProbabilities(mu + leniency[t])));
const preparednessTable = typeShares.map((_, t) => preparednessLocation.map((mu) => categoryProbabilities(mu + leniency[t] / 2)));
const trueMwds = Array.from({ length: K }, (_, k) => {
  const importance = typeShares.reduce((sum, share, t) => sum + share * expectation(importanceTable[t][k]), 0);
  const preparedness = typeShares.reduce((sum, share, t) => sum + share * expectation(preparednessTable[t][k]), 0);
  return importance * (importance - preparedness);
});

const coding = describeJointCodes(new Float64Array([1, 2, 3, 4, 5]));
const missingState = 5;
const rows = regionSizes.reduce((a, b) => a + b, 0);
const blocks = regionSizes.length + 1;
const tallies = Array.from({ length: blocks }, () => ({ cells: 0, covered: 0, coveredTieRange: 0, tiedCells: 0, tiedCovered: 0, bootstrapCovered: 0, bootstrapTiedCovered: 0, rankings: 0, simultaneous: 0, width: 0, simultaneousWidth: 0 }));

for (let wave = 1; wave <= waves; wave++) {
  const random = createSeededRandom(wave, 1000);
  const draw = (probabilities: number[]) => {
    let u = random.uniform();
    for (let level = 0; level < 4; level++) if ((u -= probabilities[level]) < 0) return level;
    return 4;
  };
  const jointCode = new Uint8Array(rows * K);
  const weights = new Float64Array(rows);
  const rowDomain = new Int32Array(rows);
  const counts = new Float64Array(blocks * K * 3); // n importance, n preparedness, n pairs
  for (let row = 0, domain = 0, end = regionSizes[0]; row < rows; row++) {
    if (row === end) end += regionSizes[++domain];
    rowDomain[row] = domain;
    weights[row] = 0.5 + 1.5 * random.uniform();
    const u = random.uniform();
    const type = u < typeShares[0] ? 0 : u < typeShares[0] + typeShares[1] ? 1 : 2;
    for (let k = 0; k < K; k++) {
      const importance = random.uniform() < 0.1 ? missingState : draw(importanceTable[type][k]);
      const preparedness = random.uniform() < 0.1 ? missingState : draw(preparednessTable[type][k]);
      jointCode[row * K + k] = importance * coding.states + preparedness;
      for (const block of [domain, regionSizes.length]) {
        counts[3 * (block * K + k)] += +(importance !== missingState);
        counts[3 * (block * K + k) + 1] += +(preparedness !== missingState);
        counts[3 * (block * K + k) + 2] += +(importance !== missingState && preparedness !== missingState);
      }
    }
  }
  const eligible = Uint8Array.from({ length: blocks * K }, (_, cell) => +(Math.min(counts[3 * cell], counts[3 * cell + 1], counts[3 * cell + 2]) >= minN));
  const sets = mwdsRankSets({
    jointCode, importanceOfCode: coding.importanceOfCode, discrepancyOfCode: coding.discrepancyOfCode,
    weights, rowDomain, competencies: K, domainCount: regionSizes.length, eligible, seed: wave,
  });
  const bootstrap = bootstrapRankIntervals({
    jointCode, importanceOfCode: coding.importanceOfCode, discrepancyOfCode: coding.discrepancyOfCode,
    weights, rowDomain, competencies: K, domainCount: regionSizes.length, eligible, replicates: 200, seed: wave,
  });
  if (wave % 100 === 0) process.stderr.write(`coverage:ranks: ${wave} of ${waves} waves\n`);
  for (let block = 0; block < blocks; block++) {
    const ranked = [...Array(K).keys()].filter((k) => Number.isFinite(sets.marginalLow[block * K + k]));
    if (ranked.length === 0) continue;
    const tally = tallies[block];
    let allCovered = true;
    tally.rankings++;
    for (const j of ranked) {
      const cell = block * K + j;
      const best = 1 + ranked.filter((k) => trueMwds[k] > trueMwds[j]).length;
      const worst = ranked.length - ranked.filter((k) => trueMwds[k] < trueMwds[j]).length;
      const covered = sets.marginalLow[cell] <= best && best <= sets.marginalHigh[cell];
      tally.cells++;
      tally.covered += +covered;
      tally.coveredTieRange += +(sets.marginalLow[cell] <= best && worst <= sets.marginalHigh[cell]);
      tally.width += sets.marginalHigh[cell] - sets.marginalLow[cell] + 1;
      tally.simultaneousWidth += sets.simultaneousHigh[cell] - sets.simultaneousLow[cell] + 1;
      const bootstrapCovered = bootstrap.low[cell] <= best && best <= bootstrap.high[cell];
      tally.bootstrapCovered += +bootstrapCovered;
      if (nearTied.has(j)) (tally.tiedCells++, (tally.tiedCovered += +covered), (tally.bootstrapTiedCovered += +bootstrapCovered));
      allCovered &&= sets.simultaneousLow[cell] <= best && worst <= sets.simultaneousHigh[cell];
    }
    tally.simultaneous += +allCovered;
  }
}

const percent = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : '–');
console.log(`True MWDS: ${trueMwds.map((value, k) => `c${k + 1} ${value.toFixed(4)}`).join(', ')}`);
console.log(`${waves} waves${nearTiesScenario ? ' (scenario near-ties)' : ''}, 95 % sets, minN ${minN}\n`);
console.log('| block (respondents) | rankings | marginal coverage | tie-range coverage | tied / near-tied | simultaneous coverage | mean width marginal / simultaneous | percentile bootstrap (before): all / tied |');
console.log('|---|---|---|---|---|---|---|---|');
tallies.forEach((tally, block) => {
  const name = block < regionSizes.length ? `region (${regionSizes[block]})` : `Global (${rows})`;
  console.log(`| ${name} | ${tally.rankings} | ${percent(tally.covered, tally.cells)} | ${percent(tally.coveredTieRange, tally.cells)} | ${percent(tally.tiedCovered, tally.tiedCells)} | ${percent(tally.simultaneous, tally.rankings)} | ${(tally.width / Math.max(1, tally.cells)).toFixed(2)} / ${(tally.simultaneousWidth / Math.max(1, tally.cells)).toFixed(2)} | ${percent(tally.bootstrapCovered, tally.cells)} / ${percent(tally.bootstrapTiedCovered, tally.tiedCells)} |`);
});
