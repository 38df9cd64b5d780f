/**
 * Groups the non-missing entries of a respondents × competencies matrix by cell (region block ×
 * competency, plus the `Global` block), in one counting pass and one fill pass: cell c's values are
 * values[offsets[c] .. offsets[c+1]). The rank tests then read each cell as a subarray, with no
 * per-cell filtering of the whole table.
 */
export function groupByCell(
  matrix: Float64Array,
  rowDomain: Int32Array,
  competencies: number,
  domainCount: number,
): { offsets: Int32Array; values: Float64Array } {
  const cells = (domainCount + 1) * competencies;
  const globalOffset = domainCount * competencies;
  const offsets = new Int32Array(cells + 1);
  const rows = rowDomain.length;
  for (let row = 0; row < rows; row++) {
    const domainOffset = rowDomain[row] * competencies;
    for (let k = 0; k < competencies; k++) {
      const value = matrix[row * competencies + k];
      if (value !== value) continue;
      offsets[globalOffset + k + 1]++;
      if (domainOffset >= 0) offsets[domainOffset + k + 1]++;
    }
  }
  for (let cell = 0; cell < cells; cell++) offsets[cell + 1] += offsets[cell];
  const cursor = offsets.slice(0, cells);
  const values = new Float64Array(offsets[cells]);
  for (let row = 0; row < rows; row++) {
    const domainOffset = rowDomain[row] * competencies;
    for (let k = 0; k < competencies; k++) {
      const value = matrix[row * competencies + k];
      if (value !== value) continue;
      values[cursor[globalOffset + k]++] = value;
      if (domainOffset >= 0) values[cursor[domainOffset + k]++] = value;
    }
  }
  return { offsets, values };
}
