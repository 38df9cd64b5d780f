import type { Dimension } from '../../../contracts/types.ts';

/**
 * One export's rows after column resolution and answer recoding, before any quality rule: what
 * the rules look at. Item values are row-major: `values[row * itemCount + item]`, NaN = missing.
 */
export interface ParsedSource {
  sourceId: string;
  sourceFile: string;
  rowCount: number;
  itemCount: number;
  itemDimensions: Dimension[];
  sourceRows: number[];
  responseIds: string[];
  blank: Uint8Array;
  /** 1 finished, 0 not finished, -1 unknown (no such column). */
  finished: Int8Array;
  /** Percent 0–100; NaN unknown. */
  progress: Float64Array;
  /** Seconds; NaN unknown. */
  durationSeconds: Float64Array;
  status: string[];
  values: Float64Array;
  /** Fingerprint of the answers and metadata, for duplicate submissions under a new id. */
  fingerprints: string[];
}
