import { describe, expect, it } from 'vitest';
import { mwdsCovariance, mwdsRankSets, rankConfidenceSets } from '../../../../stages/analyse/stats/index.ts';
import { normalDraws } from '../../../../stages/analyse/stats/rank-confidence-sets.ts';
import { expectClose } from './reference-data.ts';

// 16 respondents × 3 competencies in 2 domains, NaN = missing rating (same data in the R script below).
const I = [5, 4, 3, 4, NaN, 2, 3, 5, 1, 5, 5, 4, 2, 3, NaN, 4, 4, 3, 5, 3, 2, NaN, 4, 5, 3, 2, 1, 4, 5, 2, 5, 4, 4, 1, 3, 2, 4, NaN, 3, 5, 5, 5, 3, 4, 2, 2, 2, 1];
const P = [2, 3, 3, 3, 2, 1, 3, NaN, 1, 1, 4, 2, 2, 2, 2, NaN, 3, 1, 4, 2, 2, 2, 3, 4, 1, 1, 1, 2, 4, NaN, 3, 3, 3, 1, 2, 2, 2, 1, 1, 4, 4, 4, 2, 2, 1, 1, 1, 1];
const w = [1.5, 2, 0.5, 1, 3, 1.2, 0.8, 2.5, 1, 1.7, 0.6, 1.1, 2.2, 0.9, 1.4, 1.3];
const domain = [0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 1];

/** Joint codes as the analysis stage builds them: (importance state) · 6 + (preparedness state), state 5 = missing. */
function jointCodes() {
  const state = (value: number) => (Number.isNaN(value) ? 5 : value - 1);
  const importanceOfCode = new Float64Array(36).fill(NaN);
  const discrepancyOfCode = new Float64Array(36).fill(NaN);
  for (let i = 0; i < 6; i++) {
    for (let p = 0; p < 6; p++) {
      if (i < 5) importanceOfCode[i * 6 + p] = i + 1;
      if (i < 5 && p < 5) discrepancyOfCode[i * 6 + p] = i - p;
    }
  }
  return {
    jointCode: Uint8Array.from(I, (value, at) => state(value) * 6 + state(P[at])), importanceOfCode, discrepancyOfCode,
    weights: Float64Array.from(w), rowDomain: Int32Array.from(domain), competencies: 3, domainCount: 2,
  };
}

describe('mwdsCovariance (linearisation covariance of the MWDS vector per domain)', () => {
  it('equals the delta method on R survey totals', () => {
    // R 4.2, survey 4.1-1: des <- svydesign(ids = ~1, weights = ~w, data = df) with per-domain columns
    // nI = I·[domain], dI = [has I]·[domain], nD = (I − P)·[domain], dD = [complete pair]·[domain];
    // tot <- svytotal(~nI1+…+dD3, des); ratios r = N/D with V_r = G vcov(tot) Gᵀ (svyratio's SE agrees:
    // 0.35111568739106136); MWDS_k = r_Ik · r_Dk and Cov = J V_r Jᵀ, J_k = (r_Dk, r_Ik).
    const expected = [
      { mwds: [6.6505263157894738, 4.427074939564867, 2.0050969529085876], cov: [5.107944504047693179, -0.086922818177993577, 0.968728077098692797, -0.086922818177992231, 0.778161308640244131, 0.308894715082003446, 0.968728077098692908, 0.308894715082003335, 1.178074435684092647] },
      { mwds: [3.0906050172159376, 3.7321428571428572, 3.071280276816609], cov: [2.627730449872572205, 0.476953655333177018, -0.011415952371431176, 0.47695365533317724, 0.139625958801888661, 0.182518928217192899, -0.01141595237143108, 0.182518928217193011, 1.124136246310716736] },
      { mwds: [4.7778009379885358, 3.996516516516516, 2.5081218274111672], cov: [2.498084122882685776, 0.266711436984368999, 0.320882749265708422, 0.266711436984368944, 0.184954993906030069, 0.094198133670691478, 0.320882749265708478, 0.094198133670691492, 0.636508075978793664] },
    ];
    const result = mwdsCovariance(jointCodes());
    expected.forEach(({ mwds, cov }, block) => {
      mwds.forEach((value, k) => expectClose(result.mwds[block * 3 + k], value, 1e-13));
      cov.forEach((value, at) => expectClose(result.covariance[block][at], value, 1e-12));
    });
  });
});

describe('mwdsCovariance with wanted cells', () => {
  it('computes the entries between wanted cells bit for bit as the full matrix, NaN elsewhere, and skips a block with none wanted', () => {
    const full = mwdsCovariance(jointCodes());
    // Block 0: competencies 0 and 2; block 1: none; Global: 1 and 2.
    const wanted = Uint8Array.from([1, 0, 1, 0, 0, 0, 0, 1, 1]);
    const some = mwdsCovariance({ ...jointCodes(), wanted });
    expect(some.mwds).toEqual(full.mwds);
    for (let block = 0; block < 3; block++) {
      for (let k = 0; k < 3; k++) {
        for (let l = 0; l < 3; l++) {
          const both = wanted[block * 3 + k] === 1 && wanted[block * 3 + l] === 1;
          expect(some.covariance[block][k * 3 + l], `block ${block} (${k}, ${l})`).toBe(both ? full.covariance[block][k * 3 + l] : NaN);
        }
      }
    }
    expect(Array.from(some.covariance[1]).every(Number.isNaN)).toBe(true);
  });
});

