import { describe, expect, it } from 'vitest';
import { whyNotRating } from '../../../commands/codebook/not-a-rating.ts';
import type { RawColumn } from '../../../contracts/types.ts';

const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));
const column = (key: string, label = ''): RawColumn => ({ key, label });

describe('whyNotRating', () => {
  it.each([
    ['checkbox 1/blank', column('Q2_1', 'Check all that apply - Squash'), { '1': 9 }, 'checkbox'],
    ['checkbox 0/1', column('Where are you planning to stay? [Hotel]'), { '0': 2, '1': 1 }, 'checkbox'],
    ['Yes/No', column('Do you ever smoke cigarettes?'), { No: 453, Yes: 84 }, 'checkbox'],
    ['True/False', column('transport/loop/ambulance'), { True: 1, False: 3 }, 'checkbox'],
    ['a ticked option holding its label', column('Which films have you seen? - Episode IV', 'Episode IV'), { 'Episode IV': 607 }, 'checkbox'],
    ['joined multi-select', column('Which tools do you use?'), { R: 10, Python: 8, 'R, Python': 5, 'Python; R': 2 }, 'multi_select'],
    ['a count by heading', column('How many pets do you have [cats]'), { '2': 1, '3': 1 }, 'count'],
    ['a count by value', column('members'), { '2': 3, '12': 1, '4': 2 }, 'count'],
    ['binned numbers', column('au1[SQ001]'), { '1-5': 57, '5-10': 8, None: 60 }, 'count'],
    ['decimals', column('score'), { '1.5': 1, '2': 3 }, 'count'],
    ['an id by name', column('_parent_index'), { '1': 3 }, 'id'],
    ['an id by values', column('code'), Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`${i}`, 1])), 'id'],
    ['consent by heading', column('ConsentParticipate', 'By selecting "yes" I agree to participate'), { A1: 52 }, 'consent'],
    ['consent by answer', column('Q0'), { 'Yes: I agree to participate': 52 }, 'consent'],
    ['a ranking', column('Please rank the films in order of preference - Episode I'), { '1': 5, '2': 4, '3': 3 }, 'ranking'],
    ['only not-shown cells', column('transport/loop/taxi'), { 'n/a': 4 }, 'no_answer'],
  ] as const)('%s', (_name, col, answers, reason) => {
    expect(whyNotRating(col, counts(answers))?.reason).toBe(reason);
  });

  it('says nothing against real rating columns', () => {
    expect(whyNotRating(column('Q3_1', 'How important is each skill? - Teamwork'), counts({ 'Very important': 4, 'Slightly important': 2, "Don't know": 1 }))).toBeUndefined();
    expect(whyNotRating(column('LikertTypePage1[1]'), counts({ D4: 10, A1: 11, N0: 2 }))).toBeUndefined();
    expect(whyNotRating(column('Q3_1'), counts({ '1': 3, '2': 3, '3': 4, '-1': 5 }))).toBeUndefined();
    expect(whyNotRating(column('How likely are you to recommend R?'), counts({ '0': 3, '7': 90, '10': 1107 }))).toBeUndefined();
  });

  it('reads SPSS value labels: categories are not a scale, scale points are', () => {
    expect(whyNotRating(column('x', 'Colour'), counts({ '1': 2, '2': 2, '3': 1 }), { '1': 'red', '2': 'green', '3': 'blue' })?.reason).toBe('categories');
    expect(whyNotRating(column('q1', 'Importance'), counts({ '1': 2, '2': 2, '3': 1 }), { '1': 'Not at all important', '3': 'Moderately important' })).toBeUndefined();
  });
});
