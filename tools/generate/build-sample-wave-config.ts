import type { WaveConfig } from '../../contracts/types.ts';
import { EDUCATION_SOURCE_ID, INDUSTRY_SOURCE_ID } from './build-sample-codebook.ts';

export const INDUSTRY_FILE = 'industry-qualtrics.csv';
export const EDUCATION_FILE = 'education-limesurvey.csv';

/** wave.json of a sample wave: the two sources and the default rules (BRIEF §3.7 for suppression). */
export function buildSampleWaveConfig(options: { wave: string; reportDate: string; previousWave?: string; analysisSeed: number }): WaveConfig {
  return {
    wave: options.wave,
    title: `Cybersecurity skills gap: industry and tertiary education, ${options.wave} (synthetic sample wave)`,
    reportDate: options.reportDate,
    ...(options.previousWave ? { previousWave: options.previousWave } : {}),
    sources: [
      { id: INDUSTRY_SOURCE_ID, file: INDUSTRY_FILE, population: 'industry' },
      { id: EDUCATION_SOURCE_ID, file: EDUCATION_FILE, population: 'education' },
    ],
    codebook: 'codebook.json',
    regionScheme: 'un-m49-region',
    quality: { dropDuplicates: true, minProgress: 100, speederFraction: 0.33, straightLineMinItems: 8, minAnsweredItems: 1 },
    suppression: { minN: 5, lowReliabilityN: 10, effectiveN: false, protectionShare: 0.5 },
    analysis: { ipaCrosshair: 'grand-mean', bootstrapReplicates: 200, seed: options.analysisSeed, weightCap: 5 },
  };
}
