/**
 * Text similarity for matching survey question text to competencies, computed locally (no
 * network, no model): both texts are reduced to content words (normalised, stop words of English,
 * French, Spanish and Portuguese removed, a few synonyms rewritten to the framework's words,
 * light suffix stemming), then compared two ways:
 *
 *   tokenCoverage(q, c) = Σ_{t ∈ q} max_{u ∈ c} match(t, u) / |q|     (share of the question's words found)
 *   trigramDice(a, b)   = 2 |G(a) ∩ G(b)| / (|G(a)| + |G(b)|)         (G = set of character 3-grams)
 *
 * match(t, u) is 1 for equal stems, 0.8 when one stem is a prefix of the other and at least 4
 * letters long ("team" / "teamwork", "crypto" / "cryptography"), else 0.
 * Dice's coefficient: L. R. Dice, "Measures of the amount of ecologic association between
 * species", Ecology 26(3), 1945; on character n-grams as in Kondrak, "N-gram similarity and
 * distance", SPIRE 2005.
 */
import { normaliseLabel } from '../../stages/normalise/normalise-label.ts';
import { SYNONYM_PHRASES } from './synonyms.ts';

const STOP_WORDS = new Set(
  (
    'a an and are as at be by each for from how in into is it its of on or the their them this to well what which with your you ' +
    'do does did have has skill skills graduate graduates entry level hire hired recent who' +
    ' other others new thing things ability abilities knowledge understanding handling' +
    ' le la les de des du et en un une pour dans est sont au aux par sur chaque votre vos leur' +
    ' el los las del y en un una para por con cada su sus que se' +
    ' o os as do da dos das e em um uma para por com cada seu sua seus'
  ).split(/\s+/),
);

/** Rewrites known variant phrases to the framework's words, then splits into content-word stems. */
export function contentStems(text: string): string[] {
  let normalised = ` ${normaliseLabel(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  for (const [phrase, replacement] of SYNONYM_PHRASES) normalised = normalised.replaceAll(` ${phrase} `, ` ${replacement} `);
  return normalised
    .split(' ')
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
    .map(stem);
}

/** Light stemming: plural and common derivational endings, enough for "forensics"/"forensic", "networks"/"network". */
export function stem(word: string): string {
  return word.replace(/(ations?|ing|ies|es|s)$/u, (suffix) => (word.length - suffix.length >= 4 ? '' : suffix)) || word;
}

function stemMatch(a: string, b: string): number {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short) ? 0.8 : 0;
}

/** Share of the query's content words found among the candidate's (each counted with its best match). */
export function tokenCoverage(queryStems: readonly string[], candidateStems: readonly string[]): number {
  if (queryStems.length === 0 || candidateStems.length === 0) return 0;
  let total = 0;
  for (const query of queryStems) {
    let best = 0;
    for (const candidate of candidateStems) best = Math.max(best, stemMatch(query, candidate));
    total += best;
  }
  return total / queryStems.length;
}

function trigrams(text: string): Set<string> {
  const padded = `  ${text} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** Dice coefficient of the character trigram sets of two texts (after normalisation). */
export function trigramDice(a: string, b: string): number {
  const gramsA = trigrams(normaliseLabel(a));
  const gramsB = trigrams(normaliseLabel(b));
  if (gramsA.size === 0 || gramsB.size === 0) return 0;
  let shared = 0;
  for (const gram of gramsA) if (gramsB.has(gram)) shared++;
  return (2 * shared) / (gramsA.size + gramsB.size);
}
