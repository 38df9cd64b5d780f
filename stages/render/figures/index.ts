/**
 * Every figure of the report, by id, in report order. Each builder is a pure FigureInput → Vega-Lite
 * spec. Some need data not every input has (wave-change: a previous wave; likert-*: answer
 * distributions): stages/render/render-figure.ts availableFigureIds says which a given input supports.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { FigureInput } from '../report-input.ts';
import { buildCurriculumGap } from './curriculum-gap.ts';
import { buildGapHeatmap } from './gap-heatmap.ts';
import { buildImportanceVsPreparedness } from './importance-vs-preparedness.ts';
import { buildIpaQuadrants } from './ipa-quadrants.ts';
import { buildLikert } from './likert.ts';
import { buildRankIntervals } from './rank-intervals.ts';
import { buildRespondentsMap } from './respondents-map.ts';
import { buildWaveChange } from './wave-change.ts';

export const FIGURE_BUILDERS = {
  'gap-heatmap': (input: FigureInput) => buildGapHeatmap(input),
  'importance-vs-preparedness': (input: FigureInput) => buildImportanceVsPreparedness(input),
  'ipa-quadrants': (input: FigureInput) => buildIpaQuadrants(input),
  'rank-intervals': (input: FigureInput) => buildRankIntervals(input),
  'curriculum-gap': (input: FigureInput) => buildCurriculumGap(input),
  'likert-industry': (input: FigureInput) => buildLikert(input, 'industry'),
  'likert-education': (input: FigureInput) => buildLikert(input, 'education'),
  'wave-change': (input: FigureInput) => buildWaveChange(input),
  'respondents-map': (input: FigureInput) => buildRespondentsMap(input),
} satisfies Record<string, (input: FigureInput) => TopLevelSpec>;

export type FigureId = keyof typeof FIGURE_BUILDERS;
