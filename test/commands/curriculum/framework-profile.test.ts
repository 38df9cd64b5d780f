/**
 * Curriculum profiles per framework unit (commands/curriculum/framework-profile.ts): the arithmetic
 * of the crosswalk mapping on literal data, and `skillgap curriculum` end to end on the 2022 sample
 * wave with the CSEC2017 and ECSF variants of the example profiles in data/templates/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { curriculumCommand } from '../../../commands/curriculum-command.ts';
import { REPO_ROOT } from '../../../runner/context.ts';
import { ValidationError } from '../../../contracts/errors.ts';
import { parseOwnCsv } from '../../../io/csv-read.ts';
import { formatEstimate } from '../../../stages/render/format.ts';
import { profileThroughCrosswalk, rankUnitActions, unitCoverageFromCompetencies } from '../../../commands/curriculum/framework-profile.ts';
import type { FrameworkRollup } from '../../../contracts/types.ts';
import { literalCompetencies, literalFramework } from '../../stages/analyse/framework-literal-wave.ts';
import { readPdf } from '../../helpers/read-pdf.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const template = (name: string) => join(REPO_ROOT, 'data', 'templates', name);
const entry = (competency: string, coverage: number | null) => ({ competency, coverage, hours: null, ects: null });

describe('the crosswalk arithmetic', () => {
  // literalFramework: c1 → U1; c2 → U1, U2; c3 → U2, U3.
  it('maps unit coverage to competencies as the mean of the rated units each maps to', () => {
    const { competencies, notes } = profileThroughCrosswalk([entry('U1', 4), entry('U2', 2), entry('U3', null)], literalFramework, literalCompetencies.competencies);
    expect(competencies.map((item) => [item.competency, item.coverage])).toEqual([['c1', 4], ['c2', 3], ['c3', 2]]);
    expect(notes.map((note) => note.how)).toEqual(['coverage of U1', 'mean coverage of U1, U2', 'coverage of U2']);
  });

  it('maps competency coverage to units as the mean of the unit\'s rated competencies', () => {
    const units = unitCoverageFromCompetencies([entry('c1', 5), entry('c2', 2), entry('c3', null)], literalFramework);
    expect(units.map((item) => [item.competency, item.coverage])).toEqual([['U1', 3.5], ['U2', 2], ['U3', null], ['U4', null]]);
  });

  it('ranks units by demand × (demand − coverage), demand from the first region of the chain that is published', () => {
    const row = (unit: string, region: string, mean: number, n: number, suppressed = false) => ({
      wave: 'w', framework: 'lit', unit, region, population: 'industry' as const, measure: 'importance' as const, n, mean: suppressed ? NaN : mean, sd: NaN, se: 0.1, ciLow: mean - 0.2, ciHigh: mean + 0.2,
      top2Share: NaN, suppressed, flag: '', test: '' as const, statistic: NaN, pValue: NaN, qValue: NaN, effectSize: NaN, mwds: NaN, rank: NaN, rankCiLow: NaN, rankCiHigh: NaN, quadrant: '' as const,
    });
    const rollup: FrameworkRollup = {
      framework: 'lit', name: 'Literal', shortName: 'Lit', version: '1', source: '', unitLabel: 'unit', noHome: [],
      units: [{ id: 'U1', name: 'One', competencies: ['c1', 'c2'] }, { id: 'U2', name: 'Two', competencies: ['c2', 'c3'] }], unmappedUnits: [{ id: 'U4', name: 'Four' }],
      rows: [row('U1', 'a', 4, 3, true), row('U1', 'Global', 4.5, 20), row('U2', 'a', 4.8, 9), row('U2', 'Global', 4, 20)],
    };
    const ranked = rankUnitActions({ rollup, unitCoverage: [entry('U1', 3), entry('U2', 4), entry('U4', 2)], regionChain: ['a', 'Global'], minN: 5 });
    expect(ranked.map((item) => [item.rank, item.unit, item.basis, item.priority, item.note])).toEqual([
      [1, 'U1', 'Global', 4.5 * 1.5, ''],
      [2, 'U2', 'a', 4.8 * (4.8 - 4), ''],
      [null, 'U4', '', null, 'no_competency'],
    ]);
  });
});

describe('skillgap curriculum with CSEC2017 and ECSF profiles (2022 sample wave)', async () => {
  const dir = useTempDir('skillgap-curriculum-frameworks-');
  const base = { wave: '2022', pipelineOut: join(dir, 'pipeline'), log: () => {} };
  const fromCompetencies = await curriculumCommand({ ...base, profile: template('curriculum-profile.example-hust.csv'), framework: 'csec2017', out: join(dir, 'hust') });
  const fromCsec = await curriculumCommand({ ...base, profile: template('curriculum-profile.example-hust.csec2017.csv'), out: join(dir, 'hust-csec') });

  it('a CSEC2017 profile gives the same top action per knowledge area as the equivalent competency profile', () => {
    const top = (result: typeof fromCsec) => result.comparison.byFramework!.rows[0]!;
    expect(top(fromCsec).rank).toBe(1);
    expect(top(fromCsec).unit).toBe(top(fromCompetencies).unit);
    expect(top(fromCsec).unit).toBe('Societal Security');
    // Same demand (the wave's CSEC2017 roll-up) and, the variant being the competency profile averaged per area, the same coverage.
    expect(top(fromCsec).demandMean).toBe(top(fromCompetencies).demandMean);
    expect(top(fromCsec).coverage).toBe(top(fromCompetencies).coverage);
    expect(fromCsec.comparison.byFramework!.rows.map((row) => row.unit)).toEqual(fromCompetencies.comparison.byFramework!.rows.map((row) => row.unit));
  });

  it('maps the CSEC2017 profile through the crosswalk and says how, in the JSON, the CSV and the PDF', async () => {
    const actions = fromCsec.comparison.byFramework!;
    expect(actions.how).toMatch(/mean coverage of the knowledge areas it maps to in the crosswalk/);
    expect(actions.crosswalk.find((note) => note.competency === 'ethics-integrity')).toMatchObject({ units: ['Societal Security', 'Human Security'], coverage: 2.5, how: 'mean coverage of Societal Security, Human Security' });
    expect(actions.crosswalk.find((note) => note.competency === 'teamwork')!.how).toMatch(/^no home in CSEC2017: not rated/);
    // Competency rows come from the mapping: networking ← Connection Security (5).
    expect(fromCsec.comparison.rows.find((row) => row.competency === 'networking')!.coverage).toBe(5);
    expect(fromCsec.comparison.rows.find((row) => row.competency === 'teamwork')!.note).toBe('not_rated');
    const csv = parseOwnCsv(readFileSync(fromCsec.files.frameworkCsv!, 'utf8'));
    expect(csv.records[0]!.slice(0, 3)).toEqual(['1', 'csec2017', 'Societal Security']);
    const json = JSON.parse(readFileSync(fromCsec.files.json, 'utf8'));
    expect(json.byFramework.rows[0].unit).toBe('Societal Security');
    const pdf = (await readPdf(readFileSync(fromCsec.files.pdf))).text.replace(/\s+/g, ' ');
    const top = actions.rows[0]!;
    expect(pdf).toContain(`By knowledge area of Cybersecurity Curricula 2017 (CSEC2017): act first on Societal Security (priority ${formatEstimate(top.priority!)}).`);
    expect(pdf).toContain('Actions per knowledge area: Cybersecurity Curricula 2017 (CSEC2017)');
    expect(pdf).toContain('How the profile was mapped to competencies');
  });

  it('an ECSF profile (JSON) gives the same top action per role profile as the equivalent competency profile', async () => {
    const competencyProfile = await curriculumCommand({ ...base, profile: template('curriculum-profile.example-lodz.json'), framework: 'ecsf', out: join(dir, 'lodz') });
    const ecsfProfile = await curriculumCommand({ ...base, profile: template('curriculum-profile.example-lodz.ecsf.json'), out: join(dir, 'lodz-ecsf') });
    expect(ecsfProfile.comparison.byFramework!.framework).toBe('ecsf');
    expect(ecsfProfile.comparison.byFramework!.rows[0]!.unit).toBe(competencyProfile.comparison.byFramework!.rows[0]!.unit);
    // The Educator profile has no competency of the survey: listed, not ranked.
    expect(ecsfProfile.comparison.byFramework!.rows.find((row) => row.unit === 'Cybersecurity Educator')).toMatchObject({ rank: null, note: 'no_competency' });
    const csecJson = await curriculumCommand({ ...base, profile: template('curriculum-profile.example-lodz.csec2017.json'), out: join(dir, 'lodz-csec') });
    const csecFromCompetencies = await curriculumCommand({ ...base, profile: template('curriculum-profile.example-lodz.json'), framework: 'csec2017', out: join(dir, 'lodz-c') });
    expect(csecJson.comparison.byFramework!.rows[0]!.unit).toBe(csecFromCompetencies.comparison.byFramework!.rows[0]!.unit);
  });

  it('a unit the framework does not have is an error naming the line, with the framework\'s spelling suggested', async () => {
    const bad = join(dir, 'bad.csv');
    const text = readFileSync(template('curriculum-profile.example-hust.csec2017.csv'), 'utf8').replace('Data Security,,3.5', 'Data Securty,,3.5');
    (await import('node:fs')).writeFileSync(bad, text);
    const error = await curriculumCommand({ ...base, profile: bad, out: join(dir, 'bad') }).catch((caught) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/row 6, column "item": unknown competency id "Data Securty" \(did you mean "data security"\?\)/);
  });
});
