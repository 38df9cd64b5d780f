/**
 * `importance-vs-preparedness`: per competency, industry's mean importance and mean preparedness
 * of recent graduates (Global, 95% CIs), sorted by the gap between them (BRIEF §3.1).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ReportInput } from '../report-input.ts';
import { POPULATION_COLOURS } from '../theme.ts';
import { buildDumbbell } from './dumbbell.ts';

export function buildImportanceVsPreparedness(input: ReportInput, region = 'Global'): TopLevelSpec {
  return buildDumbbell(input, {
    title: `Importance and preparedness${region === 'Global' ? '' : `: ${region}`}`,
    subtitle: ['Industry ratings; weighted means with 95% CIs.', 'Sorted by gap, largest first.'],
    region,
    high: { population: 'industry', measure: 'importance', label: 'Importance', colour: POPULATION_COLOURS.industry, shape: 'circle' },
    low: { population: 'industry', measure: 'preparedness', label: 'Preparedness of graduates', colour: '#E69F00', shape: 'square' },
    xTitle: 'Mean rating',
  });
}
