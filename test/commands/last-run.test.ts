/** The record of the last run (out/.last-run.json) and how status and figures choose their wave from it. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lastRunPath, readLastRun, recordLastRun, waveOfLastRun } from '../../commands/last-run.ts';
import { UsageError } from '../../contracts/errors.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

describe('the last run', () => {
  const dir = useTempDir('skillgap-last-run-');

  it('is recorded under the base out folder and read back', () => {
    const out = join(dir, 'recorded');
    expect(readLastRun(out)).toBeNull();
    recordLastRun(out, { wave: '2022', config: null, command: 'run' });
    expect(lastRunPath(out)).toBe(join(out, '.last-run.json'));
    expect(readLastRun(out)).toEqual({ wave: '2022', config: null, command: 'run' });
  });

  it('gives status and figures its wave only when neither --wave nor --config is given', () => {
    const out = join(dir, 'choose');
    expect(waveOfLastRun({ out })).toEqual({ options: { out }, from: 'newest' });
    const config = join(dir, 'wave.json');
    writeFileSync(config, '{}');
    recordLastRun(out, { wave: '2031', config, command: 'analyse' });
    expect(waveOfLastRun({ out })).toEqual({ options: { out, config }, from: 'last-run' });
    expect(waveOfLastRun({ out, wave: '2022' })).toEqual({ options: { out, wave: '2022' }, from: 'option' });
    expect(waveOfLastRun({ out, config: 'other.json' })).toEqual({ options: { out, config: 'other.json' }, from: 'option' });
    recordLastRun(out, { wave: '2022', config: null, command: 'run' });
    expect(waveOfLastRun({ out })).toEqual({ options: { out, wave: '2022' }, from: 'last-run' });
  });

  it('refuses a damaged record or a config that is gone, naming the file and how to go on (exit 2)', () => {
    const out = join(dir, 'damaged');
    mkdirSync(out, { recursive: true });
    writeFileSync(lastRunPath(out), '{"wave": "20');
    expect(() => readLastRun(out)).toThrow(UsageError);
    expect(() => readLastRun(out)).toThrow(/\.last-run\.json \(the record of the last run\) is not valid JSON .*name the wave with --wave ID or --config FILE/);
    writeFileSync(lastRunPath(out), JSON.stringify({ wave: '../etc', config: null }));
    expect(() => readLastRun(out)).toThrow(/does not name a wave/);
    const gone = join(dir, 'gone', 'wave.json');
    writeFileSync(lastRunPath(out), JSON.stringify({ wave: '2024', config: gone, command: 'run' }));
    expect(() => readLastRun(out)).toThrow(new RegExp(`used the wave config ${gone.replace(/[.]/g, '\\.')}, which no longer exists`));
  });
});
