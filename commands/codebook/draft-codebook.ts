/**
 * Drafts a source codebook from one export, for a person to review (`skillgap codebook init`):
 *
 *   columns ──metadata names──▶ respondent id, country, … (taken out first)
 *           ──consent, ranking, id, count, checkbox, multi-select──▶ never ratings (not-a-rating.ts)
 *           ──answers look like ratings, or are answer codes (A1…A5)──▶ rating columns; a battery
 *             of bare numbers or codes needs 3 distinct answers (1/2 is a choice, not a scale)
 *           ──question stem──▶ dimension   (else: the answers' words, shared by a question's columns)
 *           ──row text vs framework──▶ competency with a confidence (match-competency.ts)
 *   answers of the rating columns ──▶ draft scale (draft-scale.ts)
 *
 * A match with confidence below REVIEW_THRESHOLD is not put in the codebook's items: it is listed
 * for review with its best guess, since a wrong silent mapping would corrupt every statistic of
 * that competency. Two columns claiming the same competency and dimension keep the more
 * confident one; the other goes to review.
 */
import type { CompetencyFramework, Dimension, Population, RawColumn, RawTable, SourceCodebook } from '../../contracts/types.ts';
import { detectMetadataColumns } from './detect-metadata-columns.ts';
import { answerCounts, isToolMetadataColumn, looksLikeRatings, MAX_DISTINCT } from './rating-columns.ts';
import { questionTextOf } from './question-text.ts';
import { guessDimension, guessDimensionFromAnswers, type DimensionGuess } from './guess-dimension.ts';
import { matchCompetency, prepareCompetencies, type CompetencyMatch } from './match-competency.ts';
import { classifyAnswerLabel, draftScale, type DraftScale } from './draft-scale.ts';
import { whyNotRating, type NotRating } from './not-a-rating.ts';
import { isAnswerCode } from './answer-codes.ts';

/** Matches below this confidence are left for review rather than guessed. */
export const REVIEW_THRESHOLD = 0.5;

/** Which dimensions each population rates (contracts/types.ts, Dimension). */
const POPULATION_DIMENSIONS: Record<Population, Dimension[]> = {
  industry: ['importance', 'preparedness'],
  education: ['importance', 'coverage'],
};

export interface ColumnMatch {
  column: string;
  questionText: string;
  competency: string;
  dimension: Dimension;
  /** min(competency confidence, dimension confidence), 0–1. */
  confidence: number;
  competencyConfidence: number;
  dimensionConfidence: number;
  /** The stem word or answer label that gave the dimension. */
  dimensionEvidence: string;
  runnerUp?: { competency: string; confidence: number };
}

export interface ReviewEntry {
  column: string;
  reason: 'low_confidence' | 'unmatched' | 'duplicate' | 'dimension_not_for_population';
  note: string;
  guess?: { competency: string; dimension: Dimension | ''; confidence: number };
}

export interface CodebookDraft {
  /** The source codebook: metadata columns found and the confident items. Missing required columns are ``. */
  codebook: SourceCodebook;
  population: Population | undefined;
  scale: DraftScale;
  /** Every rating column's best match, confident or not, in export order. */
  matches: ColumnMatch[];
  /** Rating columns with no competency or no dimension found at all. */
  unmatchedColumns: string[];
  review: ReviewEntry[];
  /** The rating columns' answers the scale was drafted from (texts and answer codes → cells), to draft one scale over several exports. */
  answers: { labels: Map<string, number>; codes: Map<string, number> };
  /** Columns whose answers looked like ratings but which are not (consent, checkbox, count…), with why. */
  notRatings: ({ column: string } & NotRating)[];
}

export interface DraftOptions {
  population?: Population;
  /** Source id written into the draft (default: the table's). */
  sourceId?: string;
  /**
   * Dimension of a question, by question code (`Q4` → coverage) or column key, as the user gives it
   * (`codebook init --dimension Q4=coverage`), for questions whose stem and answers name no
   * dimension (a code-heading export with answer codes); words in the export win.
   */
  dimensions?: Record<string, Dimension>;
}

