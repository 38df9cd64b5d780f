/**
 * Solves A x = b for a small symmetric positive semi-definite A (p × p, row-major) by symmetric
 * Gaussian elimination (LDLᵀ) without pivoting, skipping a pivot that is ≤ 1e-12 × the largest
 * diagonal entry: the matching unknown is set to 0. For a consistent system with a singular A (two
 * margins that carry the same information) this gives one solution x; A x and every projection
 * X (XᵀDX)⁻XᵀD built from it are the same for any generalised inverse, which is all the calibration
 * and its residuals use (R uses MASS::ginv and qr.resid to the same effect).
 *
 * Reference: Golub, G. H. & Van Loan, C. F. (2013). Matrix Computations, 4th ed., §4.1–4.2.
 *
 * @example solveSymmetric(new Float64Array([4, 2, 2, 3]), new Float64Array([2, 1]), 2) // => [0.5, 0]
 */
export function solveSymmetric(matrix: Float64Array, rightHandSide: Float64Array, p: number): Float64Array {
  const a = Float64Array.from(matrix);
  const b = Float64Array.from(rightHandSide);
  let largest = 0;
  for (let j = 0; j < p; j++) largest = Math.max(largest, Math.abs(a[j * p + j]));
  const tolerance = 1e-12 * largest;
  const skipped = new Uint8Array(p);
  for (let k = 0; k < p; k++) {
    const pivot = a[k * p + k];
    if (!(pivot > tolerance)) {
      skipped[k] = 1;
      continue;
    }
    for (let i = k + 1; i < p; i++) {
      const factor = a[i * p + k] / pivot;
      if (factor === 0) continue;
      for (let j = k; j < p; j++) a[i * p + j] -= factor * a[k * p + j];
      b[i] -= factor * b[k];
    }
  }
  const x = new Float64Array(p);
  for (let k = p - 1; k >= 0; k--) {
    if (skipped[k]) continue;
    let sum = b[k];
    for (let j = k + 1; j < p; j++) sum -= a[k * p + j] * x[j];
    x[k] = sum / a[k * p + k];
  }
  return x;
}
