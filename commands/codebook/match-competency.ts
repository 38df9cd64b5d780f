/**
 * Which competency a question's row text is about. Each competency is scored against the text:
 *
 *   labelScore = max(tokenCoverage(text, label ∪ id words), trigramDice(text, label))
 *   score      = max(labelScore, 0.6 · labelScore + 0.4 · tokenCoverage(text, label ∪ id ∪ description))
 *
 * so the label and id count fully and the description only helps a reworded item ("Reading logs
 * without missing anything" → attention-to-detail). The confidence of the best match discounts
 * a close runner-up, since then the text does not tell the two apart:
 *
 *   confidence = best − second / 2          runner-up's confidence = max(0, second − best / 2)
 *
 * (an unrivalled exact match is 1; two equal candidates get best / 2 each). Our own heuristic;
 * thresholds were tuned on the sample waves' wordings, not on a published benchmark.
 */
import type { Competency } from '../../contracts/types.ts';
import { contentStems, tokenCoverage, trigramDice } from './text-similarity.ts';

export interface CompetencyScore {
  competency: string;
  score: number;
}

export interface CompetencyMatch {
  competency: string;
  confidence: number;
  runnerUp?: { competency: string; confidence: number };
}

interface PreparedCompetency {
  id: string;
  label: string;
  labelStems: string[];
  allStems: string[];
}

/** Stems every competency once, so matching many columns does not redo it. */
export function prepareCompetencies(competencies: readonly Competency[]): PreparedCompetency[] {
  return competencies.map((competency) => {
    const labelStems = [...new Set([...contentStems(competency.label), ...contentStems(competency.id.replaceAll('-', ' '))])];
    return { id: competency.id, label: competency.label, labelStems, allStems: [...new Set([...labelStems, ...contentStems(competency.description)])] };
  });
}

/** Every competency's score for the text, best first. */
export function scoreCompetencies(text: string, competencies: readonly PreparedCompetency[]): CompetencyScore[] {
  const stems = contentStems(text);
  return competencies
    .map((competency) => {
      const labelScore = Math.max(tokenCoverage(stems, competency.labelStems), trigramDice(text, competency.label));
      const withDescription = 0.6 * labelScore + 0.4 * tokenCoverage(stems, competency.allStems);
      return { competency: competency.id, score: Math.max(labelScore, withDescription) };
    })
    .sort((a, b) => b.score - a.score || a.competency.localeCompare(b.competency));
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** The best competency for the text with its confidence (0–1), and the runner-up's; undefined when nothing scores. */
export function matchCompetency(text: string, competencies: readonly PreparedCompetency[]): CompetencyMatch | undefined {
  const [best, second] = scoreCompetencies(text, competencies);
  if (!best || best.score <= 0) return undefined;
  const secondScore = second?.score ?? 0;
  const match: CompetencyMatch = { competency: best.competency, confidence: round(best.score - secondScore / 2) };
  if (second && second.score > 0) {
    match.runnerUp = { competency: second.competency, confidence: round(Math.max(0, secondScore - best.score / 2)) };
  }
  return match;
}
