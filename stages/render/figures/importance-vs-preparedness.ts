/**
 * `importance-vs-preparedness`: per competency, industry's mean importance and mean preparedness
 * of recent graduates (Global, 95% CIs), sorted by the gap between them (BRIEF §3.1).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { FigureInput } from '../report-input.ts';
import { POPULATION_COLOURS } from '../theme.ts';
import { buildDumbbell } from './dumbbell.ts';
import { translator } from '../i18n/translator.ts';

export function buildImportanceVsPreparedness(input: FigureInput, region = 'Global'): TopLevelSpec {
  const tr = translator(input.config.language);
  const { t } = tr;
  return buildDumbbell(input, {
    title: region === 'Global' ? t('ivp.title') : t('figure.titleRegion', { title: t('ivp.title'), region: tr.region(region) }),
    subtitle: [t('ivp.subtitle1'), t('ivp.subtitle2')],
    region,
    high: { population: 'industry', measure: 'importance', label: t('ivp.importance'), colour: POPULATION_COLOURS.industry, shape: 'circle' },
    low: { population: 'industry', measure: 'preparedness', label: t('ivp.preparedness'), colour: '#E69F00', shape: 'square' },
    xTitle: t('figure.meanRating'),
  });
}
