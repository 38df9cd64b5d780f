/**
 * `respondents-map`: kept respondents (both populations) per country on an Equal Earth world map.
 * Counts are shown only as bins, and the first bin is `< minN`, so no small count is published.
 * Boundaries: world-atlas 2.0 `countries-110m` (Natural Earth 1:110m, public domain), read from
 * node_modules so rendering needs no network. Country ids there are UN M49 numeric codes.
 */
import { createRequire } from 'node:module';
import i18nCountries from 'i18n-iso-countries/index.js'; // the library without its 78 locales (translator.ts)
import type { TopLevelSpec } from 'vega-lite';
import type { FigureInput } from '../report-input.ts';
import { chartConfigFor } from '../theme.ts';
import { translator, type Translator } from '../i18n/translator.ts';
import { publishedCountryCounts } from '../published-counts.ts';

const require = createRequire(import.meta.url);
const worldTopology = require('world-atlas/countries-110m.json') as object;

const NO_RESPONDENTS = 'none';

/** Bin labels from small to large: `< minN`, then ranges from minN up, then `≥ last edge`. */
export function respondentBins(minN: number): { label: string; low: number; high: number }[] {
  // Bin edges are below 1000, so their digits are the same in every report language.
  const edges = [minN, ...[10, 25, 50, 100].filter((edge) => edge > minN)];
  const bins = [{ label: `< ${minN}`, low: 1, high: minN - 1 }];
  edges.forEach((edge, index) => {
    const next = edges[index + 1];
    bins.push(next === undefined ? { label: `≥ ${edge}`, low: edge, high: Infinity } : { label: `${edge}\u2013${next - 1}`, low: edge, high: next - 1 });
  });
  return bins;
}

export function respondentBin(total: number, minN: number, tr?: Translator): string {
  if (total <= 0) return tr ? noRespondents(tr) : NO_RESPONDENTS;
  return respondentBins(minN).find((bin) => total >= bin.low && total <= bin.high)!.label;
}

/** A country's colour class from its published total only: its bin, or "range" when the published range spans bins. */
export function publishedRespondentBin(total: { low: number; high: number }, minN: number, tr?: Translator): string {
  const low = respondentBin(total.low, minN, tr);
  return total.low === total.high || low === respondentBin(total.high, minN, tr) ? low : tr ? spansBins(tr) : SPANS_BINS;
}

const SPANS_BINS = 'range (see table)';
const noRespondents = (tr: Translator) => (tr.lang === 'en' ? NO_RESPONDENTS : tr.t('map.none'));
const spansBins = (tr: Translator) => (tr.lang === 'en' ? SPANS_BINS : tr.t('map.spansBins'));

export function buildRespondentsMap(input: FigureInput): TopLevelSpec {
  const minN = input.config.suppression.minN;
  const tr = translator(input.config.language);
  const { t } = tr;
  const bins = respondentBins(minN).map((bin) => bin.label);
  // Coloured from the published count only, so the map tells nothing the country table does not.
  const countries = publishedCountryCounts(input).flatMap(({ country, total }) => {
    const numeric = i18nCountries.alpha2ToNumeric(country.country);
    if (!numeric) return [];
    return [{ id: numeric.padStart(3, '0'), countryName: country.countryName, respondents: publishedRespondentBin(total, minN, tr) }];
  });
  const blues = ['#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c', '#08306b'];
  const range = ['#f2f2f2', ...blues.slice(blues.length - bins.length), '#bdbdbd'];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: chartConfigFor(tr),
    title: {
      text: t('map.title'),
      subtitle: [t('map.subtitle1', { minN: tr.integer(minN) }), t('map.subtitle2', { spans: spansBins(tr) })],
    },
    width: 560,
    height: 290,
    projection: { type: 'equalEarth' },
    data: { values: worldTopology, format: { type: 'topojson', feature: 'countries' } },
    transform: [
      { lookup: 'id', from: { data: { values: countries }, key: 'id', fields: ['respondents', 'countryName'] } },
      { calculate: `datum.respondents ? datum.respondents : ${tr.lang === 'en' ? `'${NO_RESPONDENTS}'` : JSON.stringify(noRespondents(tr))}`, as: 'respondents' },
    ],
    mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 0.4 },
    encoding: {
      color: {
        field: 'respondents',
        type: 'ordinal',
        title: t('map.respondents'),
        scale: { domain: [noRespondents(tr), ...bins, spansBins(tr)], range },
        legend: { orient: 'right', symbolType: 'square', symbolStrokeColor: '#888888', symbolStrokeWidth: 0.5 },
      },
      tooltip: [{ field: 'countryName', title: t('map.country') }, { field: 'respondents', title: t('map.respondents') }],
    },
  };
}
