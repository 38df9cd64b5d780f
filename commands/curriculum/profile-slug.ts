/**
 * The folder name of a profile's outputs (out/<wave>/curriculum/<slug>/): institution and
 * programme folded to ASCII, lower case, words joined by `-`, at most 80 characters (cut between words).
 * Letters without a Unicode decomposition get their usual transliteration (Đ → d, Ł → l, ß → ss);
 * a name with no Latin letters at all (e.g. 東京大学) falls back to `profile-<8 hex of SHA-256>`,
 * so every profile gets a stable, distinct folder.
 */
import { createHash } from 'node:crypto';

const TRANSLITERATION: Record<string, string> = { đ: 'd', ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd', ı: 'i', ħ: 'h' };

export function profileSlug(institution: string, programme: string): string {
  const name = [institution, programme].filter(Boolean).join(' ');
  const folded = name
    .toLowerCase()
    .replace(/[đłøßæœþðıħ]/g, (letter) => TRANSLITERATION[letter]!)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Cut at the last word boundary within 80 characters, so no word is cut in half.
  const slug = folded.length <= 80 ? folded : folded.slice(0, 81).replace(/-[^-]*$/, '');
  return slug || `profile-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}
