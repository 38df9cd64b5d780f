/**
 * Checking a new wave's exports against its codebook, before running it: the `skillgap validate`
 * handler (commands/validate-command.ts), quiet unless asked to log.
 */
import { validateCommand, type ValidationReport } from '../commands/validate-command.ts';
import type { WaveSelection } from './wave-selection.ts';

export interface ValidateExportsOptions extends Omit<WaveSelection, 'out'> {
  /** Export files to check (against the codebook source each fits best) instead of the wave's own. */
  inputs?: string[];
}

/**
 * Per export: format and the evidence for it, rows, personal-data columns dropped, and against
 * the codebook the items found, unmapped rating-like columns, unknown answer labels and
 * out-of-range values. Warnings (unknown labels…) are in the report; an export that cannot be
 * used at all throws ValidationError listing every problem, as `skillgap validate` exits 1.
 *
 * @example
 * ```ts
 * const report = await validateExports({ wave: '2023' });
 * report.files.map((f) => [f.sourceId, f.codebook?.unknownLabels.length]);
 * ```
 */
export async function validateExports(options: ValidateExportsOptions = {}): Promise<ValidationReport> {
  return validateCommand({ wave: options.wave, config: options.config, inputs: options.inputs, log: options.log ?? (() => {}) });
}
