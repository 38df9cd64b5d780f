/** The output language of a run: `--lang` wins over wave.json `language`; English by default; anything else is a usage error (exit 2). */
import { describe, expect, it } from 'vitest';
import { applyLanguage } from '../../runner/context.ts';
import { UsageError } from '../../contracts/errors.ts';
import type { WaveConfig } from '../../contracts/types.ts';

const config = (language?: string) => ({ wave: '2022', ...(language === undefined ? {} : { language }) }) as unknown as WaveConfig;

describe('applyLanguage', () => {
  it('leaves an English default untouched, so the render parameters of an English run do not change', () => {
    const plain = config();
    applyLanguage(plain, undefined);
    expect('language' in plain).toBe(false);
    applyLanguage(plain, 'en');
    expect('language' in plain).toBe(false);
  });

  it('takes wave.json language, and --lang over it', () => {
    const fromFile = config('es');
    applyLanguage(fromFile, undefined);
    expect(fromFile.language).toBe('es');
    applyLanguage(fromFile, 'pt');
    expect(fromFile.language).toBe('pt');
    const backToEnglish = config('fr');
    applyLanguage(backToEnglish, 'en');
    expect(backToEnglish.language).toBe('en');
  });

  it('refuses a language it has no catalogue for, naming the choices', () => {
    expect(() => applyLanguage(config(), 'de')).toThrow(UsageError);
    expect(() => applyLanguage(config(), 'de')).toThrow('--lang must be one of en, fr, es, pt, not "de"');
    expect(() => applyLanguage(config('it'), undefined)).toThrow('wave.json "language" must be one of en, fr, es, pt');
  });
});
