import type { Codebook, Competency } from '../../contracts/types.ts';
import { allScaleLabels, MISSING_LABELS } from './answer-labels.ts';
import { qualtricsItemColumn } from './render-qualtrics-export.ts';
import { limesurveyItemColumn } from './render-limesurvey-export.ts';

export const INDUSTRY_SOURCE_ID = 'industry-qualtrics';
export const EDUCATION_SOURCE_ID = 'education-limesurvey';

/**
 * The codebook of a sample wave: every answer label in every language → 1–5, the missing-answer
 * labels, and per source which columns hold the id, country, status… and which hold ratings.
 * LimeSurvey has no progress percentage: `submitdate` (empty until submitted) marks finished.
 */
export function buildSampleCodebook(wave: string, competencies: readonly Competency[]): Codebook {
  return {
    wave,
    scale: { min: 1, max: 5, labels: allScaleLabels(), missing: { ...MISSING_LABELS } },
    sources: [
      {
        source: INDUSTRY_SOURCE_ID,
        columns: {
          respondentId: 'ResponseId',
          country: 'Q1',
          organisationType: 'Q2',
          finished: 'Finished',
          progress: 'Progress',
          durationSeconds: 'Duration (in seconds)',
          status: 'Status',
        },
        items: [
          ...competencies.map((competency, k) => ({ column: qualtricsItemColumn(3, k), competency: competency.id, dimension: 'importance' as const })),
          ...competencies.map((competency, k) => ({ column: qualtricsItemColumn(4, k), competency: competency.id, dimension: 'preparedness' as const })),
        ],
        // The open question is kept (e-mails and phone numbers typed into it redacted at ingest).
        keepText: ['Q5'],
      },
      {
        source: EDUCATION_SOURCE_ID,
        columns: {
          respondentId: 'id',
          country: 'country',
          organisationType: 'orgtype',
          finished: 'submitdate',
          durationSeconds: 'interviewtime',
        },
        items: [
          ...competencies.map((competency, k) => ({ column: limesurveyItemColumn(3, k), competency: competency.id, dimension: 'importance' as const })),
          ...competencies.map((competency, k) => ({ column: limesurveyItemColumn(4, k), competency: competency.id, dimension: 'coverage' as const })),
        ],
        keepText: ['comments'],
      },
    ],
  };
}
