/**
 * The executive summary, written from the numbers: every figure quoted is formatted from an
 * analysis value by stages/render/format.ts, and returned beside the text in `quoted` so a test can
 * check each one against the analysis. Sentences cover, in order: who answered, the largest
 * Global gaps, the largest gap per region, what is robustly top-ranked, and change since the
 * previous wave.
 */
import { translator } from './i18n/translator.ts';
import { publishableEstimates, regionsOf, type PublishableEstimate } from './figure-data.ts';
import type { ReportInput } from './report-input.ts';
import { countSuppressedRows } from '../../contracts/disclosure/disclosure-rule.ts';
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

function largestGaps(cells: PublishableEstimate[], count: number): PublishableEstimate[] {
  return cells
    .filter((cell) => !cell.suppressed)
    .sort((a, b) => b.mean! - a.mean! || a.competency.localeCompare(b.competency, 'en'))
    .slice(0, count);
}

export function writeExecutiveSummary(input: ReportInput): ExecutiveSummary {
  const quoted: QuotedNumber[] = [];
  const tr = translator(input.config.language);
  const { t, tp } = tr;
  const list = (items: string[]) => tr.list(items);
  const quote = (value: number, what: string, format: (value: number) => string = tr.estimate) => {
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
    t('summary.who', {
      wave: input.config.wave,
      industry: quote(industry, 'industry respondents', tr.integer),
      education: quote(education, 'education respondents', tr.integer),
      countries: quote(countries, 'countries', tr.integer),
    }),
  );

  const suppression = countSuppressedRows(input.analysis.estimates);
  const suppressedTotal = suppression.primary + suppression.secondary + suppression.derived;
  if (suppressedTotal > 0) {
    paragraphs.push(
      t('summary.suppression', {
        estimates: quote(input.analysis.estimates.length, 'estimates', tr.integer),
        primary: quote(suppression.primary, 'primary suppressions', tr.integer),
        minN: tr.integer(input.config.suppression.minN),
        effective: input.config.suppression.effectiveN ? t('summary.suppressionEffective') : '',
        secondary: quote(suppression.secondary, 'secondary suppressions', tr.integer),
        derived: quote(suppression.derived, 'derived suppressions', tr.integer),
      }),
    );
  }

  const globalCells = publishableEstimates(input.analysis, 'industry', 'gap_preparedness', 'Global');
  const top = largestGaps(globalCells, 3);
  if (top.length > 0) {
    const parts = top.map(
      (cell) => t('summary.globalTopItem', { competency: label(cell.competency), gap: quote(cell.mean!, `Global gap ${cell.competency}`), interval: tr.interval(cell.ciLow ?? cell.mean!, cell.ciHigh ?? cell.mean!) }),
    );
    paragraphs.push(t('summary.globalTop', { list: list(parts) }));
  }

  const regionSentences = regionsOf(input.analysis)
    .filter((region) => region !== 'Global')
    .map((region) => {
      const [largest] = largestGaps(publishableEstimates(input.analysis, 'industry', 'gap_preparedness', region), 1);
      return largest
        ? t('summary.regionLargest', { region: tr.region(region), competency: label(largest.competency), gap: quote(largest.mean!, `${region} gap ${largest.competency}`) })
        : t('summary.regionSuppressed', { region: tr.region(region) });
    });
  const notAsked = [...new Set(globalCells.filter((cell) => cell.notAsked).map((cell) => cell.competency))];
  if (regionSentences.length > 0) paragraphs.push(t('summary.byRegion', { sentences: regionSentences.join(' ') }));
  if (notAsked.length > 0) {
    paragraphs.push(tp('summary.notAsked', notAsked.length, { list: list(notAsked.map(label)) }));
  }

  const robust = input.analysis.rankings
    .filter((row) => row.region === 'Global' && !row.suppressed && Number.isFinite(row.rankSimultaneousHigh) && row.rankSimultaneousHigh <= ROBUST_TOP_RANK)
    .sort((a, b) => a.rank - b.rank);
  paragraphs.push(
    robust.length > 0
      ? tp('summary.robust', robust.length, { list: list(robust.map((row) => t('summary.robustItem', { competency: label(row.competency), mwds: quote(row.mwds, `MWDS ${row.competency}`) }))), top: ROBUST_TOP_RANK })
      : t('summary.noRobust', { top: ROBUST_TOP_RANK }),
  );

  const changes = gapChanges(input);
  if (changes.length > 0) {
    const widened = changes[0]!;
    const narrowed = changes[changes.length - 1]!;
    const previousWave = input.previousAnalysis!.wave;
    const sentences = [
      t('summary.widened', {
        previous: previousWave,
        competency: widened.label,
        change: quote(widened.change, `change ${widened.competency}`),
        before: quote(widened.previous, `previous gap ${widened.competency}`),
        now: quote(widened.current, `Global gap ${widened.competency}`),
      }),
    ];
    if (narrowed.change < 0) {
      sentences.push(t('summary.narrowed', { competency: narrowed.label, change: quote(-narrowed.change, `narrowing ${narrowed.competency}`) }));
    }
    paragraphs.push(sentences.join(' '));
  }
  return { paragraphs, quoted };
}
