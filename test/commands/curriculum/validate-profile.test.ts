/**
 * Profile readers and validation: the templates and examples read; bad profiles list every problem
 * at once, each with its CSV line (and column) or JSON path; values may be scale labels.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../contracts/errors.ts';
import { loadFramework, loadWave } from '../../../contracts/config.ts';
import { REPO_ROOT } from '../../../runner/context.ts';
import { readProfileCsv } from '../../../commands/curriculum/read-profile-csv.ts';
import { readProfileJson } from '../../../commands/curriculum/read-profile-json.ts';
import { validateProfile } from '../../../commands/curriculum/validate-profile.ts';
import { profileSlug } from '../../../commands/curriculum/profile-slug.ts';

const framework = loadFramework(REPO_ROOT);
const { scale } = loadWave(REPO_ROOT, '2022').codebook;
const templates = join(REPO_ROOT, 'data', 'templates');

function problemsOf(run: () => unknown): { message: string; where: { file?: string; row?: number; column?: string } }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).problems;
  }
  throw new Error('expected a ValidationError');
}

describe('curriculum profile', () => {
  it('reads the Vietnamese CSV example, with labels, decimals and hours', () => {
    const file = join(templates, 'curriculum-profile.example-hust.csv');
    const profile = validateProfile(readProfileCsv(readFileSync(file, 'utf8'), file), framework.competencies, scale);
    expect(profile.institution).toBe('Trường Đại học Bách khoa Hà Nội');
    expect(profile.country).toBe('VN');
    expect(profile.competencies).toHaveLength(26);
    const entry = (id: string) => profile.competencies.find((item) => item.competency === id)!;
    expect(entry('teamwork')).toEqual({ competency: 'teamwork', coverage: 4, hours: 20, ects: null }); // "Well covered"
    expect(entry('threat-intelligence').coverage).toBe(1); // "Not covered"
    expect(entry('cloud-security').coverage).toBe(1.5);
    expect(profileSlug(profile.institution, '')).toBe('truong-dai-hoc-bach-khoa-ha-noi');
  });

  it('accepts "NA" as the country Namibia (ISO 3166-1 alpha-2)', () => {
    const file = join(templates, 'curriculum-profile.example-hust.csv');
    const text = readFileSync(file, 'utf8').replace(/^country,,Viet Nam,/m, 'country,,NA,');
    expect(text).toMatch(/^country,,NA,/m);
    const profile = validateProfile(readProfileCsv(text, file), framework.competencies, scale);
    expect(profile.country).toBe('NA');
  });

  it('reads the Polish JSON example; "Don\'t know" leaves a competency unrated', () => {
    const file = join(templates, 'curriculum-profile.example-lodz.json');
    const profile = validateProfile(readProfileJson(readFileSync(file, 'utf8'), file), framework.competencies, scale);
    expect(profile).toMatchObject({ institution: 'Politechnika Łódzka', country: 'PL' });
    const entry = (id: string) => profile.competencies.find((item) => item.competency === id)!;
    expect(entry('security-architecture').coverage).toBeNull();
    expect(entry('networking')).toEqual({ competency: 'networking', coverage: 5, hours: null, ects: 8 });
    expect(entry('adaptability-lifelong-learning').coverage).toBe(3); // "Partly covered"
    expect(profileSlug(profile.institution, '')).toBe('politechnika-lodzka');
  });

  it('the templates list every competency of the framework', () => {
    const csv = readFileSync(join(templates, 'curriculum-profile.template.csv'), 'utf8');
    const json = JSON.parse(readFileSync(join(templates, 'curriculum-profile.template.json'), 'utf8'));
    for (const competency of framework.competencies) {
      expect(csv).toContain(`\n${competency.id},`);
      expect(json.competencies).toHaveProperty(competency.id);
    }
  });

  it('lists every problem of a bad CSV profile with its line number', () => {
    const text = [
      'item,label,value,hours,ects', // line 1
      'institution,,Uniwersytet Testowy,,', // 2
      'country,,Nethrelands,,', // 3: unknown country
      'cloud-securty,,3,,', // 4: unknown id (typo)
      'cryptography,,7,,', // 5: out of range
      'teamwork,,Somewhat,,', // 6: not a label
      'networking,,4,-3,', // 7: negative hours
      '"incident-response",,"2",,x', // 8: bad ECTS
      'cryptography,,2,,', // 9: duplicate
    ].join('\r\n');
    const problems = problemsOf(() => validateProfile(readProfileCsv(text, 'bad.csv'), framework.competencies, scale));
    expect(problems.map((problem) => [problem.where.row, problem.where.column])).toEqual([
      [3, 'value'],
      [4, 'item'],
      [5, 'value'],
      [6, 'value'],
      [7, 'hours'],
      [8, 'ects'],
      [9, 'item'],
    ]);
    expect(problems.every((problem) => problem.where.file === 'bad.csv')).toBe(true);
    expect(problems[0]!.message).toContain('did you mean Netherlands');
    expect(problems[1]!.message).toContain('did you mean "cloud-security"');
    expect(problems[2]!.message).toContain('outside the scale 1–5');
    expect(problems[6]!.message).toContain('first at bad.csv, row 5');
  });

  it('names a missing country, and counts lines past a quoted line break', () => {
    const text = 'item,value\ninstitution,"Szkoła\nTestowa"\ncryptography,9\n';
    const problems = problemsOf(() => validateProfile(readProfileCsv(text, 'p.csv'), framework.competencies, scale));
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining('the country is missing'),
      expect.stringContaining('coverage "9" is outside the scale'),
    ]);
    expect(problems[1]!.where).toEqual({ file: 'p.csv', row: 4, column: 'value' });
  });

  it('lists every problem of a bad JSON profile with its JSON path', () => {
    const text = JSON.stringify({
      institution: 'Test',
      country: 'Atlantis',
      colour: 'blue',
      competencies: { 'cloud-security': { coverage: 0, hours: 'many' }, cryptography: 'Extremely covered', 'no-such-skill': 3 },
    });
    const problems = problemsOf(() => validateProfile(readProfileJson(text, 'bad.json'), framework.competencies, scale));
    expect(problems.map((problem) => problem.where.column)).toEqual([
      '$.colour',
      '$.country',
      '$.competencies["cloud-security"].coverage',
      '$.competencies["cloud-security"].hours',
      '$.competencies.cryptography',
      '$.competencies["no-such-skill"]',
    ]);
    expect(problems[1]!.message).toContain('unknown country "Atlantis"');
  });

  it('the error message of many problems lists them all', () => {
    const text = 'item,value\ncloud-security,0\ncryptography,6\n';
    try {
      validateProfile(readProfileCsv(text, 'x.csv'), framework.competencies, scale);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/^4 problem\(s\):/);
      expect((error as Error).message).toContain('x.csv, row 2, column "value"');
      expect((error as Error).message).toContain('x.csv, row 3, column "value"');
    }
  });
});
