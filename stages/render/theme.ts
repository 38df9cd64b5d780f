/**
 * The one chart theme every figure shares: an embedded font (DejaVu Sans, so PNG, SVG and PDF look
 * the same on every machine and cover scripts beyond Latin-1), colour-blind-safe palettes, a
 * diverging gap scale centred on zero, and the competency order and labels.
 *
 * Palettes: categorical colours are Okabe & Ito (2008) "Color Universal Design",
 * https://jfly.uni-koeln.de/color/ ; the diverging gap scheme is ColorBrewer-derived `blueorange`
 * (distinguishable under deuteranopia and protanopia). Charts also print values or use shapes, so
 * they stay legible in greyscale print.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Config } from 'vega-lite/build/src/config.js';
import type { Competency } from '../../contracts/types.ts';
import type { Translator } from './i18n/translator.ts';

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** Absolute paths of the embedded fonts (npm package dejavu-fonts-ttf). */
export const FONT_FILES = {
  regular: path.join(fontDir, 'DejaVuSans.ttf'),
  bold: path.join(fontDir, 'DejaVuSans-Bold.ttf'),
} as const;

export const FONT_FAMILY = 'DejaVu Sans';

/** Okabe–Ito colours, black first removed (used for text). */
export const CATEGORY_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#0072B2', '#D55E00', '#CC79A7', '#F0E442'];

/** One colour per population, the same in every figure. */
export const POPULATION_COLOURS = { industry: '#0072B2', education: '#D55E00' } as const;

/** Fill of suppressed cells: mid grey, distinct from every value of the diverging scheme's centre. */
export const SUPPRESSED_FILL = '#bdbdbd';

/** Diverging scheme for gaps: blue = over-prepared (negative), orange = shortfall (positive), white at 0. */
export const GAP_SCHEME = 'blueorange';

/**
 * A line of an axis label longer than this is truncated with an ellipsis (Vega's estimate of
 * DejaVu Sans widths runs wide, so this is a little above the widest wrapped line); full names
 * are in the tooltip and the report's competency key.
 */
export const LABEL_LIMIT_PX = 190;

/** Competency labels longer than this many characters wrap onto a second line at the last space that fits. */
export const WRAP_AT_CHARS = 22;

/** Line height of wrapped axis labels (10 px font). */
const LABEL_LINE_HEIGHT = 11;

/**
 * A Vega expression that wraps an axis label into two lines at the last space within the first
 * `maxChars` + 1 characters (Vega draws an array of strings as lines). Labels without such a space
 * stay on one line; a second line longer than the label limit is truncated with an ellipsis.
 * Written as an expression, not as pre-split data, so the spec's data keep the full names and the
 * chart wraps the same way when someone edits it in the Vega editor.
 */
export function wrapLabelExpression(maxChars = WRAP_AT_CHARS): string {
  const cut = `lastindexof(substring(datum.label, 0, ${maxChars + 1}), ' ')`;
  return `length(datum.label) > ${maxChars} && ${cut} > 0 ? [substring(datum.label, 0, ${cut}), substring(datum.label, ${cut} + 1)] : datum.label`;
}

/** Axis properties of a categorical competency axis whose labels wrap. */
export const wrappedLabelAxis = { labelExpr: wrapLabelExpression(), labelLineHeight: LABEL_LINE_HEIGHT } as const;

/** Where `wrapLabelExpression` would split a label (the same rule, in TypeScript): its lines. */
export function wrapLabel(label: string, maxChars = WRAP_AT_CHARS): string[] {
  const cut = label.slice(0, maxChars + 1).lastIndexOf(' ');
  return label.length > maxChars && cut > 0 ? [label.slice(0, cut), label.slice(cut + 1)] : [label];
}

/**
 * Row step of a chart with one competency per row: 20 px, or 24 px when a label wraps. Vega
 * hangs a wrapped label's second line below the band centre, so the taller step keeps it clear
 * of the next row's label.
 */
export function competencyRowStep(labels: readonly string[]): number {
  return labels.some((label) => wrapLabel(label).length > 1) ? 24 : 20;
}

export const chartConfig: Config = {
  font: FONT_FAMILY,
  background: 'white',
  padding: 8,
  view: { stroke: null },
  title: { fontSize: 14, fontWeight: 'bold', anchor: 'start', subtitleFontSize: 11, subtitleColor: '#444' },
  axis: { labelFontSize: 10, titleFontSize: 11, labelLimit: LABEL_LIMIT_PX, gridColor: '#e5e5e5', domainColor: '#555', tickColor: '#555' },
  legend: { labelFontSize: 10, titleFontSize: 11, labelLimit: 220 },
  range: { category: CATEGORY_COLOURS },
  text: { fontSize: 9 },
};

/**
 * The chart config in a report language: English charts use chartConfig as it is; other languages
 * add Vega's number locale (decimal comma, grouping, percent sign spacing), so axis labels,
 * tooltips and `format()` in expressions print numbers as the tables do.
 */
export function chartConfigFor(tr: Pick<Translator, 'lang' | 'vegaNumberLocale'>): Config {
  return tr.lang === 'en' ? chartConfig : { ...chartConfig, locale: { number: tr.vegaNumberLocale } };
}

/** The competency label for an id (the id itself when the framework does not know it). */
export function competencyLabel(competencies: Competency[], id: string): string {
  return competencies.find((competency) => competency.id === id)?.label ?? id;
}

/** Labels in framework order: the order every categorical competency axis uses unless sorted by a value. */
export function competencyLabelOrder(competencies: Competency[]): string[] {
  return competencies.map((competency) => competency.label);
}
