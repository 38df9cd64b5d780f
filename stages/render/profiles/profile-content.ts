/**
 * One profile's content, the same for the PDF and the HTML page (one template rendered into many):
 *
 *   ReportInput ──unitView──▶ a ReportInput whose only non-Global "region" is the unit
 *     (a region as it is; a country's rows relabelled with its name)
 *   ──the report's own figure builders (region-gaps, rank-intervals, likert) with region = unit──▶ specs
 *   ──publishableEstimates / format.ts──▶ table rows (suppressed cells as "–": no value anywhere)
 *
 * Every number comes from publishable rows, so a suppressed cell's value cannot reach a profile.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult, Population } from '../../../contracts/types.ts';
import { countryDisplayName } from '../../../contracts/countries/regions.ts';
import { likertAltText, rankIntervalsAltText, regionGapsAltText } from '../figure-alt-text.ts';
import { publishableEstimates, suppressedNText } from '../figure-data.ts';
import { buildLikert, hasLikertData } from '../figures/likert.ts';
import { buildRankIntervals } from '../figures/rank-intervals.ts';
import { buildRegionGaps } from '../figures/region-gaps.ts';
import { slug } from '../html/html-markup.ts';
import { publishedCountryCounts } from '../published-counts.ts';
import type { ReportInput } from '../report-input.ts';
import { competencyLabel } from '../theme.ts';
import { translator, type Translator } from '../i18n/translator.ts';
import { profileText, type ProfileTextKey } from './profile-text.ts';

export type ProfileLevel = 'region' | 'country';

export interface ProfileUnit {
  level: ProfileLevel;
  /** The region's name, or the country's ISO 3166-1 alpha-2 code. */
  id: string;
  /** What the profile calls the unit: the region's name or the country's short name. */
  name: string;
  /** File name without extension. */
  slug: string;
  /** A country's region. */
  region?: string;
}

const GLOBAL = 'Global';
const UNKNOWN = 'Unknown';

/**
 * The units a level has: every region but Unknown (respondents without a known country); every
 * country with at least k (the wave's suppression threshold) kept respondents.
 */