export function draftCodebook(table: RawTable, framework: CompetencyFramework, options: DraftOptions = {}): CodebookDraft {
  const metadata = detectMetadataColumns(table.columns);
  const metadataKeys = new Set(Object.values(metadata));
  const competencies = prepareCompetencies(framework.competencies);

  const notRatings: CodebookDraft['notRatings'] = [];
  // An SPSS export carries value labels (ingest's IngestedTable.spss): they tell categories from scale points.
  const spssColumns = (table as { spss?: { columns: { name: string; valueLabels: Record<string, string> }[] } }).spss?.columns ?? [];
  const valueLabels = new Map(spssColumns.map((column) => [column.name, column.valueLabels]));
  const candidates = table.columns.flatMap((column, index) => {
    if (metadataKeys.has(column.key) || isToolMetadataColumn(column.key)) return [];
    const counts = answerCounts(table, index, MAX_DISTINCT);
    if (!counts || counts.size === 0) return [];
    const codes = [...counts.keys()].every((answer) => isAnswerCode(answer) || classifyMissing(answer));
    if (!looksLikeRatings(counts) && !codes) return [];
    const notRating = whyNotRating(column, counts, valueLabels.get(column.key));
    if (notRating) {
      notRatings.push({ column: column.key, ...notRating });
      return [];
    }
    return [{ column, index, counts, codes: codes && !looksLikeRatings(counts), question: questionTextOf(column) }];
  });
  const ratingColumns = keepScaleBatteries(candidates, notRatings);

  // Columns of one question (Q3[SQ001], Q3[SQ002]…) share a dimension: pool their answers.
  const answersByQuestion = new Map<string, string[]>();
  for (const rating of ratingColumns) {
    if (rating.question.questionCode === '') continue;
    const pooled = answersByQuestion.get(rating.question.questionCode) ?? [];
    pooled.push(...rating.counts.keys());
    answersByQuestion.set(rating.question.questionCode, pooled);
  }

  const matches: ColumnMatch[] = [];
  const unmatchedColumns: string[] = [];
  const review: ReviewEntry[] = [];
  for (const { column, counts, question } of ratingColumns) {
    const given = options.dimensions?.[column.key] ?? (question.questionCode ? options.dimensions?.[question.questionCode] : undefined);
    const dimension: DimensionGuess | undefined =
      (question.stem ? guessDimension(question.stem) : undefined) ??
      guessDimensionFromAnswers(answersByQuestion.get(question.questionCode) ?? [...counts.keys()]) ??
      (given ? { dimension: given, confidence: 1, evidence: 'given with --dimension' } : undefined);
    const competency = question.row
      ? matchCompetency(question.row, competencies)
      : guessByPosition(column.key, question.questionCode, ratingColumns.map((rating) => rating.column.key), framework);
    if (!dimension || !competency) {
      unmatchedColumns.push(column.key);
      review.push({
        column: column.key,
        reason: 'unmatched',
        note: !competency ? 'no question text matches a competency: map it by hand or drop it' : 'no dimension word in the question or its answers',
        ...(competency ? { guess: { competency: competency.competency, dimension: '', confidence: 0 } } : {}),
      });
      continue;
    }
    const match: ColumnMatch = {
      column: column.key,
      questionText: question.text,
      competency: competency.competency,
      dimension: dimension.dimension,
      confidence: Math.min(competency.confidence, dimension.confidence),
      competencyConfidence: competency.confidence,
      dimensionConfidence: dimension.confidence,
      dimensionEvidence: dimension.evidence,
    };
    if (competency.runnerUp) match.runnerUp = competency.runnerUp;
    matches.push(match);
  }

  const population = options.population ?? guessPopulation(matches);
  const items = chooseItems(matches, population, review);
  const scaleAnswers = new Map<string, number>();
  const codeAnswers = new Map<string, number>();
  for (const { counts, codes } of ratingColumns) {
    for (const [label, count] of counts) {
      const into = codes && isAnswerCode(label) ? codeAnswers : scaleAnswers;
      into.set(label, (into.get(label) ?? 0) + count);
    }
  }

  const codebook: SourceCodebook = {
    source: options.sourceId ?? table.sourceId,
    columns: { respondentId: metadata.respondentId ?? '', country: metadata.country ?? '' },
    items,
  };
  for (const role of ['organisationType', 'weight', 'finished', 'progress', 'durationSeconds', 'status'] as const) {
    if (metadata[role]) codebook.columns[role] = metadata[role];
  }
  return { codebook, population, scale: draftScale(scaleAnswers, codeAnswers), answers: { labels: scaleAnswers, codes: codeAnswers }, matches, unmatchedColumns, review, notRatings };
}

interface RatingCandidate {
  column: RawColumn;
  index: number;
  counts: Map<string, number>;
  /** True when the answers are answer codes (A1…A5), not texts or numbers. */
  codes: boolean;
  question: ReturnType<typeof questionTextOf>;
}

/** Distinct answers a battery of bare numbers or answer codes needs to be a scale (1/2 or A1/A2 is a choice). */
const MIN_SCALE_POINTS = 3;

/** A heading that says the question is a rating, whatever its answers (`on a scale of 1 to 5`, `how likely`). */
const RATING_HEADING = /\bon a scale\b|\bscale of\b|\bscale from\b|\brate\b|\brating\b|\bhow likely\b|\bto what extent\b|\bhow (important|well|satisfied)\b|\bin welke mate\b|\bdans quelle mesure\b|\ben que medida\b|\bem que medida\b/i;

/**
 * Keeps the candidates whose battery (the columns of one question: same question code, else same
 * stem up to its first bracket) shows at least MIN_SCALE_POINTS distinct non-missing answers when
 * its answers are bare numbers or answer codes (unless the heading says it is a rating), and at
 * least two in any case once it has three answers (one single answer in every cell is no scale).
 */
