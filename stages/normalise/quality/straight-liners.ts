import { DIMENSION_COUNT, MISSING_CODE_BASE } from '../../../contracts/answer-table.ts';

/**
 * A straight-liner gives the identical answer to every item of a grid (here: all the ratings of one
 * dimension) while answering at least `minItems` of them. Returns true when any grid is straight-lined.
 *
 * `codes` are answer codes (contracts/answer-table.ts: one code per value, so equal values are
 * equal codes; codes from MISSING_CODE_BASE on have no value and are skipped), the row's items at
 * `offset …`, item i rating dimension `itemDimensions[i]` (index into DIMENSIONS).
 */
export function isStraightLiner(codes: Uint8Array, offset: number, itemDimensions: Uint8Array, minItems: number): boolean {
  if (!(minItems > 0)) return false;
  const first = scratch;
  first.fill(-1, 0, DIMENSION_COUNT);
  const count = scratch.subarray(DIMENSION_COUNT, 2 * DIMENSION_COUNT).fill(0);
  const same = scratch.subarray(2 * DIMENSION_COUNT).fill(1);
  for (let item = 0; item < itemDimensions.length; item++) {
    const code = codes[offset + item];
    if (code >= MISSING_CODE_BASE) continue;
    const grid = itemDimensions[item];
    if (count[grid]++ === 0) first[grid] = code;
    else if (code !== first[grid]) same[grid] = 0;
  }
  for (let grid = 0; grid < DIMENSION_COUNT; grid++) if (same[grid] && count[grid] >= minItems) return true;
  return false;
}

/** first code, count and "all the same" per dimension, reused between rows (millions of calls). */
const scratch = new Int32Array(3 * DIMENSION_COUNT);
