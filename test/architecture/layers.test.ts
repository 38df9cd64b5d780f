/**
 * The house rules of docs/architecture.md, checked on every import of the source folders:
 * no import circles (imports that exist at run time), and the layers — contracts and io at the
 * bottom, each stage above them importing only contracts, io and its own folder, the runner
 * (given the stages, importing none) and the commands on top, tools and the API above all.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { importCircles, importGraph, layerViolation, layerViolations } from './import-graph.ts';

const root = resolve(import.meta.dirname, '../..');

/**
 * The one exception, for a reason: `skillgap generate-samples` runs the sample generator of tools/.
 * (Render once imported the analysis's disclosure rules; they are contracts now, contracts/disclosure/.)
 */
const ALLOWED: [RegExp, RegExp][] = [
  [/^commands\/cli\.ts$/, /^tools\/generate\/write-sample-waves\.ts$/],
];
const allowed = (problem: string) => ALLOWED.some(([from, to]) => {
  const [source, , , target] = problem.split(' ');
  return from.test(source) && to.test(target);
});

describe('the import graph', () => {
  const { imports, runtime } = importGraph(root);

  it('parses every source folder (a sanity check of the parser)', () => {
    expect(imports.size).toBeGreaterThan(200);
    expect(imports.get('commands/wave-stages.ts')).toEqual(expect.arrayContaining(['stages/ingest/ingest-stage.ts', 'contracts/stage.ts']));
  });

  it('has no import circle', () => {
    expect(importCircles(runtime)).toEqual([]);
  });

  it('keeps the layers: no stage imports another stage, a command or the runner; the runner imports no stage', () => {
    expect(layerViolations(imports).filter((problem) => !allowed(problem))).toEqual([]);
  });

  it('finds a circle and a layer violation when there is one', () => {
    // countries.ts and regions.ts imported each other before issue 18; a stage importing another's layout.
    const planted = new Map([
      ['contracts/countries/regions.ts', "import { resolveCountry } from './countries.ts';\nexport const x = resolveCountry;\n"],
      ['stages/render/render-stage.ts', "import { normaliseStage } from '../normalise/normalise-stage.ts';\nexport const y = normaliseStage;\n"],
      ['runner/run.ts', "import { ingestStage } from '../stages/ingest/ingest-stage.ts';\nexport const z = ingestStage;\n"],
    ]);
    const bad = importGraph(root, planted);
    expect(importCircles(bad.runtime)).toContainEqual(['contracts/countries/countries.ts', 'contracts/countries/regions.ts']);
    const problems = layerViolations(bad.imports);
    expect(problems).toContain('stages/render/render-stage.ts (stages/render) imports stages/normalise/normalise-stage.ts of another stage (stages/normalise)');
    expect(problems.some((problem) => problem.startsWith('runner/run.ts (runner) imports the stage file stages/ingest/ingest-stage.ts'))).toBe(true);
    expect(layerViolation('contracts/types.ts', 'stages/analyse/analyse-wave.ts')).toMatch(/from a layer above/);
    expect(layerViolation('stages/analyse/analyse-wave.ts', 'contracts/types.ts')).toBeNull();
  });

  it('does not count a type-only import as a circle', () => {
    const planted = new Map([['contracts/countries/regions.ts', "import type { CountryResolution } from './countries.ts';\nexport type R = CountryResolution;\n"]]);
    expect(importCircles(importGraph(root, planted).runtime)).toEqual([]);
  });
});
