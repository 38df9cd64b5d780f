/**
 * The words of the region and country profiles (PDF and HTML) are the catalogue's `profile.*` keys
 * (stages/render/i18n/en.ts and its translations). `profileText(tr, key, values)` fills a key's
 * placeholders in the translator's language; a missing value is an error, never a blank or a
 * leftover `{name}`.
 */
import type { MessageKey } from '../i18n/catalogue.ts';
import type { Translator } from '../i18n/translator.ts';

export type ProfileTextKey = MessageKey extends infer K ? (K extends `profile.${infer Name}` ? Name : never) : never;

export function profileText(tr: Translator, key: ProfileTextKey, values: Record<string, string | number> = {}): string {
  const fullKey = `profile.${key}` as MessageKey;
  const text = tr.t(fullKey);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`profile text ${fullKey}: no value for {${name}}`);
    return String(values[name]);
  });
}