describe('rankConfidenceSets (Mogstad, Romano, Shaikh & Wilhelm 2024; csranks two-sided, stepdown)', () => {
  const diagonal = (variances: number[]) => {
    const p = variances.length;
    const covariance = new Float64Array(p * p);
    variances.forEach((variance, i) => (covariance[i * p + i] = variance));
    return covariance;
  };

  it('two items: separated when the difference exceeds 1.96·σ_12, else both sets are {1, 2}', () => {
    // σ_12 = √(2s²); with two items the max of ±(Z₁ − Z₂)/σ is |N(0, 1)|, so c = 1.95996…
    // s = 0.3: 1 − 1.96·0.424 = 0.17 > 0 → {1} and {2}; s = 0.4: 1 − 1.96·0.566 < 0 → {1, 2} twice.
    const apart = rankConfidenceSets(new Float64Array([1, 0]), diagonal([0.09, 0.09]), { seed: 1 });
    expect([...apart.marginalLow, ...apart.marginalHigh, ...apart.simultaneousLow, ...apart.simultaneousHigh]).toEqual([1, 2, 1, 2, 1, 2, 1, 2]);
    const close = rankConfidenceSets(new Float64Array([1, 0]), diagonal([0.16, 0.16]), { seed: 1 });
    expect([...close.marginalLow, ...close.marginalHigh, ...close.simultaneousLow, ...close.simultaneousHigh]).toEqual([1, 1, 2, 2, 1, 1, 2, 2]);
  });

  it('three items by hand: stepdown separates the third, the first two stay tied', () => {
    // θ̂ = (2, 1.5, 0), variances 0.0625, σ = 0.354 for every pair. Simultaneous, step 1: c ≈ 2.34 (95% of
    // the max of three |differences|/σ: studentized range 3.31/√2), threshold 0.83 → (1,3), (2,3) rejected;
    // step 2 over (1,2), (2,1): c = 1.96, threshold 0.69 > 0.5 → none. Sets {1,2}, {1,2}, {3}.
    // Marginal for item 1: step 1 over pairs with item 1, c ≈ 2.21 → (1,3) rejected; step 2: c = 1.96 → none.
    const sets = rankConfidenceSets(new Float64Array([2, 1.5, 0]), diagonal([0.0625, 0.0625, 0.0625]), { seed: 7 });
    expect([...sets.simultaneousLow]).toEqual([1, 1, 3]);
    expect([...sets.simultaneousHigh]).toEqual([2, 2, 3]);
    expect([...sets.marginalLow]).toEqual([1, 1, 3]);
    expect([...sets.marginalHigh]).toEqual([2, 2, 3]);
  });

  it('uses the covariance: strongly correlated estimates are ordered where independent ones are not', () => {
    // Var(θ̂₁ − θ̂₂) = 2·0.25·(1 − ρ): ρ = 0 → σ = 0.71, 0.5 < 1.96σ; ρ = 0.98 → σ = 0.1, 0.5 > 1.96σ.
    const independent = rankConfidenceSets(new Float64Array([1, 0.5]), diagonal([0.25, 0.25]), { seed: 3 });
    expect([...independent.marginalLow, ...independent.marginalHigh]).toEqual([1, 1, 2, 2]);
    const correlated = rankConfidenceSets(new Float64Array([1, 0.5]), new Float64Array([0.25, 0.245, 0.245, 0.25]), { seed: 3 });
    expect([...correlated.marginalLow, ...correlated.marginalHigh]).toEqual([1, 2, 1, 2]);
  });

  it('same seed, same sets; integer bounds that contain the estimated rank; simultaneous ⊇ marginal', () => {
    const estimates = new Float64Array([3.1, 3.05, 2.2, 2.9, 1.4, 2.25]);
    const covariance = diagonal([0.02, 0.03, 0.02, 0.05, 0.01, 0.04]);
    const first = rankConfidenceSets(estimates, covariance, { seed: 11 });
    const second = rankConfidenceSets(estimates, covariance, { seed: 11 });
    expect(second).toEqual(first);
    const order = [...estimates.keys()].sort((a, b) => estimates[b] - estimates[a]);
    order.forEach((item, position) => {
      expect(Number.isInteger(first.marginalLow[item]) && Number.isInteger(first.marginalHigh[item])).toBe(true);
      expect(first.marginalLow[item]).toBeLessThanOrEqual(position + 1);
      expect(first.marginalHigh[item]).toBeGreaterThanOrEqual(position + 1);
      expect(first.simultaneousLow[item]).toBeLessThanOrEqual(first.marginalLow[item]);
      expect(first.simultaneousHigh[item]).toBeGreaterThanOrEqual(first.marginalHigh[item]);
    });
    expect([...first.marginalLow]).not.toEqual([...first.marginalHigh]);
  });
});

