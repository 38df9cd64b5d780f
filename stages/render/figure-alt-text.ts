/**
 * The alternative text of every figure, written from the numbers as the executive summary is: what
 * the chart shows and its main values (largest and smallest, the top ranks), each number formatted
 * from an analysis value in the report's language (Translator: 1,80 in French) and returned in
 * `quoted` beside the text, so a test can check it against the analysis tables. Only published values
 * are used (figure-data.ts drops suppressed ones first). The PDF puts the text in the Figure's /Alt
 * (stages/render/pdf/draw-svg.ts), the HTML pages in the chart's aria-label. Words: the `alt.*` keys
 * of the render message catalogue (stages/render/i18n/); the language is the ReportInput's
 * (`config.language`), or the Translator passed in where no ReportInput is at hand.
 */
import type { EstimatePopulation, FrameworkRollup, Measure, Population } from '../../contracts/types.ts';
import { ROBUST_TOP_RANK, type QuotedNumber } from './executive-summary.ts';
import { publishableEstimates, publishedPairs, regionsOf, type PublishableEstimate } from './figure-data.ts';
import { frameworkHeatmapId, frameworkRankingId, frameworkRegions, frameworkRows, unitLabel, unitNoun } from './figures/framework-figures.ts';
import { ipaPoints } from './figures/ipa-quadrants.ts';
import { LIKERT_DIMENSIONS, likertRows } from './figures/likert.ts';
import { gapChanges } from './figures/wave-change.ts';
import { translator, type Translator } from './i18n/translator.ts';
import { publishedCountryCounts } from './published-counts.ts';
import type { ReportInput } from './report-input.ts';
import { competencyLabel } from './theme.ts';

export interface FigureAltText {
  text: string;
  quoted: QuotedNumber[];
}

/** How many names a sentence lists at most ("top ranks", "concentrate here"). */
const LISTED = 3;

/** Collects the sentences of one text and the numbers quoted in them, formatted in the language (estimates by default). */
function writer(tr: Translator) {
  const quoted: QuotedNumber[] = [];
  const sentences: string[] = [];
  const quote = (value: number, what: string, format: (value: number) => string = tr.estimate) => {
    const text = format(value);
    quoted.push({ text, value, what });
    return text;
  };
  return { quote, say: (sentence: string) => sentences.push(sentence), done: (): FigureAltText => ({ text: sentences.join(' '), quoted }) };
}

/** A rank as the tables print it: whole, or one decimal for a shared (tied) rank. */
const rankFormat = (tr: Translator) => (rank: number) => {
  const rounded = Math.round(rank * 10) / 10;
  return Number.isInteger(rounded) ? tr.integer(rounded) : tr.fixed(rounded, 1);
};

const byGapDescending = (a: PublishableEstimate, b: PublishableEstimate) => b.mean! - a.mean! || a.competency.localeCompare(b.competency, 'en');

function intervalText(tr: Translator, cell: PublishableEstimate, quote: (value: number, what: string) => string, what: string): string {
  return cell.ciLow === null || cell.ciHigh === null ? '' : tr.t('alt.interval', { low: quote(cell.ciLow, `${what} ci low`), high: quote(cell.ciHigh, `${what} ci high`) });
}

export function gapHeatmapAltText(input: ReportInput): FigureAltText {
  const tr = translator(input.config.language);
  const { t, tp } = tr;
  const { quote, say, done } = writer(tr);
  const label = (id: string) => competencyLabel(input.competencies, id);
  const cells = publishableEstimates(input.analysis, 'industry', 'gap_preparedness');
  const regions = regionsOf(input.analysis).filter((region) => region !== 'Global');
  say(t('alt.gapHeatmap', { competencies: tp('figure.competencies', input.competencies.length), regions: tp('alt.regions', regions.length), suppressed: tp('alt.cellsSuppressed', cells.filter((cell) => cell.suppressed && !cell.notAsked).length) }));
  const global = cells.filter((cell) => cell.region === 'Global' && !cell.suppressed).sort(byGapDescending);
  if (global.length === 0) return (say(t('alt.noValues')), done());
  const [first, ...rest] = global;
  const what = (cell: PublishableEstimate) => `${cell.region} gap ${cell.competency}`;
  say(
    t('alt.largestGlobalGap', { label: label(first!.competency), gap: quote(first!.mean!, what(first!)), interval: intervalText(tr, first!, quote, what(first!)) }) +
      (rest.length > 0 ? t('alt.followedBy', { list: tr.list(rest.slice(0, LISTED - 1).map((cell) => t('alt.labelValue', { label: label(cell.competency), value: quote(cell.mean!, what(cell)) }))) }) : '') +
      '.',
  );
  const last = global.at(-1)!;
  if (global.length > LISTED) say(t('alt.smallestGlobalGap', { label: label(last.competency), gap: quote(last.mean!, what(last)) }));
  const [regional] = cells.filter((cell) => cell.region !== 'Global' && !cell.suppressed).sort(byGapDescending);
  if (regional) say(t('alt.largestRegionalGap', { label: label(regional.competency), region: tr.region(regional.region), gap: quote(regional.mean!, what(regional)) }));
  return done();
}

