/**
 * Nothing is silently lost (issue 12 §2): a source whose every row is excluded, or a population
 * whose every cell is suppressed, stops the run with exit 1 and the reason, unless wave.json marks
 * the source `mayBeEmpty`. Run as a user would: the CLI in a child process.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../runner/context.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

function skillgap(args: string[]) {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/skillgap.js'), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const editJson = (path: string, edit: (value: any) => void) => {
  const value = JSON.parse(readFileSync(path, 'utf8'));
  edit(value);
  writeFileSync(path, JSON.stringify(value, null, 1));
};

/** Data records of the bundled 2022 education export (as ingest logs them; some cells hold line breaks). */
const EDUCATION_ROWS = 427;

describe('a source or population with nothing kept', () => {
  const dir = useTempDir();

  function waveWithoutEducationRatings(name: string, source: Record<string, unknown> = {}): string {
    const waveDir = join(dir, name);
    cpSync(join(REPO_ROOT, 'data/raw/2022'), waveDir, { recursive: true });
    editJson(join(waveDir, 'codebook.json'), (codebook) => {
      codebook.sources.find((s: { source: string }) => s.source === 'education-limesurvey').items = [];
    });
    editJson(join(waveDir, 'wave.json'), (wave) => Object.assign(wave.sources.find((s: { id: string }) => s.id === 'education-limesurvey'), source));
    return join(waveDir, 'wave.json');
  }

  it('exits 1 when every education row is excluded, naming the file, the count, the reason and what to do', () => {
    const out = join(dir, 'out-excluded');
    const result = skillgap(['run', '--config', waveWithoutEducationRatings('excluded'), '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`education-limesurvey\\.csv: limesurvey, .*, ${EDUCATION_ROWS} data rows`));
    // Two rows are excluded for other reasons too (blank, duplicate…), all are no_ratings but those.
    expect(result.stderr).toMatch(
      /education-limesurvey\.csv: all 427 rows excluded as no_ratings \(42\d\)( and \d other reason\(s\))?: the codebook maps no rating column of this file; see quality\/audit\.csv and run `skillgap validate`/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
    // The audit explaining it was written before the run stopped.
    const audit = readFileSync(join(out, '2022/quality/audit.csv'), 'utf8');
    expect(audit.split('\n').filter((line) => line.includes('education-limesurvey.csv') && line.includes('no_ratings'))).toHaveLength(425);
    expect(audit.split('\n').filter((line) => line.includes('education-limesurvey.csv'))).toHaveLength(EDUCATION_ROWS);
    expect(existsIn(out, '2022/analysis/estimates.csv')).toBe(false);
  }, 120_000);

  it('runs to the end when wave.json says the source may be empty', () => {
    const out = join(dir, 'out-allowed');
    const result = skillgap(['run', '--config', waveWithoutEducationRatings('allowed', { mayBeEmpty: true }), '--out', out]);
    expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
    expect(result.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, '2022/quality/summary.json'), 'utf8'));
    expect(summary.perSource.find((s: { sourceFile: string }) => s.sourceFile.endsWith('education-limesurvey.csv'))).toMatchObject({ rowsRead: EDUCATION_ROWS, kept: 0 });
  }, 240_000);

  it('exits 1 when every cell of a population is suppressed', () => {
    const waveDir = join(dir, 'suppressed');
    cpSync(join(REPO_ROOT, 'data/raw/2022'), waveDir, { recursive: true });
    // More answers per cell than the wave has respondents: every cell of both populations is suppressed.
    editJson(join(waveDir, 'wave.json'), (wave) => { wave.suppression = { minN: 100_000, lowReliabilityN: 100_001 }; });
    const result = skillgap(['run', '--config', join(waveDir, 'wave.json'), '--out', join(dir, 'out-suppressed')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/every one of the \d+ industry estimates is suppressed \(fewer than 100000 answers with a value per cell\) although \d+ industry respondent\(s\) were kept/);
    expect(result.stderr).toMatch(/every one of the \d+ education estimates is suppressed/);
    expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
  }, 120_000);
});

function existsIn(dir: string, path: string): boolean {
  try {
    readFileSync(join(dir, path));
    return true;
  } catch {
    return false;
  }
}
