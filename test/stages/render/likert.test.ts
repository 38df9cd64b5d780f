/** likert-<population>: segment arithmetic, suppressed cells left out and counted, availability. */
import { describe, expect, it } from 'vitest';
import { buildLikert, likertSegments, likertWeighted } from '../../../stages/render/figures/likert.ts';
import { availableFigureIds, renderFigures } from '../../../stages/render/render-figure.ts';
import { buildReportInput } from './fixtures.ts';

type LikertSpec = { title: { subtitle: string[] }; data: { values: { competency: string; dimension: string; answer: string; start: number; end: number; n: number }[] } };

describe('likertSegments', () => {
  it('centres the midpoint answer on zero and stacks the others outwards (5-point scale)', () => {
    // counts 2, 6, 10, 20, 12 of 50: shares .04 .12 .20 .40 .24; left end −(.04 + .12 + .10) = −.26.
    const segments = likertSegments([2, 6, 10, 20, 12], 1);
    expect(segments.map((s) => s.answer)).toEqual(['1', '2', '3', '4', '5']);
    expect(segments[0]!.start).toBeCloseTo(-0.26, 12);
    expect(segments[2]!.start).toBeCloseTo(-0.1, 12);
    expect(segments[2]!.end).toBeCloseTo(0.1, 12);
    expect(segments[4]!.end).toBeCloseTo(0.74, 12);
  });

  it('splits an even scale at zero with no neutral segment', () => {
    const segments = likertSegments([1, 3, 4, 2], 1);
    expect(segments[1]!.end).toBeCloseTo(0, 12);
    expect(segments[0]!.start).toBeCloseTo(-0.4, 12);
    expect(segments[3]!.end).toBeCloseTo(0.6, 12);
  });

  it('draws nothing for an empty distribution', () => {
    expect(likertSegments([0, 0, 0], 1)).toEqual([]);
  });
});

describe('buildLikert', () => {
  const input = buildReportInput();

  it('shows each published Global cell once per answer, in the population’s two dimensions', () => {
    const spec = buildLikert(input, 'industry') as unknown as LikertSpec;
    expect(new Set(spec.data.values.map((v) => v.dimension))).toEqual(new Set(['Importance', 'Preparedness of graduates']));
    expect(spec.data.values).toHaveLength(6 * 2 * 5);
    const incident = spec.data.values.filter((v) => v.competency === 'Incident response' && v.dimension === 'Importance');
    expect(incident.map((v) => v.start)).toEqual([-0.26, -0.22, -0.1, 0.1, 0.5]);
    expect(incident[0]!.n).toBe(50);
    expect(spec.title.subtitle.join(' ')).not.toMatch(/suppressed/);
  });

  it('leaves the suppressed cell out of the data and says so', () => {
    const spec = buildLikert(input, 'education') as unknown as LikertSpec;
    expect(spec.data.values.filter((v) => v.competency === 'Communication' && v.dimension === 'Curriculum coverage')).toEqual([]);
    expect(spec.data.values.filter((v) => v.competency === 'Communication' && v.dimension === 'Importance')).toHaveLength(5);
    expect(spec.title.subtitle).toContain('1 competency × dimension cell not shown: suppressed (fewer than 5 answers, or hidden so that none can be computed back).');
  });

  it('is offered only when the analysis has distributions', async () => {
    expect(availableFigureIds(input)).toEqual(expect.arrayContaining(['likert-industry', 'likert-education']));
    const without = buildReportInput();
    delete without.analysis.distributions;
    expect(availableFigureIds(without)).not.toContain('likert-industry');
    expect(availableFigureIds(without)).not.toContain('likert-education');
    await expect(renderFigures(without, { only: ['likert-industry'] })).rejects.toThrow(/unknown figure "likert-industry"/);
  });
});

describe('weighted Likert bars (issue 13, item 7)', () => {
  const withWeights = () => {
    const input = buildReportInput();
    for (const row of input.analysis.distributions ?? []) {
      // Weighted totals per answer: the 5s weigh three times the rest.
      row.weightedCounts = row.counts.map((count, index) => (index === 4 ? 3 * count : count));
      row.weightedMissing = row.missing;
    }
    return input;
  };

  it('uses the weighted shares by default when the weights vary, keeping the unweighted n beside them', () => {
    const input = withWeights();
    expect(likertWeighted(input)).toBe(true);
    const spec = buildLikert(input, 'industry') as unknown as LikertSpec;
    const incident = spec.data.values.filter((v) => v.competency === 'Incident response' && v.dimension === 'Importance');
    // Fixture counts 2, 6, 10, 20, 12 (n = 50) → weighted 2, 6, 10, 20, 36 of 74: left end −(2 + 6 + 5)/74.
    expect(incident[0]!.start).toBeCloseTo(-13 / 74, 3);
    expect(incident[4]!.end).toBeCloseTo(1 - 13 / 74, 3);
    expect(incident[0]!.n).toBe(50);
    expect(spec.title.subtitle[0]).toMatch(/^Global, weighted shares/);
    expect(spec.title.subtitle[1]).toMatch(/\(unweighted counts\)/);
  });

  it('stays unweighted when the config says so, or when every weight is equal', () => {
    const input = withWeights();
    (input.config.analysis as { weightedDistributions?: boolean }).weightedDistributions = false;
    const spec = buildLikert(input, 'industry') as unknown as LikertSpec;
    expect(spec.data.values.filter((v) => v.competency === 'Incident response' && v.dimension === 'Importance')[0]!.start).toBe(-0.26);
    const equal = withWeights();
    equal.analysis.weighting = equal.analysis.weighting.map((row) => ({ ...row, designEffect: 1 }));
    expect(likertWeighted(equal)).toBe(false);
  });
});