export function regionGapsAltText(input: ReportInput, region: string): FigureAltText {
  const tr = translator(input.config.language);
  const { t, tp } = tr;
  const { quote, say, done } = writer(tr);
  const label = (id: string) => competencyLabel(input.competencies, id);
  const cells = publishableEstimates(input.analysis, 'industry', 'gap_preparedness', region);
  const published = cells.filter((cell) => !cell.suppressed).sort(byGapDescending);
  say(t('alt.regionGaps', { region: tr.region(region), competencies: tp('figure.competencies', published.length), suppressed: tr.integer(cells.filter((cell) => cell.suppressed && !cell.notAsked).length) }));
  if (published.length === 0) return (say(t('alt.noValues')), done());
  const first = published[0]!;
  const last = published.at(-1)!;
  const what = (cell: PublishableEstimate) => `${region} gap ${cell.competency}`;
  const largest = { label: label(first.competency), gap: quote(first.mean!, what(first)), interval: intervalText(tr, first, quote, what(first)) };
  say(published.length > 1 ? t('alt.smallestGap', { largest: t('alt.largestGap', largest), label: label(last.competency), gap: quote(last.mean!, what(last)) }) : t('alt.largestGapOnly', largest));
  return done();
}

interface DumbbellRow {
  id: string;
  label: string;
  high: number;
  low: number;
}

/**
 * Dot charts of two values per competency: how many ends lie which way, the largest and smallest
 * difference. `keys` name the two values in `quoted` (`<population> <measure>`), apart from the words.
 */
function dumbbellAltText(tr: Translator, rows: DumbbellRow[], what: string, high: string, low: string, keys: [string, string]): FigureAltText {
  const { t, tp } = tr;
  const { quote, say, done } = writer(tr);
  say(t('alt.dumbbell', { what, competencies: tp('figure.competencies', rows.length) }));
  if (rows.length === 0) return (say(t('alt.noValues')), done());
  const sorted = [...rows].sort((a, b) => b.high - b.low - (a.high - a.low) || a.label.localeCompare(b.label, 'en'));
  say(t('alt.higherFor', { count: tr.integer(rows.filter((row) => row.high > row.low).length), total: tr.integer(rows.length), high, low }));
  const values = (row: DumbbellRow) => ({ label: row.label, high, low, highValue: quote(row.high, `${keys[0]} ${row.id}`), lowValue: quote(row.low, `${keys[1]} ${row.id}`) });
  say(t('alt.largestDifference', values(sorted[0]!)));
  if (sorted.length > 1) say(t('alt.smallestDifference', values(sorted.at(-1)!)));
  return done();
}

function pairedRows(input: ReportInput, high: [EstimatePopulation, Measure], low: [EstimatePopulation, Measure]): DumbbellRow[] {
  return publishedPairs(
    input.competencies,
    publishableEstimates(input.analysis, high[0], high[1], 'Global'),
    publishableEstimates(input.analysis, low[0], low[1], 'Global'),
  ).map((pair) => ({ id: pair.competency.id, label: pair.competency.label, high: pair.first.mean, low: pair.second.mean }));
}

