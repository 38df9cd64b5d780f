/**
 * Writes the bundled sample waves to data/raw/<wave>/ (exports, codebook.json, wave.json,
 * truth.json). Run: `node bin/run-ts.js tools/generate/write-sample-waves.ts`.
 * The only file-system side of the generator; generateSampleWave itself is pure.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CompetencyFramework } from '../../contracts/types.ts';
import { generateSampleWave, type SampleWaveOptions } from './generate-sample-wave.ts';

/** The sample waves as committed. Changing anything here changes the committed bytes. */
export const SAMPLE_WAVES: readonly Omit<SampleWaveOptions, 'framework'>[] = [
  { wave: '2022', seed: 20221201, industryRespondents: 400, educationRespondents: 390, reportDate: '2022-12-01' },
  { wave: '2023', seed: 20231201, industryRespondents: 410, educationRespondents: 380, reportDate: '2023-12-01', previousWave: '2022' },
];

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function readCompetencyFramework(repoRoot: string = REPO_ROOT): CompetencyFramework {
  return JSON.parse(readFileSync(join(repoRoot, 'data/competencies.json'), 'utf8')) as CompetencyFramework;
}

/** Generates every sample wave and writes it under `<repoRoot>/data/raw/`; returns the paths written. */
export function writeSampleWaves(repoRoot: string = REPO_ROOT): string[] {
  const framework = readCompetencyFramework(repoRoot);
  const written: string[] = [];
  for (const options of SAMPLE_WAVES) {
    const { files } = generateSampleWave({ ...options, framework });
    const folder = join(repoRoot, 'data/raw', options.wave);
    mkdirSync(folder, { recursive: true });
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(join(folder, name), content);
      written.push(join(folder, name));
    }
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  for (const path of writeSampleWaves()) console.log(`wrote ${path}`);
}
