/** wave.json options of issue 12: countryAliases (checked against the country table), per-source mayBeEmpty and missingMarkers. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWave } from '../../contracts/config.ts';
import { REPO_ROOT } from '../../runner/context.ts';
import { UsageError, ValidationError } from '../../contracts/errors.ts';
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

  it('lists every bad option at once: first what the schema says (exit 1, by JSON path), then unknown country codes', () => {
    const path = waveWith('bad', (wave) => {
      wave.countryAliases = { Atlantis: 'XX' };
      wave.sources[0].mayBeEmpty = 'yes';
      wave.sources[1].missingMarkers = 'N/A';
    });
    const errorOf = (file: string) => {
      try {
        loadWave(REPO_ROOT, undefined, file);
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('expected an error');
    };
    const error = errorOf(path);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('2 problem(s)');
    expect(error.message).toContain('/sources/0/mayBeEmpty: must be true or false, not "yes"');
    expect(error.message).toContain('/sources/1/missingMarkers: must be a list [ … ], not "N/A"');

    const aliases = errorOf(waveWith('aliases', (wave) => (wave.countryAliases = { Atlantis: 'XX' })));
    expect(aliases).toBeInstanceOf(UsageError);
    expect(aliases.message).toContain('1 problem(s) in the wave config');
    expect(aliases.message).toContain('"countryAliases" maps "Atlantis" to "XX", which is not an ISO 3166-1 alpha-2 code');
  });
});