function keepScaleBatteries(candidates: RatingCandidate[], notRatings: CodebookDraft['notRatings']): RatingCandidate[] {
  const batteryOf = (candidate: RatingCandidate) => candidate.question.questionCode || candidate.question.stem.split(/\s\[/)[0] || candidate.column.key;
  const points = new Map<string, Set<string>>();
  const cells = new Map<string, number>();
  for (const candidate of candidates) {
    const battery = batteryOf(candidate);
    const set = points.get(battery) ?? new Set<string>();
    for (const [answer, count] of candidate.counts) {
      if (classifyMissing(answer)) continue;
      set.add(answer.trim());
      cells.set(battery, (cells.get(battery) ?? 0) + count);
    }
    points.set(battery, set);
  }
  return candidates.filter((candidate) => {
    const bare = candidate.codes || [...candidate.counts.keys()].every((answer) => /^-?\d+(\.0+)?$/.test(answer.trim()) || classifyMissing(answer));
    const distinct = points.get(batteryOf(candidate))!.size;
    // A tiny export (one respondent) may show one answer per question; three equal answers or more is no scale.
    const needed = bare && !RATING_HEADING.test(candidate.question.text) ? MIN_SCALE_POINTS : (cells.get(batteryOf(candidate)) ?? 0) >= 3 ? 2 : 1;
    if (distinct >= needed) return true;
    notRatings.push({ column: candidate.column.key, reason: 'checkbox', note: `only ${distinct} distinct answer(s) in its question: a choice, not a scale` });
    return false;
  });
}

function classifyMissing(answer: string): boolean {
  const placed = classifyAnswerLabel(answer);
  return placed !== undefined && 'missing' in placed;
}

/** Confident matches become items; low-confidence, duplicate and off-population ones go to review. */
function chooseItems(matches: readonly ColumnMatch[], population: Population | undefined, review: ReviewEntry[]): SourceCodebook['items'] {
  const best = new Map<string, ColumnMatch>();
  for (const match of matches) {
    const guess = { competency: match.competency, dimension: match.dimension, confidence: match.confidence };
    if (match.confidence < REVIEW_THRESHOLD) {
      const runnerUp = match.runnerUp ? `; runner-up ${match.runnerUp.competency} (${match.runnerUp.confidence})` : '';
      const how = match.questionText === '' ? ' from its position among the sub-questions (the export has code headings, no question text)' : '';
      review.push({ column: match.column, reason: 'low_confidence', note: `best guess ${match.competency} / ${match.dimension} (${match.confidence})${how}${runnerUp}`, guess });
      continue;
    }
    if (population && !POPULATION_DIMENSIONS[population].includes(match.dimension)) {
      review.push({ column: match.column, reason: 'dimension_not_for_population', note: `${population} does not rate ${match.dimension}`, guess });
      continue;
    }
    const slot = `${match.competency}\u0000${match.dimension}`;
    const held = best.get(slot);
    if (!held || match.confidence > held.confidence) best.set(slot, match);
  }
  const kept = new Set(best.values());
  for (const match of matches) {
    const slot = best.get(`${match.competency}\u0000${match.dimension}`);
    if (slot && slot !== match && match.confidence >= REVIEW_THRESHOLD && !review.some((entry) => entry.column === match.column)) {
      review.push({
        column: match.column,
        reason: 'duplicate',
        note: `column ${slot.column} matches ${match.competency} / ${match.dimension} more closely`,
        guess: { competency: match.competency, dimension: match.dimension, confidence: match.confidence },
      });
    }
  }
  return matches.filter((match) => kept.has(match)).map(({ column, competency, dimension }) => ({ column, competency, dimension }));
}

/** Confidence of a competency guessed from the sub-question's position alone: always below REVIEW_THRESHOLD. */
const POSITION_CONFIDENCE = 0.3;

/**
 * A code-heading export (LimeSurvey `Q3[SQ007]`) carries no question text. When a question has
 * exactly as many sub-questions as the framework has competencies, the k-th sub-question is
 * guessed to be the k-th competency, at POSITION_CONFIDENCE, so it goes to review with a guess.
 */
function guessByPosition(key: string, questionCode: string, ratingKeys: readonly string[], framework: CompetencyFramework): CompetencyMatch | undefined {
  if (questionCode === '') return undefined;
  const siblings = ratingKeys.filter((other) => other.startsWith(`${questionCode}[`));
  const position = siblings.indexOf(key);
  if (siblings.length !== framework.competencies.length || position < 0) return undefined;
  return { competency: framework.competencies[position].id, confidence: POSITION_CONFIDENCE };
}

/** Preparedness is asked of industry only, coverage of education only (contracts/types.ts). */
function guessPopulation(matches: readonly ColumnMatch[]): Population | undefined {
  const preparedness = matches.filter((match) => match.dimension === 'preparedness').length;
  const coverage = matches.filter((match) => match.dimension === 'coverage').length;
  if (preparedness === coverage) return undefined;
  return preparedness > coverage ? 'industry' : 'education';
}
