/**
 * `curriculum-gap`: per competency, industry's mean importance against education's mean
 * curriculum coverage (Global, 95% CIs), sorted by the difference. Between-group comparison of
 * aggregate means (BRIEF §3.1, two populations), not a per-respondent gap.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ReportInput } from '../report-input.ts';
import { POPULATION_COLOURS } from '../theme.ts';
import { buildDumbbell } from './dumbbell.ts';

export function buildCurriculumGap(input: ReportInput, region = 'Global'): TopLevelSpec {
  return buildDumbbell(input, {
    title: `Industry importance and curriculum coverage${region === 'Global' ? '' : `: ${region}`}`,
    subtitle: ['Weighted means with 95% CIs.', 'Sorted by importance − coverage, largest first.'],
    region,
    high: { population: 'industry', measure: 'importance', label: 'Importance (industry)', colour: POPULATION_COLOURS.industry, shape: 'circle' },
    low: { population: 'education', measure: 'coverage', label: 'Coverage (education)', colour: POPULATION_COLOURS.education, shape: 'triangle-up' },
    xTitle: 'Mean rating',
  });
}
