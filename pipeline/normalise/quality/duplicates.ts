/**
 * Duplicate responses: a response id seen before in the same source (the second and later copies
 * are excluded as `duplicate_response_id`), or a new id whose answers and metadata are identical
 * to an earlier response (`duplicate_answers`, e.g. a form submitted twice). The first occurrence
 * is kept. Rows listed in `skip` (blank rows) take no part.
 */
export function findDuplicates(
  responseIds: readonly string[],
  fingerprints: readonly string[],
  skip: Uint8Array,
): { byId: Uint8Array; byAnswers: Uint8Array } {
  const byId = new Uint8Array(responseIds.length);
  const byAnswers = new Uint8Array(responseIds.length);
  const seenIds = new Set<string>();
  const seenFingerprints = new Set<string>();
  for (let i = 0; i < responseIds.length; i++) {
    if (skip[i]) continue;
    const id = responseIds[i];
    if (id !== '' && seenIds.has(id)) {
      byId[i] = 1;
      continue;
    }
    if (id !== '') seenIds.add(id);
    const fingerprint = fingerprints[i];
    if (fingerprint !== '') {
      if (seenFingerprints.has(fingerprint)) byAnswers[i] = 1;
      else seenFingerprints.add(fingerprint);
    }
  }
  return { byId, byAnswers };
}
