import type { Competency } from '../../contracts/types.ts';
import { DONT_KNOW_LABEL, EDUCATION_ORGANISATION_TYPES, NOT_APPLICABLE_LABEL, SCALE_LABELS, type AnswerScale, type SurveyLanguage } from './answer-labels.ts';
import { csvText, formatTimestamp } from './csv-text.ts';
import type { SimulatedAnswer, SimulatedRecord } from './simulate-respondents.ts';

/**
 * Renders the education records as a LimeSurvey response export (BRIEF §5.2) with question-code
 * headings and long answer texts (sHeadingType=code, sResponseType=long), as LimeSurvey 5/6 writes
 * it: UTF-8 without byte-order mark, LF line ends, every field quoted, answers in the language the
 * respondent took the survey in. Timings were switched on, so the total time is the last column
 * (`interviewtime`, seconds). Incomplete responses have an empty `submitdate`.
 */
export const limesurveyItemColumn = (question: 3 | 4, itemIndex: number): string => `Q${question}[SQ${String(itemIndex + 1).padStart(3, '0')}]`;

/** Pages of the education questionnaire; a complete response has lastpage = 4. */
export const LIMESURVEY_PAGES = 4;

export function renderLimesurveyExport(records: readonly SimulatedRecord[], competencies: readonly Competency[]): string {
  const header = [
    'id', 'submitdate', 'lastpage', 'startlanguage', 'seed', 'startdate', 'datestamp', 'ipaddr', 'refurl', 'country', 'orgtype',
    ...competencies.map((_, k) => limesurveyItemColumn(3, k)),
    ...competencies.map((_, k) => limesurveyItemColumn(4, k)),
    'comments',
    'interviewtime',
  ];
  const rows: string[][] = [header];
  for (const record of records) rows.push(record.kind === 'blank_row' ? header.map(() => '') : limesurveyRow(record));
  return csvText(rows, '\n', true);
}

function limesurveyRow(record: SimulatedRecord): string[] {
  const endMs = record.startMs + record.durationSeconds * 1000;
  const language = record.language;
  return [
    record.responseId,
    record.finished ? formatTimestamp(endMs) : '',
    String(record.lastPage),
    language,
    record.toolSeed,
    formatTimestamp(record.startMs),
    formatTimestamp(endMs),
    record.ip,
    '',
    record.countryText,
    EDUCATION_ORGANISATION_TYPES[language][record.organisationTypeIndex],
    ...record.importance.map((answer) => answerText(answer, 'importance', language)),
    ...record.second.map((answer) => answerText(answer, 'coverage', language)),
    record.openText,
    record.durationSeconds.toFixed(2),
  ];
}

function answerText(answer: SimulatedAnswer, scale: AnswerScale, language: SurveyLanguage): string {
  if (answer === 'blank') return '';
  if (answer === 'dont_know') return DONT_KNOW_LABEL[language];
  if (answer === 'not_applicable') return NOT_APPLICABLE_LABEL[language];
  return SCALE_LABELS[scale][language]![answer - 1];
}
