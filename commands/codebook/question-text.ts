/**
 * The question text of an export column, split into the question stem ("How important is each
 * skill…") and the matrix row or sub-question ("Teamwork"), as each tool writes it:
 *   Qualtrics        label "<question> - <row label>" (key is the export tag `Q3_1`)
 *   LimeSurvey       full-text heading "Question [Subquestion]" (a code heading `Q3[SQ001]` has no text)
 *   Google Forms     "Question [Row]"
 *   SurveyMonkey     key "<question> - <option>", label the option alone
 *   generic          the column key
 * The stem tells the dimension; the row tells the competency.
 */
import type { RawColumn } from '../../contracts/types.ts';
import { normaliseLabel } from '../../stages/normalise/normalise-label.ts';

export interface QuestionText {
  /** The whole text used for matching (stem and row). */
  text: string;
  stem: string;
  row: string;
  /** Question code of a code heading (`Q3` of `Q3[SQ001]`), else ``: columns of one question share it. */
  questionCode: string;
}

const CODE_HEADING = /^([A-Za-z][A-Za-z0-9_]*)\[([A-Za-z0-9_]+)\]$/;
/** Qualtrics matrix export tag `Q3_1`: question `Q3`, row 1. */
const MATRIX_TAG = /^([A-Za-z]+\d+)_\d+$/;
const BRACKETED_ROW = /^(.*\S)\s*\[([^\]]+)\]\s*$/s;

export function questionTextOf(column: RawColumn): QuestionText {
  const key = column.key.trim();
  const code = CODE_HEADING.exec(key) ?? MATRIX_TAG.exec(key);
  const label = column.label.trim();
  // SurveyMonkey: the key carries question and option, the label only the option.
  const text = label !== '' && !(key.length > label.length && normaliseLabel(key).includes(normaliseLabel(label))) ? label : key;
  if (code && label === '' && CODE_HEADING.test(key)) return { text: '', stem: '', row: '', questionCode: code[1] };
  const bracketed = BRACKETED_ROW.exec(text);
  if (bracketed) return { text, stem: bracketed[1], row: bracketed[2].trim(), questionCode: code?.[1] ?? '' };
  const dash = text.lastIndexOf(' - ');
  if (dash > 0) return { text, stem: text.slice(0, dash).trim(), row: text.slice(dash + 3).trim(), questionCode: code?.[1] ?? '' };
  return { text, stem: text, row: text, questionCode: code?.[1] ?? '' };
}
