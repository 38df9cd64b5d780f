/**
 * Loads a wave's configuration (data/raw/<wave>/wave.json, or --config FILE) and its codebook,
 * fills defaults, and checks them, listing every problem at once.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Codebook, CompetencyFramework, WaveConfig } from './types.ts';
import { UsageError, ValidationError } from './errors.ts';
import { runMessages } from './messages/index.ts';
import { checkCountryAliases } from '../stages/normalise/countries.ts';
import { kindOfFile } from '../io/hash.ts';

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

/**
 * Wave and source ids name folders and files (data/raw/<wave>, out/<wave>, ingested/<source>.cols):
 * letters, digits, `-`, `_` and `.`, not `.` or `..`, so an id can never lead outside its folder.
 */
const SAFE_ID = /^[A-Za-z0-9._-]{1,100}$/;
export const isSafeId = (id: unknown): id is string => typeof id === 'string' && SAFE_ID.test(id) && id !== '.' && id !== '..';

/** Throws ValidationError (exit 1) naming the bad id. */
export function checkSafeId(id: string, what: string, file?: string): void {
  if (!isSafeId(id)) throw new ValidationError(runMessages.unsafeId(what, id), file ? { file } : {});
}

/** A problem when `path` exists but is not a regular file (a pipe or device would block or never end). */
function notRegularProblem(path: string, what: string): { message: string; where: { file: string } } | null {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return null;
  }
  return stats.isFile() ? null : { message: runMessages.inputNotRegular(what, kindOfFile(stats)), where: { file: path } };
}

export function readJsonFile<T>(path: string, what: string): T {
  if (!existsSync(path)) throw new UsageError(`${what} not found: ${path}`);
  const notRegular = notRegularProblem(path, what);
  if (notRegular) throw new ValidationError(notRegular.message, notRegular.where);
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
    checkSafeId(waveId, 'wave id (--wave)');
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
  checkIds(raw, path);
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
  const notRegular = sourcePaths.flatMap((source, i) => notRegularProblem(source, `export of source "${config.sources[i].id}"`) ?? []);
  if (notRegular.length === 1) throw new ValidationError(notRegular[0].message, notRegular[0].where);
  if (notRegular.length > 1) throw ValidationError.many(notRegular);
  const codebook = readJsonFile<Codebook>(codebookPath, 'codebook');
  return { config, codebook, waveDir, configPath: path, sourcePaths, codebookPath };
}

/** The wave id, the source ids and previousWave must be safe names (isSafeId): every bad one is listed. */
function checkIds(raw: Partial<WaveConfig>, path: string): void {
  const problems: { message: string; where: { file: string } }[] = [];
  if (raw.wave !== undefined && !isSafeId(raw.wave)) problems.push({ message: runMessages.unsafeId('wave id ("wave")', String(raw.wave)), where: { file: path } });
  if (raw.previousWave !== undefined && !isSafeId(raw.previousWave)) problems.push({ message: runMessages.unsafeId('previous wave id ("previousWave")', String(raw.previousWave)), where: { file: path } });
  const seen = new Set<string>();
  for (const [i, source] of (Array.isArray(raw.sources) ? raw.sources : []).entries()) {
    if (source?.id !== undefined && !isSafeId(source.id)) problems.push({ message: runMessages.unsafeId(`source id (sources[${i}].id)`, String(source.id)), where: { file: path } });
    else if (source?.id !== undefined && seen.has(source.id)) problems.push({ message: runMessages.duplicateSourceId(source.id, i), where: { file: path } });
    if (source?.id !== undefined) seen.add(String(source.id));
  }
  if (problems.length === 1) throw new ValidationError(problems[0].message, problems[0].where);
  if (problems.length > 1) throw ValidationError.many(problems);
}

export function loadFramework(root: string): CompetencyFramework {
  return readJsonFile<CompetencyFramework>(join(root, 'data', 'competencies.json'), 'competency framework');
}
