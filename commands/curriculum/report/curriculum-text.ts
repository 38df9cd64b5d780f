/**
 * The words of the curriculum report: the basis sentence, the top-action sentence, "how to read
 * it" and "limits of the data". Kept apart from the layout so tests and the PDF quote the same
 * strings, and numbers go through stages/render/format.ts like everywhere else.
 */
import type { CurriculumComparison, CurriculumRow } from '../compare-curriculum.ts';
import { translator } from '../../../stages/render/i18n/translator.ts';

export interface CurriculumTextContext {
  minN: number;
  lowReliabilityN: number;
  scale: { min: number; max: number };
  regionScheme: string;
  wave: string;
  /** Output language; default English. */
  language?: string;
}

/** Which regions the demand came from, saying plainly where the region had too few answers. */
export function basisSentences(comparison: CurriculumComparison, context: CurriculumTextContext): string[] {
  const [first] = comparison.regionChain;
  const tr = translator(context.language);
  const { t, tp } = tr;
  const minN = tr.integer(context.minN);
  const region = tr.region(first!);
  const withDemand = comparison.rows.filter((row) => row.basis !== '');
  const sentences: string[] = [];
  const inFirst = withDemand.filter((row) => row.basis === first).length;
  if (inFirst === withDemand.length && withDemand.length > 0) {
    sentences.push(t('curriculum.basis.all', { region }));
  } else {
    if (inFirst > 0) sentences.push(tp('curriculum.basis.some', inFirst, { region }));
    for (const wider of comparison.regionChain.slice(1)) {
      const count = withDemand.filter((row) => row.basis === wider).length;
      if (count === 0) continue;
      sentences.push(tp('curriculum.basis.fallback', count, { region, minN, wider: wider === 'Global' ? t('curriculum.basis.global') : t('curriculum.basis.wider', { region: tr.region(wider) }) }));
    }
  }
  for (const wider of comparison.regionChain.slice(1)) {
    const count = comparison.rows.filter((row) => row.peerBasis === wider).length;
    if (count === 0) continue;
    sentences.push(tp('curriculum.peer.fallback', count, { region, minN, wider: wider === 'Global' ? t('curriculum.peer.global') : t('curriculum.peer.wider', { region: tr.region(wider) }) }));
  }
  const suppressed = comparison.rows.filter((row) => row.note === 'demand_suppressed').length;
  if (suppressed > 0) sentences.push(tp('curriculum.unranked', suppressed));
  return sentences;
}

export function topActionSentence(row: CurriculumRow | undefined, language?: string): string {
  const tr = translator(language);
  if (!row || row.rank === null) return tr.t('curriculum.noTop');
  return tr.t('curriculum.top', { competency: row.label, demand: tr.estimate(row.demandMean!), coverage: tr.estimate(row.coverage!), gap: tr.estimate(row.gap!), priority: tr.estimate(row.priority!) });
}

export function howToReadMarkdown(context: CurriculumTextContext): string {
  const { t } = translator(context.language);
  const { min, max } = context.scale;
  return [
    `## ${t('curriculum.read.title')}`,
    `- ${t('curriculum.read.demand', { min, max })}`,
    `- ${t('curriculum.read.coverage', { min, max })}`,
    `- ${t('curriculum.read.gap')}`,
    `- ${t('curriculum.read.priority')}`,
    `- ${t('curriculum.read.peer')}`,
    `- ${t('curriculum.read.basis', { minN: context.minN })}`,
  ].join('\n');
}

export function limitsMarkdown(context: CurriculumTextContext): string {
  const { t } = translator(context.language);
  return [
    `## ${t('curriculum.limits.title')}`,
    `- ${t('curriculum.limits.survey', { wave: context.wave })}`,
    `- ${t('curriculum.limits.lowRel', { lowN: context.lowReliabilityN, minN: context.minN })}`,
    `- ${t('curriculum.limits.interval')}`,
    `- ${t('curriculum.limits.scale')}`,
    `- ${t('curriculum.limits.peers')}`,
    `- ${t('curriculum.limits.regions')}`,
  ].join('\n');
}
