/**
 * `curriculum-gap`: per competency, industry's mean importance against education's mean
 * curriculum coverage (Global, 95% CIs), sorted by the difference. Between-group comparison of
 * aggregate means (BRIEF §3.1, two populations), not a per-respondent gap.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { FigureInput } from '../report-input.ts';
import { POPULATION_COLOURS } from '../theme.ts';
import { buildDumbbell } from './dumbbell.ts';
import { translator } from '../i18n/translator.ts';

export function buildCurriculumGap(input: FigureInput, region = 'Global'): TopLevelSpec {
  const tr = translator(input.config.language);
  const { t } = tr;
  return buildDumbbell(input, {
    title: region === 'Global' ? t('cgap.title') : t('figure.titleRegion', { title: t('cgap.title'), region: tr.region(region) }),
    subtitle: [t('cgap.subtitle1'), t('cgap.subtitle2')],
    region,
    high: { population: 'industry', measure: 'importance', label: t('cgap.importance'), colour: POPULATION_COLOURS.industry, shape: 'circle' },
    low: { population: 'education', measure: 'coverage', label: t('cgap.coverage'), colour: POPULATION_COLOURS.education, shape: 'triangle-up' },
    xTitle: t('figure.meanRating'),
  });
}
