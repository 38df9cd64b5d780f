import { describe, expect, it } from 'vitest';
import { classifyAnswerLabel, draftScale } from '../../../commands/codebook/draft-scale.ts';

describe('classifyAnswerLabel', () => {
  it.each([
    ['Not at all important', 1], ['Slightly prepared', 2], ['Moderately important', 3], ['Well prepared', 4], ['Very well prepared', 5],
    ['Pas du tout important', 1], ['Brièvement abordé', 2], ['Partiellement abordé', 3], ['Bien abordé', 4], ['Abordé en profondeur', 5],
    ['No se cubre', 1], ['Poco importante', 2], ['Se cubre parcialmente', 3], ['Muy importante', 4], ['Se cubre en profundidad', 5],
    ['Não abordado', 1], ['Pouco importante', 2], ['Muito importante', 4], ['Extremamente importante', 5],
    ['Strongly disagree', 1], ['Agree', 4], ['4 - Very important', 4], ['3', 3],
  ])('%s → %i', (label, value) => {
    expect(classifyAnswerLabel(label)).toEqual({ value });
  });

  it.each([
    ["Don't know", 'dont_know'], ['No sé', 'dont_know'], ['Não sei', 'dont_know'], ['N/A', 'not_applicable'],
    ['Sans objet', 'not_applicable'], ['Não se aplica', 'not_applicable'], ['Prefer not to say', 'prefer_not_to_say'], ['-99', 'blank'],
  ])('%s is missing (%s)', (label, missing) => {
    expect(classifyAnswerLabel(label)).toEqual({ missing });
  });
});

describe('draftScale', () => {
  it('orders a complete 5-point scale and lists unknown labels for review', () => {
    const complete = draftScale(new Map([['Not covered', 3], ['Briefly covered', 1], ['Partly covered', 2], ['Well covered', 5], ['Covered in depth', 4], ['N/A', 2]]));
    expect(complete.ordered).toBe(true);
    expect(complete.scale).toEqual({
      min: 1, max: 5,
      labels: { 'Not covered': 1, 'Briefly covered': 2, 'Partly covered': 3, 'Well covered': 4, 'Covered in depth': 5 },
      missing: { 'N/A': 'not_applicable' },
    });
    const odd = draftScale(new Map([['Very important', 3], ['Sehr wichtig', 7], ['Wichtig', 2]]));
    expect(odd.ordered).toBe(false);
    expect(odd.unrecognised).toEqual([{ label: 'Sehr wichtig', count: 7 }, { label: 'Wichtig', count: 2 }]);
  });
});

describe('draftScale set-level rules', () => {
  it('reads a bipolar favourably/unfavourably set (SurveyMonkey Star Wars fixture) on 1–5, N/A as missing', () => {
    const drafted = draftScale(new Map([
      ['Very favorably', 610], ['Somewhat favorably', 151], ['Neither favorably nor unfavorably (neutral)', 44], ['Somewhat unfavorably', 8], ['Very unfavorably', 1], ['Unfamiliar (N/A)', 15],
    ]));
    expect(drafted.scale.labels).toEqual({ 'Very unfavorably': 1, 'Somewhat unfavorably': 2, 'Neither favorably nor unfavorably (neutral)': 3, 'Somewhat favorably': 4, 'Very favorably': 5 });
    expect(drafted.scale.missing).toEqual({ 'Unfamiliar (N/A)': 'not_applicable' });
    expect(drafted.ordered).toBe(true);
  });
  it('takes small negative codes next to positive points as "no basis for evaluation" (Qualtrics recodes)', () => {
    const drafted = draftScale(new Map([['1', 3], ['2', 3], ['3', 4], ['-1', 5], ['-2', 2]]));
    expect(drafted.scale).toMatchObject({ min: 1, max: 3, missing: { '-1': 'not_applicable', '-2': 'not_applicable' } });
  });
  it('places answer codes and lists every placed label with its count and how', () => {
    const drafted = draftScale(new Map([["Don't know", 2]]), new Map([['A1', 5], ['A2', 7], ['A3', 1]]));
    expect(drafted.scale.labels).toEqual({ A1: 1, A2: 2, A3: 3 });
    expect(drafted.placed.map(({ label, count, value, missing }) => ({ label, count, value, missing }))).toEqual([
      { label: 'A1', count: 5, value: 1, missing: undefined },
      { label: 'A2', count: 7, value: 2, missing: undefined },
      { label: 'A3', count: 1, value: 3, missing: undefined },
      { label: "Don't know", count: 2, value: undefined, missing: 'dont_know' },
    ]);
    expect(drafted.placed[0].how).toMatch(/check against the survey's answer options/);
  });
});
