/**
 * Region and country profiles from a run wave (as `skillgap profiles`): one PDF and one HTML page per
 * region, and per country with at least k respondents, in out/<wave>/profiles/<level>/.
 */
import { profilesCommand, type ProfilesResult } from '../commands/profiles-command.ts';
import type { WaveSelection } from './wave-selection.ts';

export type { ProfilesResult };

/**
 * @example
 * ```ts
 * await runWave({ wave: '2022', out: 'out' });
 * const { profiles } = await writeProfiles({ wave: '2022', out: 'out', level: 'country', only: ['FR', 'KE'] });
 * profiles.map((profile) => profile.pdf); // ['out/2022/profiles/country/fr-france.pdf', …]
 * ```
 */
export function writeProfiles(options: WaveSelection & { level?: 'region' | 'country'; only?: string[]; wait?: boolean }): Promise<ProfilesResult> {
  return profilesCommand({ wave: options.wave, config: options.config, out: options.out, log: options.log ?? (() => {}), level: options.level, only: options.only, wait: options.wait });
}
