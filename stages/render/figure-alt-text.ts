/**
 * The alternative text of every figure, written from the numbers as the executive summary is: what
 * the chart shows and its main values (largest and smallest, the top ranks), each number formatted
 * from an analysis value by stages/render/format.ts and returned in `quoted` beside the text, so a test
 * can check it against the analysis tables. Only published values are used (figure-data.ts drops
 * suppressed ones first). The PDF puts the text in the Figure's /Alt (stages/render/pdf/draw-svg.ts), the
 * HTML report in the chart's aria-label. Words: contracts/messages/figure-alt-text.ts.
 */
import type { EstimatePopulation, FrameworkRollup, Measure, Population } from '../../contracts/types.ts';
import { figureAltText as words } from '../../contracts/messages/figure-alt-text.ts';
import { ROBUST_TOP_RANK, type QuotedNumber } from './executive-summary.ts';
import { publishableEstimates, publishedPairs, regionsOf, type PublishableEstimate } from './figure-data.ts';
import { frameworkHeatmapId, frameworkRankingId, frameworkRegions, frameworkRows, unitLabel } from './figures/framework-figures.ts';
import { ipaPoints } from './figures/ipa-quadrants.ts';
import { LIKERT_DIMENSIONS } from './figures/likert.ts';
import { gapChanges } from './figures/wave-change.ts';
import { formatEstimate } from './format.ts';
import { publishedCountryCounts } from './published-counts.ts';
import type { ReportInput } from './report-input.ts';
import { competencyLabel } from './theme.ts';

export interface FigureAltText {
  text: string;
  quoted: QuotedNumber[];
}

/** How many names a sentence lists at most ("top ranks", "concentrate here"). */
const LISTED = 3;

/** Collects the sentences of one text and the numbers quoted in them. */
function writer() {
  const quoted: QuotedNumber[] = [];
  const sentences: string[] = [];
  const quote = (value: number, what: string, format: (value: number) => string = formatEstimate) => {
    const text = format(value);
    quoted.push({ text, value, what });
    return text;
  };
  return { quote, say: (sentence: string) => sentences.push(sentence), done: (): FigureAltText => ({ text: sentences.join(' '), quoted }) };
}

const byGapDescending = (a: PublishableEstimate, b: PublishableEstimate) => b.mean! - a.mean! || a.competency.localeCompare(b.competency, 'en');

function intervalText(cell: PublishableEstimate, quote: (value: number, what: string) => string, what: string): string {
  return cell.ciLow === null || cell.ciHigh === null ? '' : words.interval(quote(cell.ciLow, `${what} ci low`), quote(cell.ciHigh, `${what} ci high`));
}

export function gapHeatmapAltText(input: ReportInput): FigureAltText {
  const { quote, say, done } = writer();
  const label = (id: string) => competencyLabel(input.competencies, id);
  const cells = publishableEstimates(input.analysis, 'industry', 'gap_preparedness');
  const regions = regionsOf(input.analysis).filter((region) => region !== 'Global');
  say(words.gapHeatmap(words.competencies(input.competencies.length), regions.length, cells.filter((cell) => cell.suppressed && !cell.notAsked).length));
  const global = cells.filter((cell) => cell.region === 'Global' && !cell.suppressed).sort(byGapDescending);
  if (global.length === 0) return (say(words.noValues), done());
  const [first, ...rest] = global;
  const what = (cell: PublishableEstimate) => `${cell.region} gap ${cell.competency}`;
  say(
    words.largestGlobalGap(label(first!.competency), quote(first!.mean!, what(first!)), intervalText(first!, quote, what(first!))) +
      (rest.length > 0 ? words.followedBy(rest.slice(0, LISTED - 1).map((cell) => words.labelValue(label(cell.competency), quote(cell.mean!, what(cell))))) : '') +
      '.',
  );
  if (global.length > LISTED) say(words.smallestGlobalGap(label(global.at(-1)!.competency), quote(global.at(-1)!.mean!, what(global.at(-1)!))));
  const [regional] = cells.filter((cell) => cell.region !== 'Global' && !cell.suppressed).sort(byGapDescending);
  if (regional) say(words.largestRegionalGap(label(regional.competency), regional.region, quote(regional.mean!, what(regional))));
  return done();
}

