/**
 * The figures of the framework sections (stages/analyse/framework-rollups.ts; docs/frameworks.md), two per
 * framework of the wave:
 *   `framework-heatmap-<framework>`: preparedness gap of each unit (rows, framework order) × region
 *     (columns, Global first), from the respondent-level composites; suppressed cells grey, no value;
 *   `framework-ranking-<framework>`: the units ranked by MWDS (Global), with the marginal 95%
 *     confidence set of each rank (Mogstad, Romano, Shaikh & Wilhelm; stages/analyse/stats/rank-confidence-sets.ts),
 *     as `rank-intervals` does for competencies.
 * Unit labels are "<id> <name>" where the framework's ids are codes (NICE, CyBOK), the name alone
 * where the id is the name (ECSF, CSEC2017).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { FrameworkEstimateRow, FrameworkRollup } from '../../../contracts/types.ts';
import { translator, type Translator } from '../i18n/translator.ts';
import { roundForChart } from '../figure-data.ts';
import type { FigureInput } from '../report-input.ts';
import { GAP_SCHEME, SUPPRESSED_FILL, chartConfigFor, competencyRowStep, wrappedLabelAxis } from '../theme.ts';

export const frameworkHeatmapId = (framework: string) => `framework-heatmap-${framework}`;
export const frameworkRankingId = (framework: string) => `framework-ranking-${framework}`;

/** The framework figure ids an input supports: two per framework roll-up with at least one unit. */
export function frameworkFigureIds(input: FigureInput): string[] {
  return (input.analysis.frameworks ?? []).filter((rollup) => rollup.units.length > 0).flatMap((rollup) => [frameworkHeatmapId(rollup.framework), frameworkRankingId(rollup.framework)]);
}

/** The spec of a framework figure id, or undefined when the id is not one. */
export function buildFrameworkFigure(input: FigureInput, id: string): TopLevelSpec | undefined {
  for (const rollup of input.analysis.frameworks ?? []) {
    if (id === frameworkHeatmapId(rollup.framework)) return buildFrameworkHeatmap(input, rollup);
    if (id === frameworkRankingId(rollup.framework)) return buildFrameworkRanking(input, rollup);
  }
  return undefined;
}

export function unitLabel(rollup: Pick<FrameworkRollup, 'units' | 'unmappedUnits'>, id: string): string {
  const unit = rollup.units.find((candidate) => candidate.id === id) ?? rollup.unmappedUnits.find((candidate) => candidate.id === id);
  return !unit || unit.name === unit.id ? id : `${unit.id} ${unit.name}`;
}

/**
 * A framework's unit noun (`knowledge area`, plural `knowledge areas`) in the report's language:
 * the catalogue's `framework.unit.<English noun>` where it has one, the framework file's own noun
 * otherwise (a wave's own framework). English keeps the file's noun (plural: + "s").
 */
export function unitNoun(tr: Translator, rollup: Pick<FrameworkRollup, 'unitLabel'>, plural: boolean): string {
  const key = `framework.unit.${rollup.unitLabel}.${plural ? 'other' : 'one'}`;
  if (tr.lang === 'en' || !tr.has(key)) return plural ? `${rollup.unitLabel}s` : rollup.unitLabel;
  return tr.t(key);
}

/** Regions of a roll-up, Global first, then alphabetical (as regionsOf for competencies). */
export function frameworkRegions(rollup: FrameworkRollup): string[] {
  const regions = [...new Set(rollup.rows.map((row) => row.region))].filter((region) => region !== 'Global').sort((a, b) => a.localeCompare(b, 'en'));
  return ['Global', ...regions];
}

export function frameworkRows(rollup: FrameworkRollup, population: FrameworkEstimateRow['population'], measure: FrameworkEstimateRow['measure'], region?: string): FrameworkEstimateRow[] {
  return rollup.rows.filter((row) => row.population === population && row.measure === measure && (region === undefined || row.region === region));
}

