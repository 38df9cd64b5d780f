/**
 * Worker threads must not change a single byte: the 2022 sample wave run with one worker and with
 * two (SKILLGAP_WORKERS) gives identical ingest caches, normalised tables, audit and analysis. With
 * two, the analyse stage also hands its framework statistics and a share of its rank sets to its
 * worker thread, as it does on its own from 20,000 respondents (analysis-pool.ts analysisWorkerPlan):
 * the stage's path through the worker runs here on the small sample wave.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../commands/run-command.ts';
import { ValidationError } from '../../contracts/errors.ts';
import { REPO_ROOT } from '../../runner/context.ts';

const base = mkdtempSync(join(tmpdir(), 'skillgap-workers-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function runWith(workers: string, config?: string): Promise<string> {
  const previous = process.env.SKILLGAP_WORKERS;
  process.env.SKILLGAP_WORKERS = workers;
  try {
    const out = join(base, `workers-${workers}${config ? '-config' : ''}`);
    await runCommand({ ...(config ? { config } : { wave: '2022' }), out, only: ['ingest', 'normalise', 'analyse'], log: () => {} });
    return join(out, '2022');
  } finally {
    if (previous === undefined) delete process.env.SKILLGAP_WORKERS;
    else process.env.SKILLGAP_WORKERS = previous;
  }
}

describe('worker threads', () => {
  it('give byte-identical outputs with one worker and with two', async () => {
    const one = await runWith('1');
    const two = await runWith('2');
    const outputs = filesUnder(one)
      .map((file) => relative(one, file))
      .filter((file) => !['manifest.json', '.file-hashes.json'].includes(file))
      .sort();
    expect(outputs).toEqual(expect.arrayContaining(['ingested/industry-qualtrics.arrow', 'normalised/answers.csv', 'quality/audit.csv', 'analysis/estimates.csv']));
    for (const file of outputs) expect(readFileSync(join(two, file)).equals(readFileSync(join(one, file))), file).toBe(true);
  }, 120_000);

  it('rethrow a bad export\'s error as the ValidationError it was, naming the file', async () => {
    const wave = join(base, 'bad-wave');
    cpSync(join(REPO_ROOT, 'data', 'raw', '2022'), wave, { recursive: true });
    writeFileSync(join(wave, 'education-limesurvey.csv'), 'x\n');
    const failure = await runWith('2', join(wave, 'wave.json')).then(() => null, (error: unknown) => error);
    expect(failure).toBeInstanceOf(ValidationError);
    expect((failure as ValidationError).message).toMatch(/education-limesurvey\.csv, row 1: only one column found/);
  }, 120_000);
});
