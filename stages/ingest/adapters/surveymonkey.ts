/**
 * SurveyMonkey exports (CSV and XLSX, "expanded" layout): two header rows. Row 1 holds the
 * question text only above a question's first column (blank over its continuation columns), so
 * it is carried forward; row 2 holds `Response`, `Open-Ended Response`, or the option / matrix-row
 * label. Keys are `<question> - <option>`; for the one-column answer labels (`Response`,
 * `Open-Ended Response`) and for metadata columns with no row-2 label, the key is the question
 * alone, since the option adds nothing. Label is row 2 (or the question when row 2 is blank).
 * Reference: SurveyMonkey help, "Understanding exported data" (help.surveymonkey.com/en/surveymonkey/analyze/export-format/).
 */
import type { RawColumn } from '../../../contracts/types.ts';
import type { ExportAdapter } from '../ingest-types.ts';
import { finishColumns, headerCell, headerWidth } from './column-keys.ts';

const SINGLE_ANSWER_LABELS = new Set(['response', 'open-ended response']);

export const surveymonkeyAdapter: ExportAdapter = {
  format: 'surveymonkey',
  headerRecordsNeeded: 2,
  resolveHeader(records) {
    const columns: RawColumn[] = [];
    let question = '';
    for (let index = 0; index < headerWidth(records.slice(0, 2)); index++) {
      const above = headerCell(records[0], index).trim();
      const below = headerCell(records[1], index).trim();
      if (above !== '') question = above;
      const ownQuestion = above !== '' ? above : question;
      let key: string;
      if (below === '' || SINGLE_ANSWER_LABELS.has(below.toLowerCase())) key = ownQuestion;
      else key = ownQuestion === '' ? below : `${ownQuestion} - ${below}`;
      columns.push({ key, label: below !== '' ? below : ownQuestion });
    }
    return { headerRows: 2, ...finishColumns(columns) };
  },
};
