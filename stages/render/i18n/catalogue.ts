/**
 * The message catalogues, one per language. English (en.ts) is the source: its keys are the type
 * every other catalogue must fill (TypeScript rejects a missing or extra key, and
 * test/stages/render/i18n/catalogue.test.ts checks that none is empty and that placeholders match).
 *
 * Adding a string: add `'area.name': 'English text with {placeholder}'` to en.ts, then the same key
 * with its translation to fr.ts, es.ts and pt.ts (`npx tsc --noEmit -p .` lists the files that
 * still lack it), and call `t('area.name', { placeholder })` from a Translator (translator.ts).
 * Plurals: two keys `name.one` and `name.other`, called as `tp('name', count, params)`.
 */
import { en, type MessageKey } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import type { Language } from '../../../contracts/languages.ts';
import { pt } from './pt.ts';

export type { MessageKey };

/** A complete catalogue: every English key, a string for each. */
export type Catalogue = Record<MessageKey, string>;

const CATALOGUES: Record<Language, Catalogue> = { en, fr, es, pt };

export function catalogue(lang: Language): Catalogue {
  return CATALOGUES[lang];
}
