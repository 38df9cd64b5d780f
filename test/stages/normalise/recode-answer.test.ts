import { describe, expect, it } from 'vitest';
import { makeAnswerRecoder } from '../../../stages/normalise/recode-answer.ts';

const scale = {
  min: 1,
  max: 5,
  labels: { 'Not at all important': 1, 'Slightly important': 2, 'Moderately important': 3, 'Very important': 4, 'Extremely important': 5, 'Très important': 4 },
  missing: { "Don't know": 'dont_know', 'N/A': 'not_applicable', '-99': 'blank', 'Prefer not to say': 'prefer_not_to_say' },
} as const;

describe('makeAnswerRecoder', () => {
  const recode = makeAnswerRecoder({ ...scale, labels: { ...scale.labels }, missing: { ...scale.missing } });
  it('maps labels whatever their case, accents, quotes and spacing', () => {
    expect(recode('Very important')).toEqual({ value: 4, missing: null });
    expect(recode('  very   IMPORTANT ')).toEqual({ value: 4, missing: null });
    expect(recode('Tres important')).toEqual({ value: 4, missing: null });
  });
  it('turns missing labels and -99 into missing values with their reason, never zeros', () => {
    expect(recode('Don’t know')).toEqual({ value: null, missing: 'dont_know' });
    expect(recode('-99')).toEqual({ value: null, missing: 'blank' });
    expect(recode('')).toEqual({ value: null, missing: 'blank' });
    expect(recode('N/A')).toEqual({ value: null, missing: 'not_applicable' });
  });
  it('accepts scale points as numbers or "n - label", and rejects values off the scale', () => {
    expect(recode('3')).toEqual({ value: 3, missing: null });
    expect(recode('5 - Extremely important')).toEqual({ value: 5, missing: null });
    expect(recode('7')).toEqual({ value: null, missing: 'invalid' });
    expect(recode('2.5')).toEqual({ value: null, missing: 'invalid' });
    expect(recode('Very importnt')).toEqual({ value: null, missing: 'invalid' });
  });
});
