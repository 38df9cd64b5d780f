/** The fixed small dataset the R reference values were computed on (see each test's comment). */
export const y = new Float64Array([4, 5, NaN, 3, 2, 5, 4, NaN, 1, 3, 5, 4]);
export const x = new Float64Array([3, 5, 2, NaN, 2, 3, 4, 4, 1, NaN, 2, 4]);
export const w = new Float64Array([1.5, 2, 0.5, 1, 3, 1.2, 0.8, 2.5, 1, 1.7, 0.6, 2.2]);
/** region a = 0, b = 1, c = 2 */
export const region = new Int32Array([0, 0, 1, 1, 0, 2, 1, 2, 0, 1, 2, 0]);
/** organisation type u = 0, i = 1 (raking data) */
export const org = new Int32Array([0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 1]);
/*
R setup (R 4.x, survey 4.1.1):
d <- data.frame(y = c(4, 5, NA, 3, 2, 5, 4, NA, 1, 3, 5, 4), x = c(3, 5, 2, NA, 2, 3, 4, 4, 1, NA, 2, 4),
  w = c(1.5, 2, 0.5, 1, 3, 1.2, 0.8, 2.5, 1, 1.7, 0.6, 2.2),
  region = c("a","a","b","b","a","c","b","c","a","b","c","a"))
des <- svydesign(ids = ~1, weights = ~w, data = d)
*/
export function expectClose(actual: number, expected: number, relative = 1e-9): void {
  const scale = Math.max(Math.abs(expected), 1e-300);
  if (expected === 0 ? Math.abs(actual) > 1e-12 : Math.abs(actual - expected) / scale > relative) {
    throw new Error(`expected ${expected}, got ${actual} (relative error ${Math.abs(actual - expected) / scale})`);
  }
}
