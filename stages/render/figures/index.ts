/**
 * Every figure of the report, by id, in report order. Each builder is a pure ReportInput → Vega-Lite
 * spec. Some need data not every input has (wave-change: a previous wave; likert-*: answer
 * distributions): stages/render/render-figure.ts availableFigureIds says which a given input supports.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ReportInput } from '../report-input.ts';
import { buildCurriculumGap } from './curriculum-gap.ts';
import { buildGapHeatmap } from './gap-heatmap.ts';
import { buildImportanceVsPreparedness } from './importance-vs-preparedness.ts';
import { buildIpaQuadrants } from './ipa-quadrants.ts';
import { buildLikert } from './likert.ts';
import { buildRankIntervals } from './rank-intervals.ts';
import { buildRespondentsMap } from './respondents-map.ts';
import { buildWaveChange } from './wave-change.ts';

export const FIGURE_BUILDERS = {
  'gap-heatmap': (input: ReportInput) => buildGapHeatmap(input),
  'importance-vs-preparedness': (input: ReportInput) => buildImportanceVsPreparedness(input),
  'ipa-quadrants': (input: ReportInput) => buildIpaQuadrants(input),
  'rank-intervals': (input: ReportInput) => buildRankIntervals(input),
  'curriculum-gap': (input: ReportInput) => buildCurriculumGap(input),
  'likert-industry': (input: ReportInput) => buildLikert(input, 'industry'),
  'likert-education': (input: ReportInput) => buildLikert(input, 'education'),
  'wave-change': (input: ReportInput) => buildWaveChange(input),
  'respondents-map': (input: ReportInput) => buildRespondentsMap(input),
} satisfies Record<string, (input: ReportInput) => TopLevelSpec>;

export type FigureId = keyof typeof FIGURE_BUILDERS;
