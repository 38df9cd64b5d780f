import type { Dimension } from '../../types.ts';

/**
 * A straight-liner gives the identical answer to every item of a grid (here: all the ratings of one
 * dimension) while answering at least `minItems` of them. Returns true when any grid is straight-lined.
 */
export function isStraightLiner(
  values: Float64Array,
  offset: number,
  itemDimensions: readonly Dimension[],
  minItems: number,
): boolean {
  if (!(minItems > 0)) return false;
  const grids = new Map<Dimension, { first: number; count: number; same: boolean }>();
  for (let item = 0; item < itemDimensions.length; item++) {
    const value = values[offset + item];
    if (Number.isNaN(value)) continue;
    const grid = grids.get(itemDimensions[item]);
    if (!grid) grids.set(itemDimensions[item], { first: value, count: 1, same: true });
    else {
      grid.count++;
      if (value !== grid.first) grid.same = false;
    }
  }
  for (const grid of grids.values()) if (grid.same && grid.count >= minItems) return true;
  return false;
}
