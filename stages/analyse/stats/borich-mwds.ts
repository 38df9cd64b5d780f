/**
 * Borich mean weighted discrepancy score (MWDS) of one competency k:
 *   D_ik = I_ik − C_ik (importance minus competence/preparedness, complete pairs only),
 *   WDS_ik = D_ik · Ī_k,   MWDS_k = Σ_i WDS_ik / n_k = Ī_k · D̄_k,
 * with Ī_k the mean importance over every valid importance rating. With survey weights both means
 * are weighted (Ī_k,w · D̄_k,w), the design-consistent version of the same quantity. Competencies
 * are ranked by MWDS, descending (rank 1 = largest training need). No test is built in.
 *
 * Reference: Borich, G. D. (1980). A needs assessment model for conducting follow-up studies.
 * Journal of Teacher Education 31(3), 39–42. https://doi.org/10.1177/002248718003100310;
 * Caillouet, O. & Harder, A. (2021). Conducting the Needs Assessment #8: The Borich Model. UF/IFAS
 * EDIS WC415.
 *
 * @example borichMwds(4.5, 1.2) // => 5.4
 */
export function borichMwds(meanImportance: number, meanDiscrepancy: number): number {
  return meanImportance * meanDiscrepancy;
}
