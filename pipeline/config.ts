/**
 * Loads a wave's configuration (data/raw/<wave>/wave.json, or --config FILE) and its codebook,
 * fills defaults, and checks them, listing every problem at once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Codebook, CompetencyFramework, WaveConfig } from './types.ts';
import { UsageError, ValidationError } from './errors.ts';
import { runMessages } from './messages/index.ts';
import { checkCountryAliases } from './normalise/countries.ts';

export const DEFAULT_CONFIG: Omit<WaveConfig, 'wave' | 'title' | 'reportDate' | 'sources' | 'codebook'> = {
  regionScheme: 'un-m49-region',
  quality: { dropDuplicates: true, minProgress: 100, speederFraction: 0.33, straightLineMinItems: 8, minAnsweredItems: 1, attentionChecks: true },
  suppression: { minN: 5, lowReliabilityN: 10, effectiveN: false, protectionShare: 0.5 },
  analysis: { ipaCrosshair: 'grand-mean', bootstrapReplicates: 200, seed: 1, weightCap: 5 },
};

export interface LoadedWave {
  config: WaveConfig;
  codebook: Codebook;
  /** Folder the config's relative paths are resolved against. */
  waveDir: string;
  configPath: string;
  /** Absolute path of every source export, in config order. */
  sourcePaths: string[];
  codebookPath: string;
}

export function readJsonFile<T>(path: string, what: string): T {
  if (!existsSync(path)) throw new UsageError(`${what} not found: ${path}`);
  try {
    return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as T;
  } catch (error) {
    throw new ValidationError(`${what} is not valid JSON (${(error as Error).message})`, { file: path });
  }
}

export function loadWave(root: string, waveId: string | undefined, configPath?: string): LoadedWave {
  let path: string;
  if (configPath) path = resolve(configPath);
  else {
    if (!waveId) throw new UsageError('name a wave with --wave ID or a config with --config FILE');
    const waveDir = join(root, 'data', 'raw', waveId);
    path = join(waveDir, 'wave.json');
    if (!existsSync(path)) throw new UsageError(runMessages.waveNotFound(waveId, waveDir));
  }
  const raw = readJsonFile<Partial<WaveConfig>>(path, 'wave config');
  const config: WaveConfig = {
    ...DEFAULT_CONFIG,
    ...raw,
    quality: { ...DEFAULT_CONFIG.quality, ...raw.quality },
    suppression: { ...DEFAULT_CONFIG.suppression, ...raw.suppression },
    analysis: { ...DEFAULT_CONFIG.analysis, ...raw.analysis },
  } as WaveConfig;
  const waveDir = dirname(path);
  const problems: string[] = [];
  if (!config.wave) problems.push('"wave" (the wave id) is missing');
  if (waveId && config.wave && config.wave !== waveId) problems.push(`"wave" is "${config.wave}" but --wave is "${waveId}"`);
  if (!config.reportDate || Number.isNaN(Date.parse(config.reportDate))) problems.push('"reportDate" must be an ISO date such as 2022-12-01');
  if (!Array.isArray(config.sources) || config.sources.length === 0) problems.push('"sources" must list at least one export file');
  if (!config.codebook) problems.push('"codebook" (path of the codebook) is missing');
  if (!['un-m49-region', 'un-m49-subregion', 'un-regional-group'].includes(config.regionScheme)) {
    problems.push(`"regionScheme" must be un-m49-region, un-m49-subregion or un-regional-group, not "${config.regionScheme}"`);
  }
  problems.push(...checkCountryAliases(config.countryAliases));
  const { minN, effectiveN, protectionShare } = config.suppression;
  if (!Number.isInteger(minN) || minN < 1) problems.push(`"suppression.minN" must be a whole number of at least 1, not ${JSON.stringify(minN)}`);
  if (typeof effectiveN !== 'boolean') problems.push(`"suppression.effectiveN" must be true or false, not ${JSON.stringify(effectiveN)}`);
  if (typeof protectionShare !== 'number' || !(protectionShare >= 0 && protectionShare <= 1)) problems.push(`"suppression.protectionShare" must be a number from 0 to 1, not ${JSON.stringify(protectionShare)}`);
  const sourcePaths: string[] = [];
  for (const [i, source] of (config.sources ?? []).entries()) {
    if (!source.id || !source.file) problems.push(`sources[${i}] needs "id" and "file"`);
    if (source.population !== 'industry' && source.population !== 'education') problems.push(`sources[${i}].population must be industry or education`);
    const sourcePath = resolve(waveDir, source.file ?? '');
    if (source.file && !existsSync(sourcePath)) problems.push(`sources[${i}] file not found: ${sourcePath}`);
    if (source.mayBeEmpty !== undefined && typeof source.mayBeEmpty !== 'boolean') problems.push(`sources[${i}].mayBeEmpty must be true or false`);
    if (source.missingMarkers !== undefined && !(Array.isArray(source.missingMarkers) && source.missingMarkers.every((marker) => typeof marker === 'string'))) {
      problems.push(`sources[${i}].missingMarkers must be a list of texts, e.g. ["N/A", "-99"]`);
    }
    sourcePaths.push(sourcePath);
  }
  if (problems.length > 0) throw new UsageError(`${path}: ${problems.length} problem(s) in the wave config:\n  ${problems.join('\n  ')}`);
  const codebookPath = resolve(waveDir, config.codebook);
  const codebook = readJsonFile<Codebook>(codebookPath, 'codebook');
  return { config, codebook, waveDir, configPath: path, sourcePaths, codebookPath };
}

export function loadFramework(root: string): CompetencyFramework {
  return readJsonFile<CompetencyFramework>(join(root, 'data', 'competencies.json'), 'competency framework');
}