export function ipaAltText(input: ReportInput, region = 'Global'): FigureAltText {
  const tr = translator(input.config.language);
  const { t, tp } = tr;
  const { quote, say, done } = writer(tr);
  const { points, crosshair } = ipaPoints(input, region);
  if (points.length === 0) return (say(t('alt.noValues')), done());
  say(t('alt.ipa', { region: tr.region(region), competencies: tp('figure.competencies', points.length), x: quote(crosshair.x, `${region} crosshair preparedness`), y: quote(crosshair.y, `${region} crosshair importance`) }));
  const inQuadrant = (quadrant: string) => points.filter((point) => point.quadrant === quadrant);
  const concentrate = inQuadrant('concentrate_here').sort((a, b) => b.importance - a.importance || a.competency.localeCompare(b.competency, 'en'));
  const named = concentrate.slice(0, LISTED).map((point) =>
    t('alt.pointWithValues', { label: point.competency, importance: quote(point.importance, `${region} industry importance ${point.id}`), preparedness: quote(point.preparedness, `${region} industry preparedness ${point.id}`) }),
  );
  const quadrant = t('quadrant.concentrate_here');
  say(
    concentrate.length === 0
      ? t('alt.concentrateNone', { quadrant })
      : tp('alt.concentrateHere', concentrate.length, { quadrant, list: named.length < concentrate.length ? t('alt.andMore', { list: named.join(t('alt.itemSeparator')), more: tr.integer(concentrate.length - named.length) }) : tr.list(named) }),
  );
  say(t('alt.otherQuadrants', {
    keepUp: t('quadrant.keep_up_the_good_work'), keepUpCount: tr.integer(inQuadrant('keep_up_the_good_work').length),
    lowPriority: t('quadrant.low_priority'), lowPriorityCount: tr.integer(inQuadrant('low_priority').length),
    overkill: t('quadrant.possible_overkill'), overkillCount: tr.integer(inQuadrant('possible_overkill').length),
  }));
  return done();
}

export function rankIntervalsAltText(input: ReportInput, region = 'Global'): FigureAltText {
  const tr = translator(input.config.language);
  const { t, tp } = tr;
  const { quote, say, done } = writer(tr);
  const rows = input.analysis.rankings
    .filter((row) => row.region === region && !row.suppressed && Number.isFinite(row.rank))
    .sort((a, b) => a.rank - b.rank || a.competency.localeCompare(b.competency, 'en'));
  say(t('alt.rankIntervals', { competencies: tp('figure.competencies', rows.length) }));
  if (rows.length === 0) return (say(t('alt.noValues')), done());
  const rank = (value: number, what: string) => quote(value, what, rankFormat(tr));
  const ranked = rows.slice(0, LISTED).map((row) =>
    t('alt.rankedItem', {
      rank: rank(row.rank, `rank ${row.competency}`),
      label: competencyLabel(input.competencies, row.competency),
      mwds: quote(row.mwds, `MWDS ${row.competency}`),
      low: rank(row.rankCiLow, `rank ci low ${row.competency}`),
      high: rank(row.rankCiHigh, `rank ci high ${row.competency}`),
    }),
  );
  say(t('alt.topRanks', { list: ranked.join(t('alt.itemSeparator')) }));
  say(tp('alt.robustTop', rows.filter((row) => Number.isFinite(row.rankSimultaneousHigh) && row.rankSimultaneousHigh <= ROBUST_TOP_RANK).length, { top: tr.integer(ROBUST_TOP_RANK) }));
  return done();
}

export function waveChangeAltText(input: ReportInput): FigureAltText {
  const tr = translator(input.config.language);
  const { t, tp } = tr;
  const { quote, say, done } = writer(tr);
  const changes = gapChanges(input);
  say(t('alt.waveChange', { previous: input.previousAnalysis?.wave ?? '', competencies: tp('figure.competencies', changes.length) }));
  if (changes.length === 0) return (say(t('alt.noValues')), done());
  const widened = changes[0]!;
  const narrowed = changes.at(-1)!;
  if (widened.change > 0) {
    say(t('alt.widenedMost', { label: widened.label, change: quote(widened.change, `change ${widened.competency}`), before: quote(widened.previous, `previous gap ${widened.competency}`), now: quote(widened.current, `Global gap ${widened.competency}`) }));
  }
  if (narrowed.change < 0) say(t('alt.narrowedMost', { label: narrowed.label, change: quote(-narrowed.change, `narrowing ${narrowed.competency}`) }));
  say(t('alt.changeCounts', { widened: tp('alt.widenedCount', changes.filter((change) => change.change > 0).length), narrowed: tp('alt.narrowedCount', changes.filter((change) => change.change < 0).length) }));
  return done();
}

