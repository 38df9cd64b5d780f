/**
 * The words of the curriculum report: the basis sentence, the top-action sentence, "how to read
 * it" and "limits of the data". Kept apart from the layout so tests and the PDF quote the same
 * strings, and numbers go through stages/render/format.ts like everywhere else.
 */
import type { CurriculumComparison, CurriculumRow } from '../../../commands/curriculum/compare-curriculum.ts';
import { formatEstimate } from '../format.ts';

export interface CurriculumTextContext {
  minN: number;
  lowReliabilityN: number;
  scale: { min: number; max: number };
  regionScheme: string;
  wave: string;
}

/** Which regions the demand came from, saying plainly where the region had too few answers. */
export function basisSentences(comparison: CurriculumComparison, context: CurriculumTextContext): string[] {
  const [first] = comparison.regionChain;
  const withDemand = comparison.rows.filter((row) => row.basis !== '');
  const sentences: string[] = [];
  const inFirst = withDemand.filter((row) => row.basis === first).length;
  if (inFirst === withDemand.length && withDemand.length > 0) {
    sentences.push(`Industry demand for every competency comes from industry respondents in ${first}.`);
  } else {
    if (inFirst > 0) sentences.push(`Industry demand for ${inFirst} competenc${inFirst === 1 ? 'y' : 'ies'} comes from industry respondents in ${first}.`);
    for (const wider of comparison.regionChain.slice(1)) {
      const count = withDemand.filter((row) => row.basis === wider).length;
      if (count === 0) continue;
      sentences.push(
        `For ${count} competenc${count === 1 ? 'y' : 'ies'}, ${first} had fewer than ${context.minN} industry answers (too few to publish), so demand comes from ${wider === 'Global' ? 'all industry respondents (Global)' : `the wider region ${wider}`}; the Basis column says which.`,
      );
    }
  }
  for (const wider of comparison.regionChain.slice(1)) {
    const count = comparison.rows.filter((row) => row.peerBasis === wider).length;
    if (count === 0) continue;
    sentences.push(
      `For ${count} competenc${count === 1 ? 'y' : 'ies'}, fewer than ${context.minN} education respondents in ${first} rated coverage, so the peer percentile compares with ${wider === 'Global' ? 'all education respondents (Global)' : `education respondents in ${wider}`}.`,
    );
  }
  const suppressed = comparison.rows.filter((row) => row.note === 'demand_suppressed').length;
  if (suppressed > 0) sentences.push(`${suppressed} competenc${suppressed === 1 ? 'y has' : 'ies have'} too few industry answers even globally and cannot be ranked.`);
  return sentences;
}

export function topActionSentence(row: CurriculumRow | undefined): string {
  if (!row || row.rank === null) return 'No competency could be ranked: the profile rates none that has published industry demand.';
  return `Top action: ${row.label} (demand ${formatEstimate(row.demandMean!)}, coverage ${formatEstimate(row.coverage!)}, gap ${formatEstimate(row.gap!)}, priority ${formatEstimate(row.priority!)}).`;
}

export function howToReadMarkdown(context: CurriculumTextContext): string {
  const { min, max } = context.scale;
  return [
    '## How to read it',
    `- **Demand** is the weighted mean importance industry respondents gave the competency for an entry-level graduate, on the survey scale ${min}–${max}, with its 95% confidence interval and the number of industry answers (n).`,
    `- **Coverage** is what your profile says about how well the programme covers the competency, on the same scale (${min} = not covered, ${max} = covered in depth).`,
    '- **Gap** = demand − coverage. A positive gap means industry values the competency more than the programme covers it; a negative gap means coverage beyond what industry asks.',
    '- **Priority** = demand × (demand − coverage), the Borich needs-assessment score for one programme: an equal gap counts more on a competency industry values highly. The action list is sorted by priority, largest first; ties are broken by the gap, then by demand.',
    '- **Peer percentile** places your coverage among the coverage answers of education respondents in the same region: 100 × (lower + ½ × equal) / n. 50 means as much coverage as the typical peer; a low percentile with a high priority is the clearest signal to act.',
    `- **Basis** names the region whose industry answers give the demand. When your region has fewer than ${context.minN} industry answers for a competency, that cell is suppressed and a wider region (or Global) is used instead; the peer percentile follows the same rule with education answers.`,
  ].join('\n');
}

export function limitsMarkdown(context: CurriculumTextContext): string {
  return [
    '## Limits of the data',
    `- The demand figures are survey estimates from wave ${context.wave}, not a census of employers: respondents chose to answer, and weights correct only for what the wave's weighting knows about.`,
    `- Estimates from fewer than ${context.lowReliabilityN} industry answers are marked “low rel.”: their intervals are wide and the ranking between close priorities can change with a few answers. Cells with fewer than ${context.minN} answers are never shown.`,
    '- The confidence interval is for demand only. Coverage is one self-assessment of one programme, with no interval, so a small gap may be within the uncertainty of demand; compare the gap with the width of the interval before acting on it.',
    '- Importance and coverage share an answer scale but not a meaning: a 4 for importance and a 4 for coverage are comparable only as far as respondents read the scale alike.',
    '- Peers are the education respondents of the survey, who may not resemble your institution (size, level, discipline); each counts once, unweighted.',
    '- Regions are those of the wave’s region scheme. Industry in a large region may value competencies differently from industry in your country.',
  ].join('\n');
}
