import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { validateCommand } from '../../../commands/validate-command.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../runner/context.ts';
import { loadFramework } from '../../../contracts/config.ts';
import { BUILT_IN_FRAMEWORKS, builtInFrameworkFile, competenciesOfUnits, loadFrameworks, resolveFramework } from '../../../contracts/frameworks/load-frameworks.ts';
import { ValidationError } from '../../../contracts/errors.ts';
import type { FrameworkDefinition } from '../../../contracts/types.ts';

const competencies = loadFramework(REPO_ROOT);
const definition = (id: string) => JSON.parse(readFileSync(builtInFrameworkFile(REPO_ROOT, id), 'utf8')) as FrameworkDefinition;

describe('the built-in frameworks (data/frameworks/)', () => {
  it('hold the units of the pinned versions: NICE 52 work roles + 11 competency areas, ECSF 12 profiles, CSEC2017 8 and CyBOK v1.1 21 knowledge areas', () => {
    const nice = definition('nice');
    expect(nice.version).toMatch(/v1\.0\.0/);
    expect(nice.units.filter((unit) => /^(OG|DD|IO|PD|IN|CI|CE)-WRL-\d{3}$/.test(unit.id))).toHaveLength(52);
    expect(nice.units.filter((unit) => /^NF-COM-0(0[1-9]|1[01])$/.test(unit.id))).toHaveLength(11);
    expect(nice.units.find((unit) => unit.id === 'PD-WRL-003')?.name).toBe('Incident Response');
    expect(definition('ecsf').units.map((unit) => unit.id)).toContain('Cyber Legal, Policy & Compliance Officer');
    expect(definition('ecsf').units).toHaveLength(12);
    expect(definition('csec2017').units.map((unit) => unit.id)).toEqual(['Data Security', 'Software Security', 'Component Security', 'Connection Security', 'System Security', 'Human Security', 'Organizational Security', 'Societal Security']);
    const cybok = definition('cybok');
    expect(cybok.version).toMatch(/v1\.1/);
    expect(cybok.units).toHaveLength(21);
    expect(cybok.units.map((unit) => unit.id)).toEqual(expect.arrayContaining(['AC', 'FMS', 'SOIM', 'PLT']));
    for (const id of BUILT_IN_FRAMEWORKS) expect(definition(id).source).toMatch(/^https:\/\//);
  });

  it('every competency of data/competencies.json, transversal ones included, maps into each framework or says why not, and every id exists', () => {
    const frameworks = loadFrameworks(REPO_ROOT, join(REPO_ROOT, 'data', 'raw', '2022'), undefined, competencies);
    expect(frameworks.map((framework) => framework.definition.id)).toEqual([...BUILT_IN_FRAMEWORKS]);
    for (const framework of frameworks) {
      const unitIds = new Set(framework.definition.units.map((unit) => unit.id));
      for (const competency of competencies.competencies) {
        const units = framework.unitsOfCompetency.get(competency.id);
        const reason = framework.noHome.get(competency.id);
        expect(units !== undefined || (reason !== undefined && reason.length > 20), `${competency.id} in ${framework.definition.id}`).toBe(true);
        expect(units !== undefined && reason !== undefined).toBe(false);
        for (const unit of units ?? []) expect(unitIds.has(unit), `${unit} in ${framework.definition.id}`).toBe(true);
      }
    }
    // Every transversal competency is handled: mapped or explained, in all four frameworks.
    const transversal = competencies.competencies.filter((competency) => competency.kind === 'transversal');
    expect(transversal.length).toBeGreaterThan(5);
    expect(frameworks.find((f) => f.definition.id === 'nice')!.noHome.get('teamwork')).toMatch(/work roles/);
    expect(competenciesOfUnits(frameworks.find((f) => f.definition.id === 'cybok')!).get('SOIM')).toEqual(['incident-response', 'security-monitoring', 'vulnerability-management']);
  });

  it('a crosswalk id that is not in the framework is an error naming the file, the competency and the id', () => {
    const broken = structuredClone(competencies);
    broken.competencies.find((competency) => competency.id === 'incident-response')!.crosswalk.nice = ['PD-WRL-099'];
    let error: unknown;
    try {
      resolveFramework(definition('nice'), 'data/frameworks/nice.json', broken);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain('data/competencies.json');
    expect((error as Error).message).toContain('"incident-response" maps to "PD-WRL-099", which is not a unit of framework "nice"');
  });

  it('a competency with neither units nor a reason, or with both, is an error', () => {
    const broken = structuredClone(competencies);
    delete broken.competencies.find((competency) => competency.id === 'teamwork')!.noHome;
    broken.competencies.find((competency) => competency.id === 'networking')!.noHome = { ecsf: 'because' };
    expect(() => resolveFramework(definition('ecsf'), 'ecsf.json', broken)).toThrow(/"teamwork" has no unit in framework "ecsf" and no reason why[\s\S]*"networking" has units in framework "ecsf" and also a "noHome" reason/);
  });

  it('a framework file with its own crosswalk replaces competencies.json\'s; one naming an unknown competency is an error', () => {
    const own: FrameworkDefinition = {
      ...definition('csec2017'),
      crosswalk: Object.fromEntries(competencies.competencies.map((competency) => [competency.id, ['Human Security']])),
    };
    const resolved = resolveFramework(own, 'mine.json', competencies);
    expect(resolved.unitsOfCompetency.get('cryptography')).toEqual(['Human Security']);
    expect(() => resolveFramework({ ...own, crosswalk: { ...own.crosswalk, 'not-a-competency': ['Human Security'] } }, 'mine.json', competencies)).toThrow(/mine\.json.*"not-a-competency", which is not in data\/competencies\.json/);
  });

  it('a wave naming an unknown framework is an error naming wave.json', () => {
    expect(() => loadFrameworks(REPO_ROOT, join(REPO_ROOT, 'data', 'raw', '2022'), ['nist-csf'], competencies)).toThrow(/wave\.json, column "frameworks": framework "nist-csf" is neither a built-in/);
  });
});

describe('skillgap validate', () => {
  const dir = useTempDir('skillgap-validate-frameworks-');
  it('reports a wave whose frameworks cannot load, before any run', async () => {
    const sampleDir = join(REPO_ROOT, 'data', 'raw', '2022');
    const config = JSON.parse(readFileSync(join(sampleDir, 'wave.json'), 'utf8'));
    config.sources = config.sources.map((source: { file: string }) => ({ ...source, file: join(sampleDir, source.file) }));
    config.codebook = join(sampleDir, config.codebook);
    const broken = { ...definition('cybok'), id: 'my-cybok', crosswalk: { 'incident-response': ['SOC'] } };
    writeFileSync(join(dir, 'my-cybok.json'), JSON.stringify(broken));
    config.frameworks = ['nice', 'my-cybok.json'];
    writeFileSync(join(dir, 'wave.json'), JSON.stringify(config));
    const error = await validateCommand({ config: join(dir, 'wave.json'), log: () => {} }).catch((caught) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('"incident-response" maps to "SOC", which is not a unit of framework "my-cybok"');
    expect(error.message).toContain('competency "teamwork" has no unit in framework "my-cybok" and no reason why');
  });
});
