/**
 * Nothing is silently lost: a source whose every row was excluded (or that had no row at all)
 * stops the run, saying why, unless wave.json marks the source `mayBeEmpty`. Without this a
 * whole population could vanish from the report with exit 0 (issue 12).
 *
 *   audit rows of a source ──count by reason──▶ "all 40 rows excluded as no_ratings (40): …"
 *
 * Pure: returns the problems; the normalise stage writes the audit first (so quality/audit.csv
 * explains every row) and then throws them as one ValidationError.
 */
import type { AuditRow, QualityReason, WaveConfig } from '../../contracts/types.ts';
import type { InputLocation } from '../../contracts/errors.ts';
import { normaliseMessages } from '../../contracts/messages/index.ts';

export interface SourceShape {
  sourceId: string;
  sourceFile: string;
  /** Rating columns of the codebook found in the export. */
  ratingColumns: number;
}

export function emptySourceProblems(audit: readonly AuditRow[], config: WaveConfig, sources: readonly SourceShape[]): { message: string; where: InputLocation }[] {
  const counts = new Map<string, { rows: number; kept: number; reasons: Map<QualityReason, number> }>();
  for (const row of audit) {
    let entry = counts.get(row.sourceFile);
    if (!entry) counts.set(row.sourceFile, (entry = { rows: 0, kept: 0, reasons: new Map() }));
    entry.rows++;
    if (row.status === 'kept') entry.kept++;
    for (const reason of row.reasons) entry.reasons.set(reason, (entry.reasons.get(reason) ?? 0) + 1);
  }
  const problems: { message: string; where: InputLocation }[] = [];
  for (const shape of sources) {
    const source = config.sources.find((s) => s.id === shape.sourceId);
    if (!source || source.mayBeEmpty === true) continue;
    const entry = counts.get(shape.sourceFile) ?? { rows: 0, kept: 0, reasons: new Map<QualityReason, number>() };
    if (entry.kept > 0) continue;
    if (entry.rows === 0) {
      problems.push({ message: normaliseMessages.sourceHasNoRows(source.id), where: { file: shape.sourceFile } });
      continue;
    }
    const reasons = [...entry.reasons].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b));
    const dominant = reasons.filter(([, count], i) => i === 0 || count * 4 >= entry.rows).slice(0, 3);
    problems.push({
      message: normaliseMessages.allRowsExcluded(entry.rows, dominant, reasons.length - dominant.length, explainReason(dominant[0][0], shape), source.id),
      where: { file: shape.sourceFile },
    });
  }
  return problems;
}

/** Why a reason took every row, in the words a researcher can act on. */
function explainReason(reason: QualityReason, shape: SourceShape): string {
  switch (reason) {
    case 'no_ratings':
      return shape.ratingColumns === 0
        ? 'the codebook maps no rating column of this file'
        : `no row has an answer the codebook's scale knows in the ${shape.ratingColumns} rating column(s) it maps (unknown labels are listed as warnings)`;
    case 'incomplete':
      return 'no response is marked finished with enough progress (quality.minProgress)';
    case 'duplicate_response_id':
    case 'duplicate_answers':
      return 'every row repeats another (quality.dropDuplicates)';
    case 'test_response':
      return 'every row is a preview or test response';
    case 'failed_attention_check':
      return "no row gives a passing answer to the codebook's attention checks";
    case 'speeder':
      return 'every row is faster than quality.speederFraction of the median duration';
    case 'straight_liner':
      return 'every row gives one answer to the whole grid (quality.straightLineMinItems)';
    case 'blank_row':
      return 'every row is blank';
  }
}
