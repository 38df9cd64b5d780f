/**
 * A status after an edit of a file only render imports names render alone as stale, for its code
 * (issue 18: the stage code hash is the import closure of the stage's declaration file). The four
 * real stage declarations run on a copy of the repository's sources in a temp dir, with their
 * work (files, parameters, run) replaced by nothing so only the code hash can make them stale.
 */
import { describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { explainStatus, runStages, type RunContext, type StageDefinition } from '../../runner/run.ts';
import { WAVE_STAGES } from '../../commands/wave-stages.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import type { LoadedWave } from '../../contracts/config.ts';
import type { CompetencyFramework } from '../../contracts/types.ts';
import { FileHashCache } from '../../io/hash.ts';

const root = resolve(import.meta.dirname, '../..');

describe('status after a code edit', () => {
  it('reports only render stale after an edit of a render string, and every stage up to date before', async () => {
    const copy = useTempDir('code-hash-');
    for (const path of ['stages', 'contracts', 'io', 'commands', 'data/regions', 'data/competencies.json', 'data/frameworks', 'docs/methods.md', 'package.json']) {
      cpSync(join(root, path), join(copy, path), { recursive: true });
    }
    const waveDir = join(copy, 'wave');
    mkdirSync(waveDir);
    for (const file of ['wave.json', 'codebook.json', 'a.csv']) writeFileSync(join(waveDir, file), `${file}\n`);
    const wave = { config: { wave: 't' }, codebook: {}, waveDir, configPath: join(waveDir, 'wave.json'), codebookPath: join(waveDir, 'codebook.json'), sourcePaths: [join(waveDir, 'a.csv')] } as unknown as LoadedWave;
    const ctx: RunContext = { root: copy, outDir: join(copy, 'out'), wave, framework: {} as CompetencyFramework, log: () => {}, clock: () => 0, fileHashes: new FileHashCache() };
    mkdirSync(ctx.outDir);
    const stages: StageDefinition[] = WAVE_STAGES.map((stage) => ({
      ...stage,
      inputs: () => [],
      outputs: () => [],
      parameters: () => null,
      run: async () => ({ rowsIn: 0, rowsOut: 0, warnings: [] }),
    }));

    expect((await runStages(ctx, stages)).map((outcome) => outcome.ran)).toEqual([true, true, true, true]);
    expect((await explainStatus(ctx, stages)).filter((stage) => stage.stale)).toEqual([]);

    appendFileSync(join(copy, 'stages/render/i18n/en.ts'), '\n// a changed string\n');
    expect(await explainStatus(ctx, stages)).toEqual([
      { stage: 'ingest', stale: false, reason: 'up to date' },
      { stage: 'normalise', stale: false, reason: 'up to date' },
      { stage: 'analyse', stale: false, reason: 'up to date' },
      { stage: 'render', stale: true, reason: 'its code changed' },
    ]);
    const rerun = await runStages(ctx, stages);
    expect(rerun.map((outcome) => [outcome.stage, outcome.ran])).toEqual([['ingest', false], ['normalise', false], ['analyse', false], ['render', true]]);
  });
});
