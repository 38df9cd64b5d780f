import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../tools/generate/random.ts';
import { expectedRoundedLikert, standardNormalCdf } from '../../../tools/generate/expected-rounded-likert.ts';

describe('createRandom (mulberry32)', () => {
  it('repeats its sequence for the same seed and changes it for another seed', () => {
    const first = createRandom(42);
    const again = createRandom(42);
    const other = createRandom(43);
    const a = Array.from({ length: 5 }, () => first.next());
    expect(Array.from({ length: 5 }, () => again.next())).toEqual(a);
    expect(Array.from({ length: 5 }, () => other.next())).not.toEqual(a);
  });

  it('draws uniforms and normals with the right moments', () => {
    const random = createRandom(7);
    const uniforms = Array.from({ length: 20_000 }, () => random.next());
    const uniformMean = uniforms.reduce((s, x) => s + x, 0) / uniforms.length;
    expect(Math.min(...uniforms)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...uniforms)).toBeLessThan(1);
    expect(uniformMean).toBeCloseTo(0.5, 2);
    const normals = Array.from({ length: 20_000 }, () => random.normal(3, 0.7));
    const mean = normals.reduce((s, x) => s + x, 0) / normals.length;
    const sd = Math.sqrt(normals.reduce((s, x) => s + (x - mean) ** 2, 0) / (normals.length - 1));
    expect(Math.abs(mean - 3)).toBeLessThan(0.02);
    expect(Math.abs(sd - 0.7)).toBeLessThan(0.02);
  });

  it('picks by weight and integers within bounds', () => {
    const random = createRandom(3);
    const picks = Array.from({ length: 10_000 }, () => random.weightedPick(['a', 'b'], [3, 1]));
    expect(picks.filter((p) => p === 'a').length / picks.length).toBeCloseTo(0.75, 1);
    const integers = Array.from({ length: 1000 }, () => random.integer(1, 5));
    expect(new Set(integers)).toEqual(new Set([1, 2, 3, 4, 5]));
  });
});

describe('expectedRoundedLikert', () => {
  // Reference: Python scipy, 1 + sum(norm.cdf((mu - v - 0.5) / s) for v in 1..4), s = hypot(0.35, 0.6).
  const sd = Math.hypot(0.35, 0.6);
  it.each([
    [4.6, 4.499337699883859],
    [2.7, 2.700765968186441],
    [3.0, 3.0],
    [1.2, 1.364012911570135],
  ])('latent mean %f → expected answer %f', (latent, expected) => {
    expect(expectedRoundedLikert(latent, sd, 1, 5)).toBeCloseTo(expected, 6);
  });

  it('matches a simulation of rounded, clipped normals', () => {
    const random = createRandom(11);
    const draws = Array.from({ length: 50_000 }, () => Math.min(5, Math.max(1, Math.round(random.normal(4.3, sd)))));
    const simulated = draws.reduce((s, x) => s + x, 0) / draws.length;
    expect(Math.abs(simulated - expectedRoundedLikert(4.3, sd, 1, 5))).toBeLessThan(0.01);
  });

  it('uses a normal CDF accurate to 1e-6 (scipy norm.cdf(1.2345) = 0.89149168)', () => {
    expect(standardNormalCdf(1.2345)).toBeCloseTo(0.8914917, 6);
    expect(standardNormalCdf(-1.2345)).toBeCloseTo(1 - 0.8914917, 6);
  });
});