export function regionGapsAltText(input: ReportInput, region: string): FigureAltText {
  const { quote, say, done } = writer();
  const label = (id: string) => competencyLabel(input.competencies, id);
  const cells = publishableEstimates(input.analysis, 'industry', 'gap_preparedness', region);
  const published = cells.filter((cell) => !cell.suppressed).sort(byGapDescending);
  say(words.regionGaps(region, words.competencies(published.length), cells.filter((cell) => cell.suppressed && !cell.notAsked).length));
  if (published.length === 0) return (say(words.noValues), done());
  const first = published[0]!;
  const last = published.at(-1)!;
  const what = (cell: PublishableEstimate) => `${region} gap ${cell.competency}`;
  const largest = words.largestGap(label(first.competency), quote(first.mean!, what(first)), intervalText(first, quote, what(first)));
  say(published.length > 1 ? `${largest}; ${words.smallestGap(label(last.competency), quote(last.mean!, what(last)))}` : `${largest}.`);
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
function dumbbellAltText(rows: DumbbellRow[], what: string, high: string, low: string, keys: [string, string]): FigureAltText {
  const { quote, say, done } = writer();
  say(words.dumbbell(what, words.competencies(rows.length)));
  if (rows.length === 0) return (say(words.noValues), done());
  const sorted = [...rows].sort((a, b) => b.high - b.low - (a.high - a.low) || a.label.localeCompare(b.label, 'en'));
  say(words.higherFor(rows.filter((row) => row.high > row.low).length, rows.length, high, low));
  const values = (row: DumbbellRow) => [quote(row.high, `${keys[0]} ${row.id}`), quote(row.low, `${keys[1]} ${row.id}`)] as const;
  const [firstHigh, firstLow] = values(sorted[0]!);
  say(words.largestDifference(sorted[0]!.label, high, firstHigh, low, firstLow));
  if (sorted.length > 1) {
    const [lastHigh, lastLow] = values(sorted.at(-1)!);
    say(words.smallestDifference(sorted.at(-1)!.label, high, lastHigh, low, lastLow));
  }
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
  const { quote, say, done } = writer();
  const { points, crosshair } = ipaPoints(input, region);
  if (points.length === 0) return (say(words.noValues), done());
  say(words.ipa(region, words.competencies(points.length), quote(crosshair.x, `${region} crosshair preparedness`), quote(crosshair.y, `${region} crosshair importance`)));
  const inQuadrant = (quadrant: string) => points.filter((point) => point.quadrant === quadrant);
  const concentrate = inQuadrant('concentrate_here').sort((a, b) => b.importance - a.importance || a.competency.localeCompare(b.competency, 'en'));
  say(
    words.concentrateHere(
      concentrate.length,
      concentrate.slice(0, LISTED).map((point) => words.pointWithValues(point.competency, quote(point.importance, `${region} industry importance ${point.id}`), quote(point.preparedness, `${region} industry preparedness ${point.id}`))),
    ),
  );
  say(words.otherQuadrants(inQuadrant('keep_up_the_good_work').length, inQuadrant('low_priority').length, inQuadrant('possible_overkill').length));
  return done();
}

export function rankIntervalsAltText(input: ReportInput, region = 'Global'): FigureAltText {
  const { quote, say, done } = writer();
  const rows = input.analysis.rankings
    .filter((row) => row.region === region && !row.suppressed && Number.isFinite(row.rank))
    .sort((a, b) => a.rank - b.rank || a.competency.localeCompare(b.competency, 'en'));
  say(words.rankIntervals(words.competencies(rows.length)));
  if (rows.length === 0) return (say(words.noValues), done());
  const rank = (value: number, what: string) => quote(value, what, String);
  say(
    words.topRanks(
      rows.slice(0, LISTED).map((row) =>
        words.rankedItem(
          rank(row.rank, `rank ${row.competency}`),
          competencyLabel(input.competencies, row.competency),
          quote(row.mwds, `MWDS ${row.competency}`),
          rank(row.rankCiLow, `rank ci low ${row.competency}`),
          rank(row.rankCiHigh, `rank ci high ${row.competency}`),
        ),
      ),
    ),
  );
  say(words.robustTop(rows.filter((row) => Number.isFinite(row.rankSimultaneousHigh) && row.rankSimultaneousHigh <= ROBUST_TOP_RANK).length, ROBUST_TOP_RANK));
  return done();
}

export function waveChangeAltText(input: ReportInput): FigureAltText {
  const { quote, say, done } = writer();
  const changes = gapChanges(input);
  say(words.waveChange(input.previousAnalysis?.wave ?? '', words.competencies(changes.length)));
  if (changes.length === 0) return (say(words.noValues), done());
  const widened = changes[0]!;
  const narrowed = changes.at(-1)!;
  if (widened.change > 0) say(words.widenedMost(widened.label, quote(widened.change, `change ${widened.competency}`), quote(widened.previous, `previous gap ${widened.competency}`), quote(widened.current, `Global gap ${widened.competency}`)));
  if (narrowed.change < 0) say(words.narrowedMost(narrowed.label, quote(-narrowed.change, `narrowing ${narrowed.competency}`)));
  say(words.widenedCount(changes.filter((change) => change.change > 0).length, changes.filter((change) => change.change < 0).length));
  return done();
}

/** Likert bars: per dimension the competencies with the largest and smallest weighted top-two share (estimates' top2Share). */
export function likertAltText(input: ReportInput, population: Population): FigureAltText {
  const { quote, say, done } = writer();
  const dimensions = LIKERT_DIMENSIONS[population];
  const percent = (value: number) => (100 * value).toFixed(0);
  const shown = new Set(
    (input.analysis.distributions ?? []).filter((row) => row.region === 'Global' && row.population === population && row.counts.length > 0).map((row) => row.competency),
  );
  say(words.likert(words.population[population]!, words.competencies(shown.size), dimensions.map((dimension) => words.dimension[dimension]!)));
  for (const dimension of dimensions) {
    const rows = input.analysis.estimates
      .filter((row) => row.region === 'Global' && row.population === population && row.measure === dimension && !row.suppressed && Number.isFinite(row.top2Share))
      .sort((a, b) => b.top2Share - a.top2Share || a.competency.localeCompare(b.competency, 'en'));
    if (rows.length === 0) continue;
    const [first, last] = [rows[0]!, rows.at(-1)!];
    say(words.topTwoHighest(words.dimension[dimension]!, competencyLabel(input.competencies, first.competency), quote(first.top2Share, `top2 ${population} ${dimension} ${first.competency}`, percent)));
    if (rows.length > 1) say(words.topTwoLowest(words.dimension[dimension]!, competencyLabel(input.competencies, last.competency), quote(last.top2Share, `top2 ${population} ${dimension} ${last.competency}`, percent)));
  }
  return done();
}

/** The map: countries with respondents and the largest published totals (binned counts stay binned). */
export function respondentsMapAltText(input: ReportInput): FigureAltText {
  const { say, done } = writer();
  const rows = publishedCountryCounts(input).filter((row) => row.country.country !== '' && row.total.high > 0);
  say(words.respondentsMap(rows.length));
  const largest = [...rows].sort((a, b) => b.total.low - a.total.low || a.country.countryName.localeCompare(b.country.countryName, 'en')).slice(0, LISTED);
  if (largest.length > 0) say(words.mostRespondents(largest.map((row) => words.labelValue(row.country.countryName, row.total.text))));
  return done();
}

export function frameworkHeatmapAltText(rollup: FrameworkRollup): FigureAltText {
  const { quote, say, done } = writer();
  const rows = frameworkRows(rollup, 'industry', 'gap_preparedness');
  const regions = frameworkRegions(rollup).filter((region) => region !== 'Global');
  say(words.frameworkHeatmap(rollup.name, words.units(rollup.units.length, rollup.unitLabel), regions.length, rows.filter((row) => row.suppressed || !Number.isFinite(row.mean)).length));
  const global = rows.filter((row) => row.region === 'Global' && !row.suppressed && Number.isFinite(row.mean)).sort((a, b) => b.mean - a.mean || a.unit.localeCompare(b.unit, 'en'));
  if (global.length === 0) return (say(words.noValues), done());
  const [first, ...rest] = global;
  const what = (unit: string) => `${rollup.framework} Global gap ${unit}`;
  say(
    words.largestGlobalGap(unitLabel(rollup, first!.unit), quote(first!.mean, what(first!.unit)), words.interval(quote(first!.ciLow, `${what(first!.unit)} ci low`), quote(first!.ciHigh, `${what(first!.unit)} ci high`))) +
      (rest.length > 0 ? words.followedBy(rest.slice(0, LISTED - 1).map((row) => words.labelValue(unitLabel(rollup, row.unit), quote(row.mean, what(row.unit))))) : '') +
      '.',
  );
  return done();
}

export function frameworkRankingAltText(rollup: FrameworkRollup): FigureAltText {
  const { quote, say, done } = writer();
  const rows = frameworkRows(rollup, 'industry', 'gap_preparedness', 'Global')
    .filter((row) => !row.suppressed && Number.isFinite(row.rank))
    .sort((a, b) => a.rank - b.rank || a.unit.localeCompare(b.unit, 'en'));
  say(words.frameworkRanking(rollup.name, words.units(rows.length, rollup.unitLabel)));
  if (rows.length === 0) return (say(words.noValues), done());
  const rank = (value: number, what: string) => quote(value, what, (number) => String(Math.round(number * 10) / 10));
  say(
    words.topRanks(
      rows.slice(0, LISTED).map((row) =>
        words.rankedItem(
          rank(row.rank, `${rollup.framework} rank ${row.unit}`),
          unitLabel(rollup, row.unit),
          quote(row.mwds, `${rollup.framework} MWDS ${row.unit}`),
          rank(row.rankCiLow, `${rollup.framework} rank ci low ${row.unit}`),
          rank(row.rankCiHigh, `${rollup.framework} rank ci high ${row.unit}`),
        ),
      ),
    ),
  );
  return done();
}

/** The curriculum report's chart: demand against this programme's coverage (rows with both). */
/** The rows of a curriculum comparison this text reads (commands/curriculum's CurriculumComparison has them; typed here by shape, since a stage imports no command). */
export interface CurriculumChartRows {
  rows: readonly { competency: string; label: string; demandMean: number | null; coverage: number | null }[];
}

export function curriculumChartAltText(comparison: CurriculumChartRows): FigureAltText {
  const rows = comparison.rows.flatMap((row) => (row.demandMean === null || row.coverage === null ? [] : [{ id: row.competency, label: row.label, high: row.demandMean, low: row.coverage }]));
  return dumbbellAltText(rows, words.curriculumChart, words.demand, words.coverage, ['demand', 'coverage']);
}

/** The alternative text of a figure of the report by id (stages/render/render-figure.ts availableFigureIds). */
export function figureAltTextFor(input: ReportInput, id: string): FigureAltText {
  switch (id) {
    case 'gap-heatmap':
      return gapHeatmapAltText(input);
    case 'importance-vs-preparedness':
      return dumbbellAltText(pairedRows(input, ['industry', 'importance'], ['industry', 'preparedness']), words.importanceVsPreparedness, words.importance, words.preparedness, ['Global industry importance', 'Global industry preparedness']);
    case 'curriculum-gap':
      return dumbbellAltText(pairedRows(input, ['industry', 'importance'], ['education', 'coverage']), words.curriculumGap, words.importance, words.coverage, ['Global industry importance', 'Global education coverage']);
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
    if (id === frameworkHeatmapId(rollup.framework)) return frameworkHeatmapAltText(rollup);
    if (id === frameworkRankingId(rollup.framework)) return frameworkRankingAltText(rollup);
  }
  throw new Error(`no alternative text for figure "${id}"`);
}
