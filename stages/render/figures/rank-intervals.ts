/**
 * `rank-intervals`: competencies ranked by MWDS (Borich 1980; BRIEF §3.1), rank 1 = most in need
 * of training, with the 95% confidence sets for the rank the analysis computed (Mogstad, Romano,
 * Shaikh & Wilhelm 2024): the thick bar is the marginal set of each competency, the thin bar the
 * simultaneous set (all of the chart's sets cover their true ranks at once). A set that stays
 * within the top ranks means the rank is robust to sampling variation.
 */
import type { TopLevelSpec } from 'vega-lite';
import { translator } from '../i18n/translator.ts';
import type { FigureInput } from '../report-input.ts';
import { chartConfigFor, competencyLabel, competencyRowStep, wrappedLabelAxis } from '../theme.ts';

export function buildRankIntervals(input: FigureInput, region = 'Global'): TopLevelSpec {
  const tr = translator(input.config.language);
  const { t } = tr;
  const rows = input.analysis.rankings
    .filter((row) => row.region === region && !row.suppressed && Number.isFinite(row.rank))
    .sort((a, b) => a.rank - b.rank || a.competency.localeCompare(b.competency, 'en'))
    .map((row) => ({
      competency: competencyLabel(input.competencies, row.competency),
      rank: row.rank,
      rankCiLow: row.rankCiLow,
      rankCiHigh: row.rankCiHigh,
      rankSimultaneousLow: row.rankSimultaneousLow,
      rankSimultaneousHigh: row.rankSimultaneousHigh,
      mwdsText: t('rank.mwds', { mwds: tr.estimate(row.mwds) }),
    }));
  const lastRank = Math.max(input.competencies.length, ...rows.map((row) => Math.max(row.rankCiHigh, row.rankSimultaneousHigh)));
  const y = { field: 'competency', type: 'nominal' as const, sort: rows.map((row) => row.competency), title: null, axis: wrappedLabelAxis };
  const x = { type: 'quantitative' as const, scale: { domain: [0.5, lastRank + 0.5], nice: false }, axis: { tickMinStep: 1, format: 'd' }, title: t('figure.rank') };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: chartConfigFor(tr),
    title: {
      text: region === 'Global' ? t('rank.title') : t('figure.titleRegion', { title: t('rank.title'), region: tr.region(region) }),
      subtitle: [t('rank.subtitle1'), t('rank.subtitle2')],
    },
    data: { values: rows },
    width: 300,
    height: { step: competencyRowStep(rows.map((row) => row.competency)) },
    encoding: { y },
    layer: [
      { mark: { type: 'rule', strokeWidth: 1, color: '#999999' }, encoding: { x: { ...x, field: 'rankSimultaneousLow' }, x2: { field: 'rankSimultaneousHigh' } } },
      { mark: { type: 'rule', strokeWidth: 4, color: '#56B4E9' }, encoding: { x: { ...x, field: 'rankCiLow' }, x2: { field: 'rankCiHigh' } } },
      { mark: { type: 'point', filled: true, size: 60, color: '#0072B2', opacity: 1 }, encoding: { x: { ...x, field: 'rank' } } },
      {
        mark: { type: 'text', align: 'left', dx: 6, fontSize: 9, color: '#333333' },
        encoding: { x: { ...x, field: 'rankSimultaneousHigh' }, text: { field: 'mwdsText' } },
      },
    ],
  };
}
