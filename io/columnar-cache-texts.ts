/**
 * The text structures of the columnar cache writer (columnar-cache.ts): a plain column's cells of
 * one group encoded to UTF-8 as they arrive, the per-cell lookup of a column's known texts, and
 * flat copies of the texts a dictionary keeps.
 */
/**
 * A plain column's cells of the current group, encoded as they arrive rather than kept as strings
 * until the group is written: the parser's cells are slices of its chunk of text, so 16,384 rows
 * of kept strings meant young-generation survivors and promotions for every group.
 */
export class PlainBytes {
  bytes = Buffer.alloc(1 << 16);
  used = 0;
  readonly ends: Uint32Array;

  constructor(rows: number) {
    this.ends = new Uint32Array(rows);
  }

  append(row: number, text: string): void {
    const length = text.length;
    if (this.used + length * 3 > this.bytes.length) {
      const grown = Buffer.alloc(Math.max(this.used + length * 3, this.bytes.length * 2));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    // Short ASCII texts (ids, timestamps, numbers) byte by byte: cheaper than a call into Buffer#write.
    let at = this.used;
    let i = 0;
    if (length <= 64) {
      const bytes = this.bytes;
      for (; i < length; i++) {
        const code = text.charCodeAt(i);
        if (code >= 0x80) break;
        bytes[at + i] = code;
      }
    }
    at += i === length ? length : this.bytes.write(text, at, 'utf8');
    this.used = at;
    this.ends[row] = at;
  }
}

/**
 * The distinct raw texts of a column and their indexes, for the per-cell lookup. The parser's
 * cells are slices of its chunk of text (two-byte when the chunk holds any character above
 * U+00FF), and `Map#get` hashes such a slice through a runtime call: ≈ 120 ns a cell on the 100k
 * education export, as much as parsing the cell. So:
 *   - a text shorter than SHORT_TEXT is compared (`===`) with the few known texts of its length,
 *     and a length no known text has is a miss without looking at the characters;
 *   - a longer text, or one whose length more than BUCKET_LIMIT known texts share (ids), is
 *     looked up as a key of a null-prototype object, which V8 resolves through its table of
 *     internalised strings: about half the Map's cost. Any string is a valid property key and
 *     equal strings are the same key.
 * (Tried and slower: a hash table of our own over charCodeAt; comparing with every known text.)
 */
export class TextTable {
  private readonly texts: string[] = [];
  /** Per text length below SHORT_TEXT: the indexes of the texts of that length, or null once there are too many. */
  private readonly byLength: (number[] | null | undefined)[] = new Array(SHORT_TEXT);
  private readonly indexes: Record<string, number> = Object.create(null) as Record<string, number>;

  get size(): number {
    return this.texts.length;
  }

  /** Index of `text`, or -1. */
  find(text: string): number {
    const length = text.length;
    if (length < SHORT_TEXT) {
      const bucket = this.byLength[length];
      if (bucket === undefined) return -1;
      if (bucket !== null) {
        for (let i = 0; i < bucket.length; i++) if (this.texts[bucket[i]] === text) return bucket[i];
        return -1;
      }
    }
    const index = this.indexes[text];
    return index === undefined ? -1 : index;
  }

  /** Adds a text not in the table (as a flat copy); its index is the previous size. */
  add(text: string): void {
    const index = this.texts.length;
    const owned = ownCopy(text);
    this.texts.push(owned);
    this.indexes[owned] = index;
    const length = owned.length;
    if (length >= SHORT_TEXT) return;
    const bucket = this.byLength[length];
    if (bucket === undefined) this.byLength[length] = [index];
    else if (bucket !== null) {
      if (bucket.length < BUCKET_LIMIT) bucket.push(index);
      else this.byLength[length] = null;
    }
  }
}

/** Texts at least this long are looked up through the object only. */
const SHORT_TEXT = 64;
/** Known texts of one length compared one by one before that length is looked up through the object. */
const BUCKET_LIMIT = 8;


/**
 * A dictionary text as a string of its own. The parser's cells are slices of its chunk of text:
 * kept in a dictionary, a slice would keep that whole chunk (≈ 1 MiB) alive, and comparing fresh
 * cells with a slice is slower than with a flat string. A string used as a property key is
 * internalised by V8, which makes a flat copy.
 */
export function ownCopy(text: string): string {
  const holder: Record<string, true> = Object.create(null) as Record<string, true>;
  holder[text] = true;
  return Object.keys(holder)[0];
}
