/**
 * LimeSurvey CSV exports ("CSV" and "R (data file)"), comma or semicolon separated, one header
 * row of question codes (`Q3[SQ004]`, `id`, `submitdate`), full question text
 * (`Question text [Subquestion]`), or both ("question code & question text":
 * `id. Response ID`, `Q3[SQ004]. Question text [Subquestion]`). A code header becomes the key with
 * an empty label; a text header is both key and label; a "code. text" header, in a file whose
 * headers all have that shape, gives the code as key and the text as label. Answers (codes or labels, `-oth-`, multi-select `1`/`0` where
 * 0 is "not selected" and blank is "not shown") are kept as written for normalise to interpret.
 * Reference: LimeSurvey manual, "Exporting results" (manual.limesurvey.org/Exporting_results).
 */
import type { ExportAdapter } from '../ingest-types.ts';
import { limeCodeDotHeading } from '../detect-format.ts';
import { finishColumns, headerCell, headerWidth } from './column-keys.ts';

const CODE_HEADER = /^[A-Za-z][A-Za-z0-9_]*(\[[A-Za-z0-9_]+\]){0,2}$/;

export const limesurveyAdapter: ExportAdapter = {
  format: 'limesurvey',
  headerRecordsNeeded: 1,
  resolveHeader(records) {
    const headers = Array.from({ length: headerWidth(records.slice(0, 1)) }, (_, index) => headerCell(records[0], index));
    const codeAndText = headers.length > 0 && headers.every((header) => header.trim() === '' || limeCodeDotHeading(header) !== undefined);
    const columns = headers.map((header) => {
      const split = codeAndText ? limeCodeDotHeading(header) : undefined;
      if (split) return { key: split.code, label: split.text };
      return { key: header, label: CODE_HEADER.test(header) ? '' : header };
    });
    return { headerRows: 1, ...finishColumns(columns) };
  },
};
