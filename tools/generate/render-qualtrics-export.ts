import type { Competency } from '../../contracts/types.ts';
import { DONT_KNOW_LABEL, INDUSTRY_ORGANISATION_TYPES, SCALE_LABELS, type AnswerScale } from './answer-labels.ts';
import { csvText, formatTimestamp } from './csv-text.ts';
import type { SimulatedAnswer, SimulatedRecord } from './simulate-respondents.ts';

/**
 * Renders the employer records as a Qualtrics "choice text" CSV export (BRIEF §5.1): UTF-8 with a
 * byte-order mark, CRLF, three header rows (export tags; question texts, matrix rows as
 * "<question> - <row>"; ImportId JSON), then one row per response.
 */
export const QUALTRICS_QUESTIONS = {
  country: 'In which country is your organisation based?',
  organisationType: 'Which of the following best describes your organisation?',
  importance: 'How important is each skill for an entry-level graduate hire?',
  preparedness: 'How well prepared are the recent graduates you have hired in each skill?',
  openText: 'Which skills do recent graduates most lack? Please tell us in your own words.',
} as const;

export const QUALTRICS_TIME_ZONE = 'Europe/Amsterdam';

/** [export tag, question text, ImportId JSON] of the metadata columns Qualtrics always exports. */
const METADATA_COLUMNS: readonly [string, string, string][] = [
  ['StartDate', 'Start Date', `{"ImportId":"startDate","timeZone":"${QUALTRICS_TIME_ZONE}"}`],
  ['EndDate', 'End Date', `{"ImportId":"endDate","timeZone":"${QUALTRICS_TIME_ZONE}"}`],
  ['Status', 'Response Type', '{"ImportId":"status"}'],
  ['IPAddress', 'IP Address', '{"ImportId":"ipAddress"}'],
  ['Progress', 'Progress', '{"ImportId":"progress"}'],
  ['Duration (in seconds)', 'Duration (in seconds)', '{"ImportId":"duration"}'],
  ['Finished', 'Finished', '{"ImportId":"finished"}'],
  ['RecordedDate', 'Recorded Date', `{"ImportId":"recordedDate","timeZone":"${QUALTRICS_TIME_ZONE}"}`],
  ['ResponseId', 'Response ID', '{"ImportId":"_recordId"}'],
  ['RecipientLastName', 'Recipient Last Name', '{"ImportId":"recipientLastName"}'],
  ['RecipientFirstName', 'Recipient First Name', '{"ImportId":"recipientFirstName"}'],
  ['RecipientEmail', 'Recipient Email', '{"ImportId":"recipientEmail"}'],
  ['ExternalReference', 'External Data Reference', '{"ImportId":"externalDataReference"}'],
  ['LocationLatitude', 'Location Latitude', '{"ImportId":"locationLatitude"}'],
  ['LocationLongitude', 'Location Longitude', '{"ImportId":"locationLongitude"}'],
  ['DistributionChannel', 'Distribution Channel', '{"ImportId":"distributionChannel"}'],
  ['UserLanguage', 'User Language', '{"ImportId":"userLanguage"}'],
];

export const qualtricsItemColumn = (question: 3 | 4, itemIndex: number): string => `Q${question}_${itemIndex + 1}`;

/** `rowLabels[k]` is the matrix row text of competency k (the survey's wording, which may differ from the label). */
export function renderQualtricsExport(records: readonly SimulatedRecord[], competencies: readonly Competency[], rowLabels: readonly string[]): Buffer {
  const tags = METADATA_COLUMNS.map((column) => column[0]);
  const texts = METADATA_COLUMNS.map((column) => column[1]);
  const importIds = METADATA_COLUMNS.map((column) => column[2]);
  const addColumn = (tag: string, text: string, importId: string) => {
    tags.push(tag);
    texts.push(text);
    importIds.push(`{"ImportId":"${importId}"}`);
  };
  addColumn('Q1', QUALTRICS_QUESTIONS.country, 'QID1_TEXT');
  addColumn('Q2', QUALTRICS_QUESTIONS.organisationType, 'QID2');
  competencies.forEach((_, k) => addColumn(qualtricsItemColumn(3, k), `${QUALTRICS_QUESTIONS.importance} - ${rowLabels[k]}`, `QID3_${k + 1}`));
  competencies.forEach((_, k) => addColumn(qualtricsItemColumn(4, k), `${QUALTRICS_QUESTIONS.preparedness} - ${rowLabels[k]}`, `QID4_${k + 1}`));
  addColumn('Q5', QUALTRICS_QUESTIONS.openText, 'QID5_TEXT');

  const rows: string[][] = [tags, texts, importIds];
  for (const record of records) rows.push(record.kind === 'blank_row' ? tags.map(() => '') : qualtricsRow(record));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(rows, '\r\n'), 'utf8')]);
}

function qualtricsRow(record: SimulatedRecord): string[] {
  const endMs = record.startMs + record.durationSeconds * 1000;
  // Qualtrics records an unfinished response when it closes it, a week after the last activity.
  const recordedMs = record.finished ? endMs + 1000 : endMs + 7 * 86_400_000;
  const preview = record.kind === 'test_response';
  return [
    formatTimestamp(record.startMs),
    formatTimestamp(endMs),
    preview ? 'Survey Preview' : 'IP Address',
    record.ip,
    String(record.progress),
    String(record.durationSeconds),
    record.finished ? 'True' : 'False',
    formatTimestamp(recordedMs),
    record.responseId,
    record.recipient?.lastName ?? '',
    record.recipient?.firstName ?? '',
    record.recipient?.email ?? '',
    record.recipient?.externalReference ?? '',
    record.coordinates?.[0] ?? '',
    record.coordinates?.[1] ?? '',
    preview ? 'preview' : record.recipient ? 'email' : 'anonymous',
    'EN',
    record.countryText,
    record.organisationTypeIndex >= 0 && record.lastPage >= 1 ? INDUSTRY_ORGANISATION_TYPES[record.organisationTypeIndex] : '',
    ...record.importance.map((answer) => answerText(answer, 'importance')),
    ...record.second.map((answer) => answerText(answer, 'preparedness')),
    record.openText,
  ];
}

function answerText(answer: SimulatedAnswer, scale: AnswerScale): string {
  if (answer === 'blank') return '';
  if (answer === 'dont_know') return DONT_KNOW_LABEL.en;
  if (answer === 'not_applicable') throw new Error('the Qualtrics sample offers no N/A option');
  return SCALE_LABELS[scale].en![answer - 1];
}
