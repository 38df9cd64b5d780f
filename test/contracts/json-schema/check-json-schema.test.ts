/**
 * The published JSON Schemas of wave.json and codebook.json (schemas/): every sample file fits and
 * points editors at them; a file that does not fit stops the loader, `validate` and `run` with the
 * JSON Pointer of each bad value (exit 1); the compiled validators are what the schemas compile to.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadWave } from '../../../contracts/config.ts';
import { REPO_ROOT } from '../../../runner/context.ts';
import { ValidationError } from '../../../contracts/errors.ts';
import { schemaProblems } from '../../../contracts/json-schema/check-json-schema.ts';
import { compiledValidatorsSource } from '../../../tools/schemas/compile-validators.ts';
import { codebookInitCommand } from '../../../commands/codebook-command.ts';
import { skillgap } from '../../pipeline/fault-helpers.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const sampleWaves = readdirSync(join(REPO_ROOT, 'data/raw')).filter((name) => existsSync(join(REPO_ROOT, 'data/raw', name, 'wave.json')));
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('the schemas', () => {
  it('are valid draft 2020-12 schemas (ajv strict mode checks them against the meta-schema)', () => {
    for (const name of ['wave', 'codebook']) {
      const schema = readJson(join(REPO_ROOT, 'schemas', `${name}.schema.json`));
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(() => new Ajv2020({ strict: true }).compile(schema)).not.toThrow();
    }
  });

  it('are what the committed validators were compiled from (after editing a schema: npm run schemas)', () => {
    expect(readFileSync(join(REPO_ROOT, 'contracts/json-schema/compiled-validators.generated.ts'), 'utf8')).toBe(compiledValidatorsSource());
  });

  it.each(sampleWaves)('sample wave %s: wave.json and codebook.json fit, and their "$schema" names the schema file', (wave) => {
    expect(sampleWaves.length).toBeGreaterThanOrEqual(2);
    for (const [file, name] of [['wave.json', 'wave'], ['codebook.json', 'codebook']] as const) {
      const path = join(REPO_ROOT, 'data/raw', wave, file);
      const document = readJson(path);
      expect(schemaProblems(name, document, path)).toEqual([]);
      expect(resolve(dirname(path), document.$schema)).toBe(join(REPO_ROOT, 'schemas', `${name}.schema.json`));
    }
  });
});

describe('files that do not fit', () => {
  const dir = useTempDir();
  const brokenWave = (name: string, editWave: (wave: any) => void, editCodebook: (codebook: any) => void = () => {}) => {
    const folder = join(dir, name);
    cpSync(join(REPO_ROOT, 'data/raw/2022'), folder, { recursive: true });
    const wave = readJson(join(folder, 'wave.json'));
    editWave(wave);
    writeFileSync(join(folder, 'wave.json'), JSON.stringify(wave, null, 2));
    const codebook = readJson(join(folder, 'codebook.json'));
    editCodebook(codebook);
    writeFileSync(join(folder, 'codebook.json'), JSON.stringify(codebook, null, 2));
    return join(folder, 'wave.json');
  };
  const loadError = (path: string): ValidationError => {
    try {
      loadWave(REPO_ROOT, undefined, path);
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return error as ValidationError;
    }
    throw new Error('expected a ValidationError');
  };

  it('the loader lists every bad value of wave.json by its JSON path', () => {
    const path = brokenWave('wave', (wave) => {
      wave.sources[1].format = 'xlsx';
      wave.sources[0].mayBeEmpty = 'yes';
      wave.supression = { minN: 3 };
      wave.suppression.minN = 2.5;
      delete wave.reportDate;
    });
    const error = loadError(path);
    expect(error.problems.map((problem) => problem.message).sort()).toEqual([
      '/: "reportDate" is missing',
      '/: unknown key "supression" (allowed here: wave, title, reportDate, previousWave, sources, codebook, regionScheme, countryAliases, quality, suppression, analysis, output, frameworks); is it misspelt?',
      '/sources/0/mayBeEmpty: must be true or false, not "yes"',
      '/sources/1/format: must be one of qualtrics, qualtrics-legacy, limesurvey, surveymonkey, google-forms, kobo, spss, generic, not "xlsx"',
      '/suppression/minN: must be a whole number, not 2.5',
    ]);
    expect(error.problems.every((problem) => problem.where.file === path)).toBe(true);
    expect(error.message).toContain(`${path}: /sources/1/format: must be one of qualtrics`);
  });

  it('the loader names the bad values of codebook.json the same way', () => {
    const path = brokenWave('codebook', () => {}, (codebook) => {
      codebook.sources[0].items[3].dimension = 'relevance';
      codebook.scale.missing["Don't know"] = 'unknown';
      delete codebook.sources[1].columns.country;
    });
    const codebookPath = join(dirname(path), 'codebook.json');
    const error = loadError(path);
    expect(error.problems.map((problem) => problem.message).sort()).toEqual([
      '/scale/missing/Don\'t know: must be one of blank, dont_know, not_applicable, prefer_not_to_say, not_shown, invalid, not "unknown"',
      '/sources/0/items/3/dimension: must be one of importance, preparedness, coverage, not "relevance"',
      '/sources/1/columns: "country" is missing',
    ]);
    expect(error.problems.every((problem) => problem.where.file === codebookPath)).toBe(true);
  });

  it('`skillgap validate` exits 1 naming the file and the JSON path, without a stack trace', async () => {
    const path = brokenWave('cli', (wave) => (wave.sources[1].format = 'xlsx'));
    const result = await skillgap(['validate', '--config', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path}: /sources/1/format: must be one of qualtrics, qualtrics-legacy, limesurvey, surveymonkey, google-forms, kobo, spss, generic, not "xlsx"`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});

describe('codebook init', () => {
  const dir = useTempDir();
  it('writes a draft that fits the codebook schema and points to it from its folder', async () => {
    const out = join(dir, 'drafts', 'codebook.json');
    await codebookInitCommand({ wave: '2023', out: dirname(out), log: () => {} });
    const draft = readJson(out);
    expect(resolve(dirname(out), draft.$schema)).toBe(join(REPO_ROOT, 'schemas', 'codebook.schema.json'));
    expect(schemaProblems('codebook', draft, out)).toEqual([]);
  }, 120_000);
});
