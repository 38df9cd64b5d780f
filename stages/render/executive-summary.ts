/**
 * The executive summary, written from the numbers: every figure quoted is formatted from an
 * analysis value by stages/render/format.ts, and returned beside the text in `quoted` so a test can
 * check each one against the analysis. Sentences cover, in order: who answered, the largest
 * Global gaps, the largest gap per region, what is robustly top-ranked, and change since the
 * previous wave.
 */
import { formatEstimate, formatInterval } from './format.ts';
import { publishableEstimates, regionsOf, type PublishableEstimate } from './figure-data.ts';
import type { ReportInput } from './report-input.ts';
import { countSuppressedRows } from '../analyse/disclosure/index.ts';
import { competencyLabel } from './theme.ts';
import { gapChanges } from './figures/wave-change.ts';

/** A number as printed in the summary and the analysis value it was formatted from. */
export interface QuotedNumber {
  text: string;
  value: number;
  what: string;
}

export interface ExecutiveSummary {
  paragraphs: string[];
  quoted: QuotedNumber[];
}

/**
 * A competency counts as robustly top-ranked when its whole simultaneous 95% confidence set for the
 * rank lies within the top 3 (simultaneous: the sentence names several competencies at once).
 */
export const ROBUST_TOP_RANK = 3;

function listInEnglish(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function largestGaps(cells: PublishableEstimate[], count: number): PublishableEstimate[] {
  return cells
    .filter((cell) => !cell.suppressed)
    .sort((a, b) => b.mean! - a.mean! || a.competency.localeCompare(b.competency, 'en'))
    .slice(0, count);
}

export function writeExecutiveSummary(input: ReportInput): ExecutiveSummary {
  const quoted: QuotedNumber[] = [];
  const quote = (value: number, what: string, format: (value: number) => string = formatEstimate) => {
    const text = format(value);
    quoted.push({ text, value, what });
    return text;
  };
  const label = (id: string) => competencyLabel(input.competencies, id);
  const paragraphs: string[] = [];

  const industry = input.respondentsByCountry.reduce((sum, country) => sum + country.industry, 0);
  const education = input.respondentsByCountry.reduce((sum, country) => sum + country.education, 0);
  // Respondents whose country is unknown (country code ``) are counted, but not as a country.
  const countries = input.respondentsByCountry.filter((country) => country.country !== '' && country.industry + country.education > 0).length;
  paragraphs.push(
    `This report covers wave ${input.config.wave}: ${quote(industry, 'industry respondents', String)} respondents from industry and ` +
      `${quote(education, 'education respondents', String)} from tertiary education in ${quote(countries, 'countries', String)} countries ` +
      `were kept after quality checks. The preparedness gap is the mean importance industry gives a competency minus the mean ` +
      `preparedness it sees in recent graduates, on the answer scale; a positive gap means graduates fall short.`,
  );

  const suppression = countSuppressedRows(input.analysis.estimates);
  const suppressedTotal = suppression.primary + suppression.secondary + suppression.derived;
  if (suppressedTotal > 0) {
    paragraphs.push(
      `Small cells stay secret: of ${quote(input.analysis.estimates.length, 'estimates', String)} estimates, ${quote(suppression.primary, 'primary suppressions', String)} are suppressed because ` +
        `fewer than ${input.config.suppression.minN} respondents gave a value${input.config.suppression.effectiveN ? ' or their weights count as fewer (Kish effective n)' : ''} (primary suppression), ${quote(suppression.secondary, 'secondary suppressions', String)} more so that no suppressed value can be ` +
        `computed back from totals and other regions (secondary suppression), and ${quote(suppression.derived, 'derived suppressions', String)} because they rest on a suppressed cell.`,
    );
  }

  const globalCells = publishableEstimates(input.analysis, 'industry', 'gap_preparedness', 'Global');
  const top = largestGaps(globalCells, 3);
  if (top.length > 0) {
    const parts = top.map(
      (cell) => `${label(cell.competency)} (${quote(cell.mean!, `Global gap ${cell.competency}`)}, 95% CI ${formatInterval(cell.ciLow ?? cell.mean!, cell.ciHigh ?? cell.mean!)})`,
    );
    paragraphs.push(`Globally, the largest preparedness gaps are in ${listInEnglish(parts)}.`);
  }

  const regionSentences = regionsOf(input.analysis)
    .filter((region) => region !== 'Global')
    .map((region) => {
      const [largest] = largestGaps(publishableEstimates(input.analysis, 'industry', 'gap_preparedness', region), 1);
      return largest
        ? `In ${region} it is ${label(largest.competency)} (${quote(largest.mean!, `${region} gap ${largest.competency}`)}).`
        : `In ${region} every cell is suppressed (disclosure control).`;
    });
  const notAsked = [...new Set(globalCells.filter((cell) => cell.notAsked).map((cell) => cell.competency))];
  if (regionSentences.length > 0) paragraphs.push(`The largest gap differs by region. ${regionSentences.join(' ')}`);
  if (notAsked.length > 0) {
    paragraphs.push(`This wave did not ask about ${listInEnglish(notAsked.map(label))}: ${notAsked.length === 1 ? 'it has' : 'they have'} no estimate here (not asked, not suppressed).`);
  }

  const robust = input.analysis.rankings
    .filter((row) => row.region === 'Global' && !row.suppressed && Number.isFinite(row.rankSimultaneousHigh) && row.rankSimultaneousHigh <= ROBUST_TOP_RANK)
    .sort((a, b) => a.rank - b.rank);
  paragraphs.push(
    robust.length > 0
      ? `Ranked by mean weighted discrepancy score (MWDS), ${listInEnglish(robust.map((row) => `${label(row.competency)} (MWDS ${quote(row.mwds, `MWDS ${row.competency}`)})`))} ` +
          `${robust.length === 1 ? 'is' : 'are'} robustly among the top ${ROBUST_TOP_RANK}: the simultaneous 95% confidence set for the ranks lies within the top ${ROBUST_TOP_RANK}.`
      : `No competency is robustly among the top ${ROBUST_TOP_RANK} by MWDS: every simultaneous 95% confidence set for the ranks reaches beyond rank ${ROBUST_TOP_RANK}.`,
  );

  const changes = gapChanges(input);
  if (changes.length > 0) {
    const widened = changes[0]!;
    const narrowed = changes[changes.length - 1]!;
    const previousWave = input.previousAnalysis!.wave;
    const sentences = [`Since wave ${previousWave}, the Global gap widened most for ${widened.label} (by ${quote(widened.change, `change ${widened.competency}`)}, from ${quote(widened.previous, `previous gap ${widened.competency}`)} to ${quote(widened.current, `Global gap ${widened.competency}`)}).`];
    if (narrowed.change < 0) {
      sentences.push(`It narrowed most for ${narrowed.label} (by ${quote(-narrowed.change, `narrowing ${narrowed.competency}`)}).`);
    }
    paragraphs.push(sentences.join(' '));
  }
  return { paragraphs, quoted };
}
