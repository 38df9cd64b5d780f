/**
 * Duplicate responses: a response id seen before in the same source (the second and later copies
 * are excluded as `duplicate_response_id`), or a new id whose answers and metadata are identical
 * to an earlier response (`duplicate_answers`, e.g. a form submitted twice). The first occurrence
 * is kept. Rows listed in `skip` (blank rows) take no part.
 *
 * "Identical" is decided by `RowKeys`: a 32-bit hash of each row's key, and an exact comparison
 * only between rows whose hashes are equal. At a million rows this replaces one fingerprint
 * string per row (≈ 200 characters, built from 60 number-to-text conversions) with a few integer
 * multiplications; with 2M rows a 32-bit hash collides a few hundred times, each settled exactly.
 */
import { MISSING_CODE_BASE } from '../../../contracts/answer-table.ts';

export interface RowKeys {
  /** False: the row has no key (nothing answered) and is never a duplicate by answers. */
  has(row: number): boolean;
  /** Equal keys must give equal hashes. */
  hash(row: number): number;
  equal(a: number, b: number): boolean;
}

export function findDuplicates(
  responseIds: readonly string[],
  keys: RowKeys | readonly string[],
  skip: Uint8Array,
): { byId: Uint8Array; byAnswers: Uint8Array } {
  const rowKeys = Array.isArray(keys) ? stringRowKeys(keys as readonly string[]) : (keys as RowKeys);
  const byId = new Uint8Array(responseIds.length);
  const byAnswers = new Uint8Array(responseIds.length);
  const seenIds = new RowsByHash(responseIds.length, (a, b) => responseIds[a] === responseIds[b]);
  const seenAnswers = new RowsByHash(responseIds.length, (a, b) => rowKeys.equal(a, b));
  for (let i = 0; i < responseIds.length; i++) {
    if (skip[i]) continue;
    if (responseIds[i] !== '' && seenIds.findOrAdd(i, fnv1aText(responseIds[i])) >= 0) {
      byId[i] = 1;
      continue;
    }
    if (rowKeys.has(i) && seenAnswers.findOrAdd(i, rowKeys.hash(i) >>> 0) >= 0) byAnswers[i] = 1;
  }
  return { byId, byAnswers };
}

/**
 * Rows seen, by hash: an open-addressing table (linear probing) of row + 1, at most half full, so
 * a lookup is a few array reads and never a boxed number or a string in a Map or Set (at two
 * million rows a Set of ids, growing and rehashing, cost more than the rest of the rule). A slot
 * whose hash matches but whose row is not `same` (a collision) just moves the probe on.
 */
class RowsByHash {
  private readonly rows: Int32Array;
  private readonly hashes: Uint32Array;
  private readonly mask: number;

  constructor(rowCount: number, private readonly same: (earlier: number, row: number) => boolean) {
    const size = tableSize(rowCount);
    this.rows = new Int32Array(size);
    this.hashes = new Uint32Array(size);
    this.mask = size - 1;
  }

  /** The earlier row with this hash that is the same as `row`; else records `row` and gives -1. */
  findOrAdd(row: number, hash: number): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const seen = this.rows[slot] - 1;
      if (seen < 0) {
        this.rows[slot] = row + 1;
        this.hashes[slot] = hash;
        return -1;
      }
      if (this.hashes[slot] === hash && this.same(seen, row)) return seen;
    }
  }
}

/** A power of two at least twice `rows` (so the table stays at most half full). */
function tableSize(rows: number): number {
  let size = 16;
  while (size < rows * 2) size *= 2;
  return size;
}

/** Row keys given as one fingerprint string per row ('' = no key). */
export function stringRowKeys(fingerprints: readonly string[]): RowKeys {
  return {
    has: (row) => fingerprints[row] !== '',
    hash: (row) => fnv1aText(fingerprints[row]),
    equal: (a, b) => fingerprints[a] === fingerprints[b],
  };
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a (32-bit) over UTF-16 code units. */
function fnv1aText(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/**
 * Row keys of a rating grid: two interned metadata ids per row (normalised country, organisation
 * type) and the row's `itemCount` answer codes (row-major; contracts/answer-table.ts). Every code
 * without a value counts as the same "missing", whatever its reason: two submissions are the same
 * answers when their values are. FNV-1a over the bytes (Fowler, Noll, Vo).
 */
export function gridRowKeys(countryIds: Int32Array, organisationIds: Int32Array, codes: Uint8Array, itemCount: number, answered: Uint8Array): RowKeys {
  const keyOf = (code: number) => (code >= MISSING_CODE_BASE ? MISSING_CODE_BASE : code);
  return {
    has: (row) => answered[row] === 1,
    hash(row) {
      let hash = Math.imul(FNV_OFFSET ^ countryIds[row], FNV_PRIME);
      hash = Math.imul(hash ^ organisationIds[row], FNV_PRIME);
      for (let i = row * itemCount, end = i + itemCount; i < end; i++) hash = Math.imul(hash ^ keyOf(codes[i]), FNV_PRIME);
      return hash >>> 0;
    },
    equal(a, b) {
      if (countryIds[a] !== countryIds[b] || organisationIds[a] !== organisationIds[b]) return false;
      for (let i = 0, at = a * itemCount, bt = b * itemCount; i < itemCount; i++) {
        if (keyOf(codes[at + i]) !== keyOf(codes[bt + i])) return false;
      }
      return true;
    },
  };
}