/**
 * Likert bars of one region (Global in the report, the unit in a profile): per dimension the
 * competencies with the largest and smallest weighted top-two share (estimates' top2Share).
 */
export function likertAltText(input: ReportInput, population: Population, region = 'Global'): FigureAltText {
  const tr = translator(input.config.language);
  const { t, tp } = tr;
  const { quote, say, done } = writer(tr);
  const dimensions = LIKERT_DIMENSIONS[population];
  const percent = (value: number) => tr.percent(value, 0);
  const shown = new Set(likertRows(input.analysis, population, region).filter((row) => !row.suppressed && row.counts.length > 0).map((row) => row.competency));
  say(t('alt.likert', {
    population: t(`alt.population.${population}`),
    competencies: tp('figure.competencies', shown.size),
    region: tr.region(region),
    dimensions: tr.list(dimensions.map((dimension) => t(`alt.dimension.${dimension}`))),
  }));
  for (const dimension of dimensions) {
    const rows = input.analysis.estimates
      .filter((row) => row.region === region && row.population === population && row.measure === dimension && !row.suppressed && Number.isFinite(row.top2Share))
      .sort((a, b) => b.top2Share - a.top2Share || a.competency.localeCompare(b.competency, 'en'));
    if (rows.length === 0) continue;
    const [first, last] = [rows[0]!, rows.at(-1)!];
    const what = (competency: string) => `top2 ${region} ${population} ${dimension} ${competency}`;
    say(t('alt.topTwoHighest', { dimension: t(`alt.dimension.${dimension}`), label: competencyLabel(input.competencies, first.competency), share: quote(first.top2Share, what(first.competency), percent) }));
    if (rows.length > 1) say(t('alt.topTwoLowest', { label: competencyLabel(input.competencies, last.competency), share: quote(last.top2Share, what(last.competency), percent) }));
  }
  return done();
}

/** The map: countries with respondents and the largest published totals (binned counts stay binned). */
export function respondentsMapAltText(input: ReportInput): FigureAltText {
  const tr = translator(input.config.language);
  const { t, tp } = tr;
  const { say, done } = writer(tr);
  const rows = publishedCountryCounts(input).filter((row) => row.country.country !== '' && row.total.high > 0);
  say(tp('alt.respondentsMap', rows.length));
  const largest = [...rows].sort((a, b) => b.total.low - a.total.low || tr.compare(a.country.countryName, b.country.countryName)).slice(0, LISTED);
  if (largest.length > 0) say(t('alt.mostRespondents', { list: tr.list(largest.map((row) => t('alt.labelValue', { label: row.country.countryName, value: row.total.text }))) }));
  return done();
}

/** "12 knowledge areas", the unit noun in the language (framework-figures.ts unitNoun). */
const unitCount = (tr: Translator, rollup: FrameworkRollup, count: number) => `${tr.integer(count)} ${unitNoun(tr, rollup, count !== 1)}`;

export function frameworkHeatmapAltText(rollup: FrameworkRollup, tr: Translator = translator()): FigureAltText {
  const { t, tp } = tr;
  const { quote, say, done } = writer(tr);
  const rows = frameworkRows(rollup, 'industry', 'gap_preparedness');
  const regions = frameworkRegions(rollup).filter((region) => region !== 'Global');
  say(t('alt.frameworkHeatmap', {
    name: rollup.name,
    units: unitCount(tr, rollup, rollup.units.length),
    regions: tp('alt.regions', regions.length),
    suppressed: tp('alt.cellsSuppressed', rows.filter((row) => row.suppressed || !Number.isFinite(row.mean)).length),
  }));
  const global = rows.filter((row) => row.region === 'Global' && !row.suppressed && Number.isFinite(row.mean)).sort((a, b) => b.mean - a.mean || a.unit.localeCompare(b.unit, 'en'));
  if (global.length === 0) return (say(t('alt.noValues')), done());
  const [first, ...rest] = global;
  const what = (unit: string) => `${rollup.framework} Global gap ${unit}`;
  const interval = t('alt.interval', { low: quote(first!.ciLow, `${what(first!.unit)} ci low`), high: quote(first!.ciHigh, `${what(first!.unit)} ci high`) });
  say(
    t('alt.largestGlobalGap', { label: unitLabel(rollup, first!.unit), gap: quote(first!.mean, what(first!.unit)), interval }) +
      (rest.length > 0 ? t('alt.followedBy', { list: tr.list(rest.slice(0, LISTED - 1).map((row) => t('alt.labelValue', { label: unitLabel(rollup, row.unit), value: quote(row.mean, what(row.unit)) }))) }) : '') +
      '.',
  );
  return done();
}

