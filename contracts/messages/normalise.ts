import { quoteCell } from './quote-cell.ts';

const listRows = (rows: number[]) => (rows.length <= 5 ? rows.join(', ') : `${rows.slice(0, 5).join(', ')} and ${rows.length - 5} more`);

export const sourceNotInCodebook = (sourceId: string) =>
  `source "${sourceId}" has no entry in the wave's codebook: add a codebook source with "source": "${sourceId}"`;
export const missingItemColumn = (column: string) =>
  `rating column ${quoteCell(column)} of the codebook is not in the export; its competency has no answers from this source`;
const weightRule = (maxWeight: number, maxRatio: number) =>
  `a weight must be a finite number > 0, at most ${maxWeight.toExponential()} and at most ${maxRatio.toLocaleString('en')} × the median weight of its source`;
const weightFix = 'fix the export or remove the weight column from the codebook';
const weightShown = (text: string) => (text.trim() === '' ? 'blank' : `"${text.trim().slice(0, 30)}"`);
export const badWeight = (text: string, maxWeight: number, maxRatio: number) =>
  `the weight is ${weightShown(text)}: ${weightRule(maxWeight, maxRatio)}; ${weightFix}`;
export const weightTooLarge = (text: string, maxWeight: number, maxRatio: number) =>
  `the weight ${weightShown(text)} is above ${maxWeight.toExponential()}: ${weightRule(maxWeight, maxRatio)}; ${weightFix}`;
export const weightOutOfProportion = (text: string, ratio: number, median: number, maxWeight: number, maxRatio: number) =>
  `the weight ${weightShown(text)} is ${ratio.toPrecision(3)} × the median weight of this source (${median}): ${weightRule(maxWeight, maxRatio)}; ${weightFix}`;
export const unknownLabel = (label: string, rows: number[]) =>
  `unknown answer label ${quoteCell(label)} in ${rows.length} row(s) (rows ${listRows(rows)}): treated as missing (invalid); add it to the codebook's scale labels or missing labels`;
export const unknownCountry = (countryMessage: string, rows: number[]) =>
  `${countryMessage} in ${rows.length} row(s) (rows ${listRows(rows)}): kept with region "Unknown"`;
export const unknownCompetency = (competency: string) =>
  `competency "${competency}" is not in data/competencies.json; fix the codebook or add it to the framework`;
export const itemSlotTwice = (competency: string, dimension: string, first: string, second: string) =>
  `columns "${first}" and "${second}" both rate competency "${competency}", ${dimension}: a respondent has one answer per competency and dimension; map one of them to another competency or remove it from the codebook`;
export const sourceHasNoRows = (sourceId: string) =>
  `source "${sourceId}" has no data rows, so its population would be reported without it: export the responses again, or set "mayBeEmpty": true on the source in wave.json`;
export const allRowsExcluded = (rows: number, reasons: [string, number][], otherReasons: number, why: string, sourceId: string) =>
  `all ${rows} rows excluded as ${reasons.map(([reason, count]) => `${reason} (${count})`).join(', ')}${otherReasons > 0 ? ` and ${otherReasons} other reason(s)` : ''}: ${why}; ` +
  `see quality/audit.csv and run \`skillgap validate\` (or set "mayBeEmpty": true on source "${sourceId}" in wave.json if it may have no respondents)`;
