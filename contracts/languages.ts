/**
 * The languages the outputs can be written in (`--lang`, or `language` in wave.json; English by
 * default) and the locale each one formats numbers and dates with. European Portuguese, Spanish of
 * Spain and French of France: the variants ENISA's translations use. Changing a tag here changes
 * every number, date and list of that language at once.
 */
export const LANGUAGES = ['en', 'fr', 'es', 'pt'] as const;

export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

/** BCP 47 tag per language: Intl formats, the PDF's /Lang and the HTML `lang` attribute. */
export const LOCALE_TAGS: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', pt: 'pt-PT' };

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