/** The units ranked by MWDS with the marginal 95% confidence set of each rank (Mogstad et al.; stages/analyse/stats/rank-confidence-sets.ts). */
export function frameworkRankingAltText(rollup: FrameworkRollup, tr: Translator = translator()): FigureAltText {
  const { t } = tr;
  const { quote, say, done } = writer(tr);
  const rows = frameworkRows(rollup, 'industry', 'gap_preparedness', 'Global')
    .filter((row) => !row.suppressed && Number.isFinite(row.rank))
    .sort((a, b) => a.rank - b.rank || a.unit.localeCompare(b.unit, 'en'));
  say(t('alt.frameworkRanking', { name: rollup.name, units: unitCount(tr, rollup, rows.length) }));
  if (rows.length === 0) return (say(t('alt.noValues')), done());
  const rank = (value: number, what: string) => quote(value, what, rankFormat(tr));
  const ranked = rows.slice(0, LISTED).map((row) =>
    t('alt.rankedItem', {
      rank: rank(row.rank, `${rollup.framework} rank ${row.unit}`),
      label: unitLabel(rollup, row.unit),
      mwds: quote(row.mwds, `${rollup.framework} MWDS ${row.unit}`),
      low: rank(row.rankCiLow, `${rollup.framework} rank ci low ${row.unit}`),
      high: rank(row.rankCiHigh, `${rollup.framework} rank ci high ${row.unit}`),
    }),
  );
  say(t('alt.topRanks', { list: ranked.join(t('alt.itemSeparator')) }));
  return done();
}

/** The rows of a curriculum comparison this text reads (commands/curriculum's CurriculumComparison has them; typed here by shape, since a stage imports no command). */
export interface CurriculumChartRows {
  rows: readonly { competency: string; label: string; demandMean: number | null; coverage: number | null }[];
}

/** The curriculum report's chart: demand against this programme's coverage (rows with both). */
export function curriculumChartAltText(comparison: CurriculumChartRows, tr: Translator = translator()): FigureAltText {
  const rows = comparison.rows.flatMap((row) => (row.demandMean === null || row.coverage === null ? [] : [{ id: row.competency, label: row.label, high: row.demandMean, low: row.coverage }]));
  return dumbbellAltText(tr, rows, tr.t('alt.curriculumChart'), tr.t('alt.demand'), tr.t('alt.coverage'), ['demand', 'coverage']);
}

/** The alternative text of a figure of the report by id (stages/render/render-figure.ts availableFigureIds), in the input's language. */
export function figureAltTextFor(input: ReportInput, id: string): FigureAltText {
  const tr = translator(input.config.language);
  const { t } = tr;
  switch (id) {
    case 'gap-heatmap':
      return gapHeatmapAltText(input);
    case 'importance-vs-preparedness':
      return dumbbellAltText(tr, pairedRows(input, ['industry', 'importance'], ['industry', 'preparedness']), t('alt.importanceVsPreparedness'), t('alt.importance'), t('alt.preparedness'), ['Global industry importance', 'Global industry preparedness']);
    case 'curriculum-gap':
      return dumbbellAltText(tr, pairedRows(input, ['industry', 'importance'], ['education', 'coverage']), t('alt.curriculumGap'), t('alt.importance'), t('alt.coverage'), ['Global industry importance', 'Global education coverage']);
    case 'ipa-quadrants':
      return ipaAltText(input);
    case 'rank-intervals':
      return rankIntervalsAltText(input);
    case 'wave-change':
      return waveChangeAltText(input);
    case 'likert-industry':
      return likertAltText(input, 'industry');
    case 'likert-education':
      return likertAltText(input, 'education');
    case 'respondents-map':
      return respondentsMapAltText(input);
  }
  for (const rollup of input.analysis.frameworks ?? []) {
    if (id === frameworkHeatmapId(rollup.framework)) return frameworkHeatmapAltText(rollup, tr);
    if (id === frameworkRankingId(rollup.framework)) return frameworkRankingAltText(rollup, tr);
  }
  throw new Error(`no alternative text for figure "${id}"`);
}
