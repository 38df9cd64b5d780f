/**
 * What "no English left" means for a translated output: the fragments of English catalogue messages
 * (stages/render/i18n/en.ts) that the language words differently. Each message is cut at its
 * placeholders (and Markdown `**`); a piece of 12 characters or more that appears nowhere in the
 * language's catalogue is a fragment, long enough to be unambiguous, so finding one in a French text
 * means an English message (or part of one) was printed instead of the French.
 */
import { catalogue } from '../../stages/render/i18n/catalogue.ts';
import { en } from '../../stages/render/i18n/en.ts';
import type { Language } from '../../contracts/languages.ts';

export interface EnglishFragment {
  key: string;
  fragment: string;
}

/** The English fragments the language translates (keys whose text is the same in both are left out). */
export function englishFragments(lang: Language): EnglishFragment[] {
  const local = catalogue(lang) as Record<string, string>;
  const localText = Object.values(local).join('\n');
  return Object.entries(en).flatMap(([key, text]) =>
    text === '' || text === local[key]
      ? []
      : text
          .split(/\{\w+\}|\*\*/)
          .map((fragment) => fragment.trim())
          .filter((fragment) => fragment.length >= 12 && !localText.includes(fragment))
          .map((fragment) => ({ key, fragment })),
  );
}

/** The fragments found in `text` (an empty list when no English is left). */
export function englishFragmentsIn(text: string, fragments: readonly EnglishFragment[]): EnglishFragment[] {
  return fragments.filter(({ fragment }) => text.includes(fragment));
}
