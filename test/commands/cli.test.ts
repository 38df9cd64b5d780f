/** The one error boundary: exit codes and messages as a user sees them, never a stack trace. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../runner/context.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

function skillgap(args: string[], cwd = REPO_ROOT) {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/skillgap.js'), ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('skillgap command line', () => {
  const dir = useTempDir();

  it('exits 2 with usage help for an unknown command or option', () => {
    const unknown = skillgap(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    const badOption = skillgap(['run', '--colour']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toMatch(/usage: skillgap run/);
  });

  it('a stage run alone before the stage it reads from exits 2 naming the stage to run first, never an internal error', () => {
    for (const [stage, what, previous] of [['normalise', 'ingested/industry-qualtrics.arrow', 'ingest'], ['analyse', 'normalised/respondents.arrow', 'normalise'], ['render', 'analysis/analysis.json', 'analyse']]) {
      const result = skillgap([stage, '--wave', '2022', '--out', join(dir, `alone-${stage}`)]);
      expect(result.code, `${stage}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toContain(`${stage}: no ${what} found in`);
      expect(result.stderr).toContain(`run \`skillgap ${previous}\` first`);
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
      // Refused before the stage starts: nothing ran, nothing was written for it.
      expect(result.stderr).not.toContain(`${stage}: running`);
    }
  });

  it('exits 2 for a wave that does not exist', () => {
    const result = skillgap(['run', '--wave', '1999', '--out', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/wave "1999" not found/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 naming the file and column when an export lacks a required column, with --json on stdout', () => {
    const waveDir = join(dir, 'broken');
    cpSync(join(REPO_ROOT, 'data/raw/2022'), waveDir, { recursive: true });
    const file = join(waveDir, 'education-limesurvey.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"country"', '"land"'));
    const result = skillgap(['run', '--config', join(waveDir, 'wave.json'), '--out', join(dir, 'out'), '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/education-limesurvey\.csv.*column "country"/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, command: 'run', error: { kind: 'validation', file: expect.stringMatching(/education-limesurvey\.csv$/), column: 'country' }, exitCode: 1 });
  });

  it('exits 1 for an empty export, naming the file', () => {
    const waveDir = join(dir, 'empty');
    cpSync(join(REPO_ROOT, 'data/raw/2022'), waveDir, { recursive: true });
    writeFileSync(join(waveDir, 'industry-qualtrics.csv'), '');
    const result = skillgap(['run', '--config', join(waveDir, 'wave.json'), '--out', join(dir, 'out2')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/industry-qualtrics\.csv/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints a machine-readable summary with --json', () => {
    const result = skillgap(['status', '--wave', '2022', '--out', join(dir, 'fresh'), '--json']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout).result;
    expect(summary.stages.map((s: { stage: string; stale: boolean }) => [s.stage, s.stale])).toEqual([
      ['ingest', true], ['normalise', true], ['analyse', true], ['render', true],
    ]);
    expect(summary.stages[0].reason).toBe('no record of a previous run');
  });
});
