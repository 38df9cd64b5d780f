/** wave.json options of issue 12: countryAliases (checked against the country table), per-source mayBeEmpty and missingMarkers. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWave } from '../../contracts/config.ts';
import { REPO_ROOT } from '../../runner/context.ts';
import { UsageError } from '../../contracts/errors.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

describe('wave.json options', () => {
  const dir = useTempDir();
  const waveWith = (name: string, edit: (wave: any) => void) => {
    const waveDir = join(dir, name);
    cpSync(join(REPO_ROOT, 'data/raw/2022'), waveDir, { recursive: true });
    const wave = JSON.parse(readFileSync(join(waveDir, 'wave.json'), 'utf8'));
    edit(wave);
    writeFileSync(join(waveDir, 'wave.json'), JSON.stringify(wave));
    return join(waveDir, 'wave.json');
  };

  it('loads countryAliases, mayBeEmpty and missingMarkers', () => {
    const path = waveWith('good', (wave) => {
      wave.countryAliases = { 'Zuid-Afrika': 'ZA' };
      wave.sources[1].mayBeEmpty = true;
      wave.sources[1].missingMarkers = ['N/A', '-99'];
    });
    const { config } = loadWave(REPO_ROOT, undefined, path);
    expect(config.countryAliases).toEqual({ 'Zuid-Afrika': 'ZA' });
    expect(config.sources[1]).toMatchObject({ mayBeEmpty: true, missingMarkers: ['N/A', '-99'] });
  });

  it('lists every bad option at once', () => {
    const path = waveWith('bad', (wave) => {
      wave.countryAliases = { Atlantis: 'XX' };
      wave.sources[0].mayBeEmpty = 'yes';
      wave.sources[1].missingMarkers = 'N/A';
    });
    let error: unknown;
    try {
      loadWave(REPO_ROOT, undefined, path);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message).toContain('3 problem(s) in the wave config');
    expect(message).toContain('"countryAliases" maps "Atlantis" to "XX", which is not an ISO 3166-1 alpha-2 code');
    expect(message).toContain('sources[0].mayBeEmpty must be true or false');
    expect(message).toContain('sources[1].missingMarkers must be a list of texts');
  });
});
