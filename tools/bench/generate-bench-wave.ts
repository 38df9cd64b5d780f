/**
 * Writes a large synthetic wave for the benchmark, in the real export shapes the sample waves use
 * (Qualtrics CSV for industry, LimeSurvey CSV for education; 30 competencies × 2 dimensions plus
 * metadata and personal-data columns), with its wave.json and codebook.json.
 *
 * The sample-wave generator (tools/generate/) builds a whole wave in memory and plants dirt by
 * scanning all clean records, which is fine at 400 respondents and hopeless at a million. So the
 * bench wave is generated in chunks of CHUNK_RESPONDENTS: each chunk is a small sample wave of its
 * own (own seed, own planted dirt: ~4% incompletes, ~2% exact duplicates, speeders, straight-liners,
 * blank rows, previews), rendered by the same exporters and appended without its header rows.
 * LimeSurvey ids are renumbered so they stay unique across chunks (a duplicate keeps its original's id).
 *
 * Deterministic: the same (respondents, seed) gives the same bytes. Cached: a folder with a
 * `complete.json` marker is reused as it is.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { CompetencyFramework } from '../../contracts/types.ts';
import { buildSampleCodebook } from '../generate/build-sample-codebook.ts';
import { buildSampleWaveConfig, EDUCATION_FILE, INDUSTRY_FILE } from '../generate/build-sample-wave-config.ts';
import { generateSampleWave } from '../generate/generate-sample-wave.ts';

/** Clean respondents per population per chunk. */
const CHUNK_RESPONDENTS = 10_000;
/** Header rows of each export: Qualtrics has three, LimeSurvey one. */
const HEADER_LINES = { [INDUSTRY_FILE]: 3, [EDUCATION_FILE]: 1 } as const;

export interface BenchWave {
  dir: string;
  configPath: string;
  files: string[];
  bytes: Record<string, number>;
}

export function benchWaveDir(root: string, respondents: number, seed: number): string {
  return join(root, 'tools', 'bench', 'tmp', `wave-${respondents}-${seed}`);
}

/** Generates the wave unless it is cached; `respondents` are clean respondents per population. */
export function generateBenchWave(root: string, framework: CompetencyFramework, respondents: number, seed: number, log: (line: string) => void): BenchWave {
  const dir = benchWaveDir(root, respondents, seed);
  const marker = join(dir, 'complete.json');
  const files = [INDUSTRY_FILE, EDUCATION_FILE].map((name) => join(dir, name));
  if (existsSync(marker)) {
    const cached = JSON.parse(readFileSync(marker, 'utf8')) as Pick<BenchWave, 'bytes'>;
    return { dir, configPath: join(dir, 'wave.json'), files, ...cached };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const wave = `bench${respondents}`;
  const handles = Object.fromEntries(files.map((file, i) => [[INDUSTRY_FILE, EDUCATION_FILE][i], openSync(`${file}.partial`, 'w')]));
  let limesurveyIdOffset = 0;
  const bytes: Record<string, number> = { [INDUSTRY_FILE]: 0, [EDUCATION_FILE]: 0 };
  const started = performance.now();
  for (let done = 0, chunk = 0; done < respondents; done += CHUNK_RESPONDENTS, chunk++) {
    const size = Math.min(CHUNK_RESPONDENTS, respondents - done);
    // At least 20 per population so every region quota of the sample generator can be met.
    const { files: exports } = generateSampleWave({
      wave: '2022', seed: seed + chunk * 7919, industryRespondents: Math.max(20, size), educationRespondents: Math.max(20, size), framework,
    });
    for (const name of [INDUSTRY_FILE, EDUCATION_FILE] as const) {
      let text = typeof exports[name] === 'string' ? (exports[name] as string) : (exports[name] as Buffer).toString('utf8');
      const newline = name === INDUSTRY_FILE ? '\r\n' : '\n';
      if (name === EDUCATION_FILE) text = renumberLimesurveyIds(text, limesurveyIdOffset);
      if (chunk > 0) text = dropLines(text.replace(/^\uFEFF/, ''), HEADER_LINES[name], newline);
      const buffer = Buffer.from(text, 'utf8');
      writeSync(handles[name], buffer);
      bytes[name] += buffer.length;
    }
    limesurveyIdOffset += 2 * size;
    if (chunk % 10 === 9) log(`  generated ${done + size} of ${respondents} respondents per population (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  for (const handle of Object.values(handles)) closeSync(handle);
  for (const file of files) renameSync(`${file}.partial`, file);
  const config = { ...buildSampleWaveConfig({ wave, reportDate: '2024-12-01', analysisSeed: seed }), title: `Benchmark wave, ${respondents} respondents per population (synthetic)` };
  writeFileSync(join(dir, 'wave.json'), JSON.stringify(config, null, 2) + '\n');
  writeFileSync(join(dir, 'codebook.json'), JSON.stringify(buildSampleCodebook(wave, framework.competencies), null, 2) + '\n');
  writeFileSync(marker, JSON.stringify({ bytes }, null, 2) + '\n');
  return { dir, configPath: join(dir, 'wave.json'), files, bytes };
}

/** LimeSurvey rows start with the quoted response id ("17",…): shift every id by `offset`. */
function renumberLimesurveyIds(text: string, offset: number): string {
  return text.replace(/^"(\d+)",/gm, (_match, id: string) => `"${Number(id) + offset}",`);
}

function dropLines(text: string, count: number, newline: string): string {
  let at = 0;
  for (let i = 0; i < count; i++) at = text.indexOf(newline, at) + newline.length;
  return text.slice(at);
}
