import type { RawTable } from '../../contracts/types.ts';
import type { SpssColumnInfo, SpssMissingValues } from '../ingest/ingest-types.ts';
import type { RecodedAnswer } from './recode-answer.ts';

/**
 * SPSS answers through the codebook. Ingest keeps a .sav cell's raw value (`4`, `99`) and lists
 * each variable's value labels and user-defined missing values (stages/ingest/adapters/spss.ts);
 * system-missing is the empty cell. Here:
 * - a user-missing value is missing, never a number on the scale: its value label decides the
 *   reason through the codebook's missing labels ("Don't know" → dont_know), and a user-missing
 *   value whose label the codebook does not name is `not_applicable` (declared missing by the
 *   survey, reason unstated);
 * - any other value with a value label is recoded by its label first (so a codebook written in
 *   labels works whatever the numeric codes), then by its raw value;
 * - system-missing stays `blank`.
 */
export function spssAwareRecoder(info: SpssColumnInfo | undefined, recode: (cell: string) => RecodedAnswer): (cell: string) => RecodedAnswer {
  if (!info) return recode;
  return (cell: string) => {
    const text = cell.trim();
    if (text === '') return recode(cell);
    const label = info.valueLabels[text];
    if (isUserMissing(text, info.missingValues)) {
      const byLabel = label === undefined ? undefined : recode(label);
      const declared = byLabel && byLabel.missing !== null && byLabel.missing !== 'invalid' && byLabel.missing !== 'blank';
      return declared ? byLabel : { value: null, missing: 'not_applicable' };
    }
    if (label !== undefined) {
      const byLabel = recode(label);
      if (byLabel.missing !== 'invalid') return byLabel;
    }
    return recode(cell);
  };
}

/** Whether a raw SPSS value is one of the variable's declared user-missing values (discrete or range). */
export function isUserMissing(text: string, missing: SpssMissingValues): boolean {
  if ((missing.discrete as (number | string)[]).some((value) => String(value).trim() === text)) return true;
  if (missing.range) {
    const number = Number(text);
    return Number.isFinite(number) && number >= missing.range.low && number <= missing.range.high;
  }
  return false;
}

/** The SPSS metadata of a table's column, when the table came from a .sav file. */
export function spssColumnInfo(table: Pick<RawTable, 'columns'> & { spss?: { columns: SpssColumnInfo[] } }, columnIndex: number): SpssColumnInfo | undefined {
  const key = table.columns[columnIndex]?.key;
  return table.spss?.columns.find((column) => column.name === key);
}