/** `onlyRegions`: the columns to show (the interactive report's region selector), all by default. */
export function buildFrameworkHeatmap(input: FigureInput, rollup: FrameworkRollup, onlyRegions?: string[]): TopLevelSpec {
  const minN = input.config.suppression.minN;
  const tr = translator(input.config.language);
  const { t } = tr;
  const suppressedLabel = t('figure.suppressed');
  const regions = frameworkRegions(rollup).filter((region) => !onlyRegions || onlyRegions.includes(region));
  const order = rollup.units.map((unit) => unitLabel(rollup, unit.id));
  const cells = frameworkRows(rollup, 'industry', 'gap_preparedness').filter((row) => regions.includes(row.region)).map((row) => {
    const hidden = row.suppressed || !Number.isFinite(row.mean);
    return {
      region: tr.region(row.region),
      unit: unitLabel(rollup, row.unit),
      gap: hidden ? null : roundForChart(row.mean),
      n: hidden ? null : row.n,
      suppressed: hidden,
      status: hidden ? suppressedLabel : t('figure.published'),
      // A hidden cell may be a complementary suppression (n ≥ k): only a primary one says n < k.
      cellText: hidden ? (row.flag === 'suppressed_small_n' ? `n < ${tr.integer(minN)}` : t('note.suppressed')) : `${tr.estimate(row.mean)}${row.flag === 'low_reliability' ? '*' : ''}`,
    };
  });
  const limit = Math.max(0.5, ...cells.flatMap((cell) => (cell.gap === null ? [] : [Math.ceil(Math.abs(cell.gap) * 10) / 10])));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: chartConfigFor(tr),
    title: {
      text: t('fwfig.heatmapTitle', { framework: rollup.shortName, unit: unitNoun(tr, rollup, false) }),
      subtitle: [
        t('fwfig.heatmapSubtitle1', { unit: unitNoun(tr, rollup, false) }),
        t('fwfig.heatmapSubtitle2'),
        t('fwfig.heatmapSubtitle3', { lowN: tr.integer(input.config.suppression.lowReliabilityN), minN: tr.integer(minN), version: rollup.version }),
      ],
    },
    data: { values: cells },
    width: { step: 62 },
    height: { step: competencyRowStep(order) },
    encoding: {
      x: { field: 'region', type: 'nominal', sort: regions.map(tr.region), title: null, axis: { orient: 'top', labelAngle: -30, labelLimit: 110 } },
      y: { field: 'unit', type: 'nominal', sort: order, title: null, axis: wrappedLabelAxis },
    },
    layer: [
      {
        transform: [{ filter: 'datum.suppressed == false' }],
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: { field: 'gap', type: 'quantitative', title: t('figure.gap'), scale: { scheme: GAP_SCHEME, domain: [-limit, limit], domainMid: 0 }, legend: { orient: 'right', gradientLength: 120 } },
          tooltip: [{ field: 'unit', title: unitNoun(tr, rollup, false) }, { field: 'region', title: t('figure.region') }, { field: 'gap', title: t('figure.gap'), format: '.2f' }, { field: 'n', title: 'n' }],
        },
      },
      {
        transform: [{ filter: 'datum.suppressed == true' }],
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: { fill: { field: 'status', type: 'nominal', scale: { domain: [suppressedLabel], range: [SUPPRESSED_FILL] }, legend: { title: null, orient: 'right' } } },
      },
      {
        mark: { type: 'text', fontSize: 9 },
        encoding: {
          text: { field: 'cellText' },
          color: { condition: { test: `datum.gap !== null && abs(datum.gap) > ${(limit * 0.75).toFixed(3)}`, value: 'white' }, value: '#111111' },
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  };
}

export function buildFrameworkRanking(input: FigureInput, rollup: FrameworkRollup, region = 'Global'): TopLevelSpec {
  const tr = translator(input.config.language);
  const { t } = tr;
  const rows = frameworkRows(rollup, 'industry', 'gap_preparedness', region)
    .filter((row) => !row.suppressed && Number.isFinite(row.rank))
    .sort((a, b) => a.rank - b.rank || a.unit.localeCompare(b.unit, 'en'))
    .map((row) => ({ unit: unitLabel(rollup, row.unit), rank: row.rank, rankCiLow: row.rankCiLow, rankCiHigh: row.rankCiHigh, mwdsText: t('rank.mwds', { mwds: tr.estimate(row.mwds) }) }));
  const lastRank = Math.max(rollup.units.length, ...rows.map((row) => row.rankCiHigh).filter(Number.isFinite));
  const x = { type: 'quantitative' as const, scale: { domain: [0.5, lastRank + 0.5], nice: false }, axis: { tickMinStep: 1, format: 'd' }, title: t('figure.rank') };
  const title = t('fwfig.rankingTitle', { framework: rollup.shortName, units: unitNoun(tr, rollup, true) });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: chartConfigFor(tr),
    title: {
      text: region === 'Global' ? title : t('figure.titleRegion', { title, region: tr.region(region) }),
      subtitle: [t('fwfig.rankingSubtitle1'), t('fwfig.rankingSubtitle2')],
    },
    data: { values: rows },
    width: 280,
    height: { step: competencyRowStep(rows.map((row) => row.unit)) },
    encoding: { y: { field: 'unit', type: 'nominal', sort: rows.map((row) => row.unit), title: null, axis: wrappedLabelAxis } },
    layer: [
      { mark: { type: 'rule', strokeWidth: 2, color: '#56B4E9' }, encoding: { x: { ...x, field: 'rankCiLow' }, x2: { field: 'rankCiHigh' } } },
      { mark: { type: 'point', filled: true, size: 60, color: '#0072B2', opacity: 1 }, encoding: { x: { ...x, field: 'rank' } } },
      { mark: { type: 'text', align: 'left', dx: 6, fontSize: 9, color: '#333333' }, encoding: { x: { ...x, field: 'rankCiHigh' }, text: { field: 'mwdsText' } } },
    ],
  };
}