export function profileUnits(input: ReportInput, level: ProfileLevel): ProfileUnit[] {
  const minN = input.config.suppression.minN;
  if (level === 'region') {
    const regions = [...new Set(input.analysis.estimates.map((row) => row.region))].filter((region) => region !== GLOBAL && region !== UNKNOWN);
    return regions.sort((a, b) => a.localeCompare(b, 'en')).map((region) => ({ level, id: region, name: region, slug: slug(region) }));
  }
  const withCountryRows = new Set((input.analysis.countries?.estimates ?? []).map((row) => row.country));
  return input.respondentsByCountry
    .filter((country) => country.country && withCountryRows.has(country.country) && country.industry + country.education >= minN)
    .map((country) => ({ level, id: country.country, name: country.countryName || countryDisplayName(country.country), slug: `${country.country.toLowerCase()}-${slug(country.countryName)}`, region: country.region }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/**
 * What the profile calls the unit in the wave's language: a region's translated name, a country's
 * name in the language (i18n-iso-countries; the UN short name in English).
 */
export function unitDisplayName(unit: ProfileUnit, tr: Translator): string {
  return unit.level === 'region' ? tr.region(unit.id) : tr.country(unit.id, unit.name);
}

/**
 * The region label the unit's rows carry in the view: a region keeps its own (the figure builders
 * translate it), a country's rows are relabelled with its name in the language (a name the region
 * table does not know, so the builders print it as it is).
 */
function viewRegion(unit: ProfileUnit, tr: Translator): string {
  return unit.level === 'region' ? unit.id : unitDisplayName(unit, tr);
}

/** The input the report's figure builders see for one unit: Global and the unit, the unit named as a region. */
export function unitView(input: ReportInput, unit: ProfileUnit): ReportInput {
  const analysis = input.analysis;
  if (unit.level === 'region') {
    const keep = <T extends { region: string }>(rows: readonly T[]) => rows.filter((row) => row.region === GLOBAL || row.region === unit.id);
    return { ...input, analysis: { ...analysis, estimates: keep(analysis.estimates), rankings: keep(analysis.rankings), distributions: keep(analysis.distributions ?? []), frameworks: [] } };
  }
  const countries = analysis.countries ?? { estimates: [], distributions: [], rankings: [] };
  const region = viewRegion(unit, translator(input.config.language));
  const own = <T extends { region: string; country?: string }>(rows: readonly T[]) => rows.filter((row) => row.country === unit.id).map((row) => ({ ...row, region }));
  const global = <T extends { region: string }>(rows: readonly T[]) => rows.filter((row) => row.region === GLOBAL);
  const view: AnalysisResult = {
    ...analysis,
    estimates: [...global(analysis.estimates), ...own(countries.estimates)],
    rankings: [...global(analysis.rankings), ...own(countries.rankings)],
    distributions: [...global(analysis.distributions ?? []), ...own(countries.distributions)],
    frameworks: [],
  };
  return { ...input, analysis: view };
}

export interface ProfileTable {
  id: string;
  caption: string;
  columns: { header: string; numeric?: boolean; width: number }[];
  rows: string[][];
}

export interface ProfileFigure {
  id: string;
  title: string;
  /** The chart's alternative text (PDF Figure /Alt, HTML aria-label), written from the numbers in the profile's language (figure-alt-text.ts). */
  alt: string;
  spec: TopLevelSpec;
}

export interface ProfileSection {
  id: string;
  heading: string;
  intro: string[];
  figures: ProfileFigure[];
  tables: ProfileTable[];
}

export interface ProfileContent {
  unit: ProfileUnit;
  /** The unit's name in the profile's language (unitDisplayName). */
  name: string;
  title: string;
  heading: string;
  lead: string[];
  sections: ProfileSection[];
  /** Published gap cells of the unit (the tests compare them with estimates.csv). */
  publishedGaps: number;
}

const TOP_NEEDS = 10;

export function buildProfileContent(input: ReportInput, unit: ProfileUnit): ProfileContent {
  const view = unitView(input, unit);
  const minN = input.config.suppression.minN;
  const lowN = input.config.suppression.lowReliabilityN;
  const tr = translator(input.config.language);
  const text = (key: ProfileTextKey, params: Record<string, string | number> = {}) => profileText(tr, key, params);
  /** The unit's rows in the view (`region` column). */
  const own = viewRegion(unit, tr);
  const name = unitDisplayName(unit, tr);
  const values = { unit: name, wave: input.config.wave, k: tr.integer(minN), kMinus: tr.integer(minN - 1), lowN: tr.integer(lowN) };
  const label = (id: string) => competencyLabel(input.competencies, id);

  const counts = unitCounts(input, unit, tr);
  const lead = [
    text('subheading', { level: text(unit.level === 'region' ? 'levelRegion' : 'levelCountry'), wave: input.config.wave, study: input.config.title }),
    text('respondentsLine', { ...values, industry: counts.industry, education: counts.education }),
    ...(unit.region ? [text('regionOfCountry', { ...values, region: tr.region(unit.region) })] : []),
  ];

  const gaps = publishableEstimates(view.analysis, 'industry', 'gap_preparedness', own);
  const globalGaps = publishableEstimates(view.analysis, 'industry', 'gap_preparedness', GLOBAL);
  const gapRows = input.competencies.flatMap((competency) => {
    const cell = gaps.find((row) => row.competency === competency.id);
    if (!cell) return [];
    const global = globalGaps.find((row) => row.competency === competency.id);
    const globalText = global && !global.suppressed ? tr.estimate(global.mean!) : '–';
    if (cell.suppressed) return [{ sort: -Infinity, cells: [label(competency.id), '–', '–', globalText, cell.notAsked ? '–' : suppressedNText(cell, minN), text(cell.notAsked ? 'noteNotAsked' : 'noteSuppressed')] }];
    return [{
      sort: cell.mean!,
      cells: [label(competency.id), tr.estimate(cell.mean!), cell.ciLow === null || cell.ciHigh === null ? '' : tr.interval(cell.ciLow, cell.ciHigh), globalText, tr.count(cell.n!, minN), cell.lowReliability ? text('noteLowReliability') : ''],
    }];
  });
  gapRows.sort((a, b) => b.sort - a.sort || tr.compare(a.cells[0]!, b.cells[0]!));
  const published = gaps.filter((cell) => !cell.suppressed).length;

  const rankings = view.analysis.rankings
    .filter((row) => row.region === own && !row.suppressed && Number.isFinite(row.rank))
    .sort((a, b) => a.rank - b.rank || a.competency.localeCompare(b.competency, 'en'))
    .slice(0, TOP_NEEDS);
  const rankText = (low: number, high: number) => (low === high ? tr.integer(low) : text('rankSet', { low: tr.integer(low), high: tr.integer(high) }));

  const answers = (['industry', 'education'] as Population[]).map((population) => ({ population, shown: hasLikertData(view.analysis, population, own) }));

  const sections: ProfileSection[] = [
    {
      id: 'gaps',
      heading: text('gapsHeading'),
      intro: [text('gapsIntro')],
      figures: published > 0 ? [{ id: 'gaps', title: text('figureGapsTitle', values), alt: regionGapsAltText(view, own).text, spec: buildRegionGaps(view, own) }] : [],
      tables: [{
        id: 'table-gaps',
        caption: text('gapsTableCaption', values),
        columns: [
          { header: text('columnCompetency'), width: 0.34 }, { header: text('columnGap'), numeric: true, width: 0.1 }, { header: text('columnInterval'), numeric: true, width: 0.2 },
          { header: text('columnGlobal'), numeric: true, width: 0.12 }, { header: text('columnN'), numeric: true, width: 0.1 }, { header: text('columnNote'), width: 0.14 },
        ],
        rows: gapRows.map((row) => row.cells),
      }],
    },
    {
      id: 'needs',
      heading: text('needsHeading'),
      intro: [text(rankings.length > 0 ? 'needsIntro' : 'needsNone', values)],
      figures: rankings.length > 0 ? [{ id: 'needs', title: text('figureNeedsTitle', values), alt: rankIntervalsAltText(view, own).text, spec: buildRankIntervals(view, own) }] : [],
      tables: rankings.length > 0 ? [{
        id: 'table-needs',
        caption: text('needsTableCaption', { ...values, count: tr.integer(rankings.length) }),
        columns: [{ header: text('columnRank'), numeric: true, width: 0.1 }, { header: text('columnCompetency'), width: 0.5 }, { header: text('columnMwds'), numeric: true, width: 0.15 }, { header: text('columnRankSet'), numeric: true, width: 0.25 }],
        rows: rankings.map((row) => [tr.integer(row.rank), label(row.competency), tr.estimate(row.mwds), rankText(row.rankCiLow, row.rankCiHigh)]),
      }] : [],
    },
    {
      id: 'answers',
      heading: text('answersHeading', values),
      intro: [
        text('answersIntro'),
        ...answers.filter((side) => !side.shown).map((side) => text('answersNone', { ...values, population: text(side.population === 'industry' ? 'populationIndustry' : 'populationEducation') })),
      ],
      figures: answers.filter((side) => side.shown).map((side) => ({
        id: `answers-${side.population}`,
        title: text(side.population === 'industry' ? 'figureIndustryAnswersTitle' : 'figureEducationAnswersTitle', values),
        alt: likertAltText(view, side.population, own).text,
        spec: buildLikert(view, side.population, own),
      })),
      tables: [],
    },
    {
      id: 'caveats',
      heading: text('caveatsHeading'),
      intro: [
        text('caveatSuppression', values),
        text('caveatLowReliability', values),
        text('caveatCounts', { ...values, published: tr.integer(published), total: tr.integer(gaps.length), suppressed: tr.integer(gaps.length - published) }),
        text('caveatSample', values),
        text('caveatMethods', values),
      ],
      figures: [],
      tables: [],
    },
  ];
  return { unit, name, title: text('documentTitle', values), heading: text('heading', values), lead, sections, publishedGaps: published };
}

/** The unit's respondents as the report may print them: a region's sums of its countries' published counts, a country's published count. */
function unitCounts(input: ReportInput, unit: ProfileUnit, tr: Translator): { industry: string; education: string } {
  const minN = input.config.suppression.minN;
  const rows = publishedCountryCounts(input).filter((row) => (unit.level === 'country' ? row.country.country === unit.id : row.country.region === unit.id));
  const sum = (population: 'industry' | 'education') => {
    if (unit.level === 'country') return rows[0]?.[population].text ?? '0';
    const exact = rows.every((row) => row[population].low === row[population].high);
    const low = rows.reduce((total, row) => total + row[population].low, 0);
    const high = rows.reduce((total, row) => total + row[population].high, 0);
    return exact ? tr.count(low, minN) : `${tr.integer(low)}\u2013${tr.integer(high)}`;
  };
  return { industry: sum('industry'), education: sum('education') };
}
