/** Shared by the fault tests: sample-wave copies, the CLI as a child process, out folders compared byte for byte. */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync, lstatSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import Papa from 'papaparse';
import { REPO_ROOT } from '../../runner/context.ts';

export const CLI = join(REPO_ROOT, 'bin/skillgap.js');

/** Environment of a child run: quiet about the test seams of the parent. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  if (!('SKILLGAP_TEST_WRITE_FAULT' in extra)) delete env.SKILLGAP_TEST_WRITE_FAULT;
  return env;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `skillgap <args>` to the end (at most `timeoutMs`, then it is killed and `code` is null).
 * Asynchronous: a test worker blocked in spawnSync for minutes misses vitest's heartbeats.
 */
export async function skillgap(args: string[], env: Record<string, string> = {}, timeoutMs = 600_000): Promise<CliResult> {
  const run = startSkillgap(args, env);
  const timer = setTimeout(() => run.child.kill('SIGKILL'), timeoutMs);
  try {
    return await run.done;
  } finally {
    clearTimeout(timer);
  }
}

/** Starts `skillgap <args>` in the background; `done` resolves when it ends. */
export function startSkillgap(args: string[], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env: childEnv(env) });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<CliResult>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

/**
 * A copy of the 2022 sample wave in `dir`. `dropIndustryRows` removes that many data rows from the
 * end of the industry export: different data under the same wave id (every stage's outputs change).
 */
export function copySampleWave(dir: string, dropIndustryRows = 0): string {
  cpSync(join(REPO_ROOT, 'data/raw/2022'), dir, { recursive: true });
  if (dropIndustryRows > 0) {
    const file = join(dir, 'industry-qualtrics.csv');
    // Cells hold line breaks: records are cut by parsing, then written back quoted as Qualtrics does.
    const { data } = Papa.parse<string[]>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true });
    writeFileSync(file, '\uFEFF' + Papa.unparse(data.slice(0, data.length - dropIndustryRows), { quotes: true, newline: '\n' }) + '\n');
  }
  return join(dir, 'wave.json');
}

/** Every file under `dir` (relative paths, sorted), without following links. */
export function listFiles(dir: string, skip: (name: string) => boolean = () => false): string[] {
  const files: string[] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (skip(entry.name)) continue;
      if (entry.isDirectory()) visit(path);
      else files.push(relative(dir, path));
    }
  };
  if (existsSync(dir)) visit(dir);
  return files.sort();
}

/** The run's own bookkeeping, which holds wall times and file identities: not compared byte for byte. */
export const BOOKKEEPING = new Set(['manifest.json', '.file-hashes.json']);

/** Asserts that two wave out folders hold the same files with the same bytes (bookkeeping aside). */
export function expectSameOutputs(actualDir: string, expectedDir: string): void {
  const skip = (name: string) => BOOKKEEPING.has(name);
  const actual = listFiles(actualDir, skip);
  const expected = listFiles(expectedDir, skip);
  expect(actual).toEqual(expected);
  const differing = expected.filter((file) => !readFileSync(join(actualDir, file)).equals(readFileSync(join(expectedDir, file))));
  expect(differing).toEqual([]);
}

export interface ManifestStage {
  status: string;
  codeHash: string;
  parametersHash: string;
  inputs: Record<string, string>;
  outputs: Record<string, string>;
}

export function readManifestStages(waveOut: string): Record<string, ManifestStage> {
  const file = join(waveOut, 'manifest.json');
  if (!existsSync(file)) return {};
  return (JSON.parse(readFileSync(file, 'utf8')) as { stages: Record<string, ManifestStage> }).stages;
}

/** Stages that the run's --json summary says ran. */
export function stagesRan(stdout: string): string[] {
  return (JSON.parse(stdout) as { stages: { stage: string; ran: boolean }[] }).stages.filter((s) => s.ran).map((s) => s.stage);
}

/** Leftover temporary files (`*.<pid>.tmp`) under a folder. */
export function temporaryFiles(dir: string): string[] {
  return listFiles(dir).filter((file) => /\.\d+\.tmp$/.test(file));
}

export const isLink = (path: string) => existsSync(path) && lstatSync(path).isSymbolicLink();

/** A small seeded generator (mulberry32), so the random kill points are the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
