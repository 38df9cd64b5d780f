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
import { rankIntervalsAltText, regionGapsAltText } from '../figure-alt-text.ts';
import { publishableEstimates, suppressedNText } from '../figure-data.ts';
import { buildLikert, hasLikertData } from '../figures/likert.ts';
import { buildRankIntervals } from '../figures/rank-intervals.ts';
import { buildRegionGaps } from '../figures/region-gaps.ts';
import { formatCount, formatEstimate, formatInterval } from '../format.ts';
import { slug } from '../html/html-markup.ts';
import { publishedCountryCounts } from '../published-counts.ts';
import type { ReportInput } from '../report-input.ts';
import { competencyLabel } from '../theme.ts';
import { profileText } from './profile-text.ts';

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

/** The input the report's figure builders see for one unit: Global and the unit, the unit named as a region. */
export function unitView(input: ReportInput, unit: ProfileUnit): ReportInput {
  const analysis = input.analysis;
  if (unit.level === 'region') {
    const keep = <T extends { region: string }>(rows: readonly T[]) => rows.filter((row) => row.region === GLOBAL || row.region === unit.id);
    return { ...input, analysis: { ...analysis, estimates: keep(analysis.estimates), rankings: keep(analysis.rankings), distributions: keep(analysis.distributions ?? []), frameworks: [] } };
  }
  const countries = analysis.countries ?? { estimates: [], distributions: [], rankings: [] };
  const own = <T extends { region: string; country?: string }>(rows: readonly T[]) => rows.filter((row) => row.country === unit.id).map((row) => ({ ...row, region: unit.name }));
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
  /** The chart's alternative text (PDF Figure /Alt, HTML aria-label), from the numbers where a writer exists (figure-alt-text.ts). */
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
  const values = { unit: unit.name, wave: input.config.wave, k: minN, kMinus: minN - 1, lowN };
  const label = (id: string) => competencyLabel(input.competencies, id);

  const counts = unitCounts(input, unit);
  const lead = [
    profileText('subheading', { level: profileText(unit.level === 'region' ? 'levelRegion' : 'levelCountry'), wave: input.config.wave, study: input.config.title }),
    profileText('respondentsLine', { ...values, industry: counts.industry, education: counts.education }),
    ...(unit.region ? [profileText('regionOfCountry', { ...values, region: unit.region })] : []),
  ];

  const gaps = publishableEstimates(view.analysis, 'industry', 'gap_preparedness', unit.name);
  const globalGaps = publishableEstimates(view.analysis, 'industry', 'gap_preparedness', GLOBAL);
  const gapRows = input.competencies.flatMap((competency) => {
    const cell = gaps.find((row) => row.competency === competency.id);
    if (!cell) return [];
    const global = globalGaps.find((row) => row.competency === competency.id);
    const globalText = global && !global.suppressed ? formatEstimate(global.mean!) : '–';
    if (cell.suppressed) return [{ sort: -Infinity, cells: [label(competency.id), '–', '–', globalText, cell.notAsked ? '–' : suppressedNText(cell, minN), profileText(cell.notAsked ? 'noteNotAsked' : 'noteSuppressed')] }];
    return [{
      sort: cell.mean!,
      cells: [label(competency.id), formatEstimate(cell.mean!), cell.ciLow === null || cell.ciHigh === null ? '' : formatInterval(cell.ciLow, cell.ciHigh), globalText, formatCount(cell.n!, minN), cell.lowReliability ? profileText('noteLowReliability') : ''],
    }];
  });
  gapRows.sort((a, b) => b.sort - a.sort || a.cells[0]!.localeCompare(b.cells[0]!, 'en'));
  const published = gaps.filter((cell) => !cell.suppressed).length;

  const rankings = view.analysis.rankings
    .filter((row) => row.region === unit.name && !row.suppressed && Number.isFinite(row.rank))
    .sort((a, b) => a.rank - b.rank || a.competency.localeCompare(b.competency, 'en'))
    .slice(0, TOP_NEEDS);
  const rankText = (low: number, high: number) => (low === high ? String(low) : profileText('rankSet', { low, high }));

  const answers = (['industry', 'education'] as Population[]).map((population) => ({ population, shown: hasLikertData(view.analysis, population, unit.name) }));

  const sections: ProfileSection[] = [
    {
      id: 'gaps',
      heading: profileText('gapsHeading'),
      intro: [profileText('gapsIntro')],
      figures: published > 0 ? [{ id: 'gaps', title: profileText('figureGapsTitle', values), alt: regionGapsAltText(view, unit.name).text, spec: buildRegionGaps(view, unit.name) }] : [],
      tables: [{
        id: 'table-gaps',
        caption: profileText('gapsTableCaption', values),
        columns: [
          { header: profileText('columnCompetency'), width: 0.34 }, { header: profileText('columnGap'), numeric: true, width: 0.1 }, { header: profileText('columnInterval'), numeric: true, width: 0.2 },
          { header: profileText('columnGlobal'), numeric: true, width: 0.12 }, { header: profileText('columnN'), numeric: true, width: 0.1 }, { header: profileText('columnNote'), width: 0.14 },
        ],
        rows: gapRows.map((row) => row.cells),
      }],
    },
    {
      id: 'needs',
      heading: profileText('needsHeading'),
      intro: [profileText(rankings.length > 0 ? 'needsIntro' : 'needsNone', values)],
      figures: rankings.length > 0 ? [{ id: 'needs', title: profileText('figureNeedsTitle', values), alt: rankIntervalsAltText(view, unit.name).text, spec: buildRankIntervals(view, unit.name) }] : [],
      tables: rankings.length > 0 ? [{
        id: 'table-needs',
        caption: profileText('needsTableCaption', { ...values, count: rankings.length }),
        columns: [{ header: profileText('columnRank'), numeric: true, width: 0.1 }, { header: profileText('columnCompetency'), width: 0.5 }, { header: profileText('columnMwds'), numeric: true, width: 0.15 }, { header: profileText('columnRankSet'), numeric: true, width: 0.25 }],
        rows: rankings.map((row) => [String(row.rank), label(row.competency), formatEstimate(row.mwds), rankText(row.rankCiLow, row.rankCiHigh)]),
      }] : [],
    },
    {
      id: 'answers',
      heading: profileText('answersHeading', values),
      intro: [
        profileText('answersIntro'),
        ...answers.filter((side) => !side.shown).map((side) => profileText('answersNone', { ...values, population: profileText(side.population === 'industry' ? 'populationIndustry' : 'populationEducation') })),
      ],
      figures: answers.filter((side) => side.shown).map((side) => ({
        id: `answers-${side.population}`,
        title: profileText(side.population === 'industry' ? 'figureIndustryAnswersTitle' : 'figureEducationAnswersTitle', values),
        alt: profileText(side.population === 'industry' ? 'figureIndustryAnswersTitle' : 'figureEducationAnswersTitle', values),
        spec: buildLikert(view, side.population, unit.name),
      })),
      tables: [],
    },
    {
      id: 'caveats',
      heading: profileText('caveatsHeading'),
      intro: [
        profileText('caveatSuppression', values),
        profileText('caveatLowReliability', values),
        profileText('caveatCounts', { ...values, published, total: gaps.length, suppressed: gaps.length - published }),
        profileText('caveatSample', values),
        profileText('caveatMethods', values),
      ],
      figures: [],
      tables: [],
    },
  ];
  return { unit, title: profileText('documentTitle', values), heading: profileText('heading', values), lead, sections, publishedGaps: published };
}

/** The unit's respondents as the report may print them: a region's sums of its countries' published counts, a country's published count. */
function unitCounts(input: ReportInput, unit: ProfileUnit): { industry: string; education: string } {
  const minN = input.config.suppression.minN;
  const rows = publishedCountryCounts(input).filter((row) => (unit.level === 'country' ? row.country.country === unit.id : row.country.region === unit.id));
  const sum = (population: 'industry' | 'education') => {
    if (unit.level === 'country') return rows[0]?.[population].text ?? '0';
    const exact = rows.every((row) => row[population].low === row[population].high);
    const low = rows.reduce((total, row) => total + row[population].low, 0);
    const high = rows.reduce((total, row) => total + row[population].high, 0);
    return exact ? formatCount(low, minN) : `${low}\u2013${high}`;
  };
  return { industry: sum('industry'), education: sum('education') };
}
