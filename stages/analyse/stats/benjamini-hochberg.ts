/**
 * Benjamini–Hochberg adjusted p-values (q-values) controlling the false discovery rate, as
 * statsmodels `multipletests(p, method='fdr_bh')[1]` and R `p.adjust(p, "BH")`:
 *   sort p ascending as p_(1) ≤ … ≤ p_(m);  q_(i) = min_{j ≥ i} min(1, m·p_(j)/j).
 * NaN p-values (suppressed or untestable cells) are left out of the family and get NaN, so m counts
 * only real tests. Reject H0 where q ≤ α.
 *
 * Reference: Benjamini, Y. & Hochberg, Y. (1995). Controlling the false discovery rate: a practical
 * and powerful approach to multiple testing. JRSS B 57(1), 289–300.
 *
 * @example benjaminiHochberg(new Float64Array([0.01, 0.04, 0.03, 0.005]))
 * // => Float64Array [0.02, 0.04, 0.04, 0.02]
 */
export function benjaminiHochberg(pValues: Float64Array): Float64Array {
  const qValues = new Float64Array(pValues.length).fill(NaN);
  let familySize = 0;
  for (let i = 0; i < pValues.length; i++) if (pValues[i] === pValues[i]) familySize++;
  const order = new Uint32Array(familySize);
  for (let i = 0, k = 0; i < pValues.length; i++) if (pValues[i] === pValues[i]) order[k++] = i;
  order.sort((a, b) => pValues[a] - pValues[b]);
  let runningMinimum = 1;
  for (let position = familySize - 1; position >= 0; position--) {
    const index = order[position];
    runningMinimum = Math.min(runningMinimum, (familySize * pValues[index]) / (position + 1));
    qValues[index] = runningMinimum;
  }
  return qValues;
}