/**
 * The stepdown written plainly, as the doc comment of rank-confidence-sets.ts states it: each step
 * recomputes the maximum over the active pairs for every draw, each set from scratch. Same draws.
 */
function plainRankSets(estimates: Float64Array, covariance: Float64Array, seed: number, draws: number) {
  const p = estimates.length;
  const z = normalDraws(covariance, p, draws, seed, 0);
  const sigma = (i: number, k: number) => Math.sqrt(Math.max(0, covariance[i * p + i] + covariance[k * p + k] - 2 * covariance[i * p + k]));
  const quantile7 = (values: number[], q: number) => {
    const sorted = values.slice().sort((a, b) => a - b);
    const h = (sorted.length - 1) * q;
    const low = Math.floor(h);
    return low + 1 >= sorted.length ? sorted[low] : sorted[low] + (h - low) * (sorted[low + 1] - sorted[low]);
  };
  const stepdown = (start: Array<[number, number]>) => {
    const rejected = new Set<string>();
    let active = start.filter(([i, k]) => sigma(i, k) > 0);
    while (active.length > 0) {
      const maxima = Array.from({ length: draws }, (_, r) => Math.max(-Infinity, ...active.map(([i, k]) => (z[r * p + i] - z[r * p + k]) * (1 / sigma(i, k)))));
      const critical = quantile7(maxima, 0.95);
      const still = active.filter(([i, k]) => !(estimates[i] - estimates[k] - sigma(i, k) * critical > 0));
      active.filter((pair) => !still.includes(pair)).forEach(([i, k]) => rejected.add(`${i},${k}`));
      if (still.length === active.length) break;
      active = still;
    }
    return rejected;
  };
  const bounds = (rejected: Set<string>, j: number) => {
    let above = 0;
    let below = 0;
    for (let k = 0; k < p; k++) (above += rejected.has(`${k},${j}`) ? 1 : 0), (below += rejected.has(`${j},${k}`) ? 1 : 0);
    return [above + 1, p - below];
  };
  const all: Array<[number, number]> = [];
  for (let i = 0; i < p; i++) for (let k = 0; k < p; k++) if (i !== k) all.push([i, k]);
  const simultaneous = stepdown(all);
  return Array.from({ length: p }, (_, j) => [...bounds(stepdown(all.filter(([i, k]) => i === j || k === j)), j), ...bounds(simultaneous, j)]);
}

describe('rankConfidenceSets against the plain stepdown', () => {
  it('gives the same sets on 40 random problems (correlated, tied, degenerate and asymmetric covariances included)', () => {
    let state = 7;
    const uniform = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    let singleRanks = 0;
    let wider = 0;
    for (let problem = 0; problem < 40; problem++) {
      const p = 2 + (problem % 9);
      const draws = 300;
      const estimates = Float64Array.from({ length: p }, () => Math.round(uniform() * 20) / 10);
      // Σ = A·Aᵀ with a random A (correlated), one item without variation every fourth problem.
      const a = Float64Array.from({ length: p * p }, () => (uniform() - 0.5) * 0.3);
      if (problem % 4 === 0) for (let k = 0; k < p; k++) a[k] = 0;
      const covariance = new Float64Array(p * p);
      for (let i = 0; i < p; i++) for (let k = 0; k < p; k++) for (let m = 0; m < p; m++) covariance[i * p + k] += a[i * p + m] * a[k * p + m];
      // Every third problem not exactly symmetric (σ_ik ≠ σ_ki in the last bits), as rounding can leave it.
      if (problem % 3 === 1) for (let i = 0; i < p; i++) for (let k = i + 1; k < p; k++) covariance[i * p + k] += 1e-12;
      const sets = rankConfidenceSets(estimates, covariance, { seed: problem, draws });
      const plain = plainRankSets(estimates, covariance, problem, draws);
      expect(Array.from({ length: p }, (_, j) => [sets.marginalLow[j], sets.marginalHigh[j], sets.simultaneousLow[j], sets.simultaneousHigh[j]])).toEqual(plain);
      singleRanks += plain.filter(([, , low, high]) => low === high).length;
      wider += plain.filter(([, , low, high]) => low < high).length;
    }
    // Both kinds occurred: single simultaneous ranks (whose marginal set is taken without a stepdown) and wider ones.
    expect(singleRanks).toBeGreaterThan(10);
    expect(wider).toBeGreaterThan(10);
  });
});

describe('mwdsRankSets', () => {
  it('ranks only eligible competencies per block and leaves the others NaN', () => {
    const eligible = new Uint8Array([1, 1, 1, 1, 0, 1, 1, 1, 1]);
    const sets = mwdsRankSets({ ...jointCodes(), eligible, seed: 1 });
    expect(Number.isNaN(sets.marginalLow[4])).toBe(true);
    expect(sets.marginalHigh[3]).toBeLessThanOrEqual(2);
    for (let cell = 0; cell < 9; cell++) if (eligible[cell]) expect(sets.marginalLow[cell]).toBeGreaterThanOrEqual(1);
    expect(mwdsRankSets({ ...jointCodes(), eligible, seed: 1 })).toEqual(sets);
  });
});
