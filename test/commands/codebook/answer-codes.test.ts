import { describe, expect, it } from 'vitest';
import { isAnswerCode, orderAnswerCodes } from '../../../commands/codebook/answer-codes.ts';

describe('orderAnswerCodes', () => {
  it('orders one prefix by number', () => {
    expect(Object.fromEntries(orderAnswerCodes(['A3', 'A1', 'A5', 'A2', 'A4'])!.values)).toEqual({ A1: 1, A2: 2, A3: 3, A4: 4, A5: 5 });
  });
  it('orders a bipolar D…N0…A set as the LimeSurvey code-heading fixture uses it', () => {
    // The same survey exported with answer texts ("1. Completely disagree" … "9. Completely agree",
    // the parity file limesurvey-csv-code-dot-fulltext-headings-grid.csv) gives exactly this order.
    const scale = orderAnswerCodes(['A1', 'D4', 'N0', 'A4', 'D1', 'A2', 'D2', 'A3', 'D3'])!;
    expect(Object.fromEntries(scale.values)).toEqual({ D4: 1, D3: 2, D2: 3, D1: 4, N0: 5, A1: 6, A2: 7, A3: 8, A4: 9 });
    expect(scale.how).toMatch(/bipolar/);
  });
  it('leaves unknown mixes unordered', () => {
    expect(orderAnswerCodes(['X1', 'Y1', 'Z2'])).toBeUndefined();
    expect(orderAnswerCodes(['A1', 'Very'])).toBeUndefined();
  });
  it('recognises codes, not words or numbers', () => {
    expect(['A1', 'D4', 'N0', 'SQ001'].every(isAnswerCode)).toBe(true);
    expect(['1', 'Yes', 'A', 'Very important'].some(isAnswerCode)).toBe(false);
  });
});
