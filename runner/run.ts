/**
 * The stage runner.
 *
 *   data/raw/<wave>/*.csv, wave.json, codebook.json
 *        │
 *        ▼  ingest      reads each export (format and encoding detected), drops personal-data
 *        │              columns, redacts e-mails/phones in free text      → ingested/<source>.arrow
 *        ▼  normalise   codebook → competencies and dimensions, labels → values, countries → ISO
 *        │              codes and regions, quality rules; one audit row per input row
 *        │                                      → normalised/{respondents,answers}.csv, quality/
 *        ▼  analyse     weighted estimates with design-based SEs, the three gaps, tests with
 *        │              q-values, rankings; small cells suppressed     → analysis/*.csv, *.json
 *        ▼  render      Vega-Lite figures (vl.json, svg, png) and the PDF report
 *                                                        → figures/, report.pdf
 *
 * Each stage declares the files it reads and writes, the parameters it depends on and its code
 * (a content hash of the import closure of its declaration file and its declared data files, plus
 * a version). The run manifest
 * (out/<wave>/manifest.json) keeps those hashes; a stage reruns only when one of them changed,
 * and `skillgap status` says which one (the rules of R's `targets`). File times never decide
 * staleness; they only let a file's known content hash be reused without reading the file again
 * (out/<wave>/.file-hashes.json, see FileHashCache in io/hash.ts: the run's own, ctx.fileHashes), so a rerun with nothing to do
 * costs a few stat calls, not a read of gigabytes.
 *
 * Faults never pass for success. Every output is written to a temporary file with every byte
 * checked and renamed into place (io/atomic-write.ts, io/buffered-file-writer.ts,
 * io/checked-write.ts); a full disk or an I/O error is a WriteError (exit 1). A stage is recorded
 * `ok` only once all its outputs are on disk, with the hashes of the bytes written; a failed stage
 * is recorded `failed` with no outputs, and `.file-hashes.json` keeps only hashes the manifest
 * vouches for. A run killed at any moment leaves the previous manifest and files, whose hashes
 * say which stages must run again. Before anything is hashed or written the out folder is checked
 * for links (io/output-paths.ts); the commands hold the wave's lock around the run (io/wave-lock.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Warning } from '../contracts/types.ts';
import { sha256, stableStringify } from '../io/hash.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { hashStageSources, SourceScanCache, sourceScanStoreFile } from '../io/source-closure.ts';
import { checkOutputPaths } from '../io/output-paths.ts';
import { figureIndexFile, fileHashesFile, manifestFile } from '../io/wave-layout.ts';
import { UsageError, WriteError } from '../contracts/errors.ts';
import { runMessages } from '../contracts/messages/index.ts';
import type { RunContext, StageDefinition, StageName } from '../contracts/stage.ts';
import { packageVersions } from '../io/package-versions.ts';

export type { RunContext, StageDefinition, StageName, StageReport } from '../contracts/stage.ts';

/** The manifest's record of one stage. */
export interface StageRecord {
  status: 'ok' | 'failed';
  codeHash: string;
  parametersHash: string;
  /** Input file (relative to the root or the out dir) → sha256. */
  inputs: Record<string, string>;
  outputs: Record<string, string>;
  rowsIn: number;
  rowsOut: number;
  wallSeconds: number;
  warnings: Warning[];
}

export interface Manifest {
  wave: string;
  config: unknown;
  packageVersions: Record<string, string>;
  inputs: { file: string; sha256: string }[];
  stages: Partial<Record<StageName, StageRecord>>;
}

export interface StageOutcome {
  stage: StageName;
  ran: boolean;
  reason: string;
  rowsIn?: number;
  rowsOut?: number;
  wallSeconds?: number;
  warnings?: number;
  /**
   * The process's resident-memory high-water mark when the stage ended, MB (getrusage maxRSS:
   * worker threads included). It only grows: a stage reached the run's peak when its mark is above
   * the previous stage's.
   */
  peakRssMb?: number;
}

const manifestPath = (ctx: RunContext) => manifestFile(ctx.outDir);
const fileHashesPath = (ctx: RunContext) => fileHashesFile(ctx.outDir);

/** Every file whose hash the runner records: the wave's inputs and each stage's inputs and outputs. */
function trackedFiles(ctx: RunContext, stages: readonly StageDefinition[]): string[] {
  const files = new Set([ctx.wave.configPath, ctx.wave.codebookPath, ...ctx.wave.sourcePaths]);
  for (const stage of stages) for (const file of [...stage.inputs(ctx), ...stage.outputs(ctx)]) files.add(file);
  return [...files];
}

/**
 * Saves the known hashes for the next run, but only those the manifest vouches for: a file an
 * ok stage recorded (input or output) with that very hash, or a wave input. A file written by a
 * stage that then failed is not vouched for, so the next run reads it again if it needs its hash.
 * Losing this file (a full disk) only costs re-hashing.
 */
function readTextIfAny(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function saveFileHashes(ctx: RunContext, stages: readonly StageDefinition[], manifest: Manifest): void {
  const recorded = new Map<string, Set<string>>();
  const add = (file: string, hash: string) => (recorded.get(file) ?? recorded.set(file, new Set()).get(file)!).add(hash);
  for (const input of manifest.inputs) add(input.file, input.sha256);
  for (const record of Object.values(manifest.stages)) {
    if (record?.status !== 'ok') continue;
    for (const [file, hash] of [...Object.entries(record.inputs), ...Object.entries(record.outputs)]) add(file, hash);
  }
  const vouched = (file: string, hash: string) => recorded.get(displayPath(ctx, file))?.has(hash) === true;
  try {
    const json = ctx.fileHashes.json(trackedFiles(ctx, stages), vouched);
    if (readTextIfAny(fileHashesPath(ctx)) !== json) writeFileAtomic(fileHashesPath(ctx), json, ctx.fileHashes); // a rerun that changed nothing writes nothing
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
  }
}

/** The manifest, written atomically after every stage (a full disk leaves the previous one). */
function saveManifest(ctx: RunContext, manifest: Manifest): void {
  const json = JSON.stringify(manifest, null, 2) + '\n';
  if (readTextIfAny(manifestPath(ctx)) !== json) writeFileAtomic(manifestPath(ctx), json);
}

/** Every file a run may write in the out folder, checked for links before anything is written or hashed. */
function checkOutFolder(ctx: RunContext, stages: readonly StageDefinition[]): void {
  const fixed = [manifestPath(ctx), fileHashesPath(ctx), figureIndexFile(ctx.outDir)];
  checkOutputPaths(ctx.outDir, fixed);
  checkOutputPaths(ctx.outDir, stages.flatMap((stage) => stage.outputs(ctx)));
}

export function readManifest(ctx: RunContext): Manifest | null {
  const path = manifestPath(ctx);
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

function displayPath(ctx: RunContext, file: string): string {
  const fromOut = relative(ctx.outDir, file);
  return fromOut.startsWith('..') ? relative(ctx.root, file).replaceAll('\\', '/') : `out:${fromOut.replaceAll('\\', '/')}`;
}

async function hashFiles(ctx: RunContext, files: string[]): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const file of files) hashes[displayPath(ctx, file)] = existsSync(file) ? await ctx.fileHashes.sha256File(file) : 'missing';
  return hashes;
}

/**
 * The stage's code: its version, the import closure of its declaration file and its declared data
 * files (io/source-closure.ts). A manifest written when the hash covered hand-listed folders
 * holds another hash, so each stage reruns once after the change of method.
 */
export function codeHash(ctx: RunContext, stage: StageDefinition, sources = new SourceScanCache()): string {
  return sha256(`${stage.version}\n${hashStageSources(ctx.root, stage.entry, stage.dataPaths, sources)}`);
}

/**
 * Why a stage must run, or null when it is up to date. Checks, in order: no record, errored last
 * time, code changed, parameters changed, an input changed, an output missing or changed.
 */
export async function whyStale(ctx: RunContext, stage: StageDefinition, manifest: Manifest | null, sources = new SourceScanCache()): Promise<string | null> {
  const record = manifest?.stages[stage.name];
  if (!record) return 'no record of a previous run';
  if (record.status !== 'ok') return 'the previous run failed';
  if (record.codeHash !== codeHash(ctx, stage, sources)) return 'its code changed';
  if (record.parametersHash !== sha256(stableStringify(stage.parameters(ctx) ?? null))) return 'its parameters changed';
  const inputs = await hashFiles(ctx, stage.inputs(ctx));
  for (const [file, hash] of Object.entries(inputs)) if (record.inputs[file] !== hash) return `input changed: ${file}`;
  const outputs = await hashFiles(ctx, stage.outputs(ctx));
  for (const [file, hash] of Object.entries(outputs)) {
    if (hash === 'missing') return `output missing: ${file}`;
    if (record.outputs[file] !== hash) return `output changed since it was written: ${file}`;
  }
  return null;
}

/**
 * A stage run alone (`skillgap analyse`) before the stage whose outputs it reads has written them:
 * a UsageError naming the missing file and the stage to run first, before the stage starts (it
 * would otherwise fail on a missing file as if it were a bug).
 */
function checkUpstreamOutputs(ctx: RunContext, stage: StageDefinition, stages: readonly StageDefinition[]): void {
  const upstream = stages.slice(0, stages.indexOf(stage));
  for (const file of stage.inputs(ctx)) {
    if (existsSync(file)) continue;
    const producer = upstream.find((earlier) => earlier.outputs(ctx).includes(file));
    if (producer) throw new UsageError(runMessages.stageInputMissing(stage.name, relative(ctx.outDir, file).replaceAll('\\', '/'), ctx.outDir, producer.name));
  }
}

export interface RunOptions {
  /** Stages to consider, in order (default: all). */
  only?: StageName[];
  force?: boolean;
}

/**
 * Runs the given stages in order (the command's list, e.g. commands/wave-stages.ts: the runner
 * imports no stage), skipping those that are up to date, and keeps the manifest.
 */
export async function runStages(ctx: RunContext, stages: readonly StageDefinition[], options: RunOptions = {}): Promise<StageOutcome[]> {
  checkOutFolder(ctx, stages);
  ctx.fileHashes.load(fileHashesPath(ctx));
  const sources = new SourceScanCache(sourceScanStoreFile(ctx.root));
  const manifest: Manifest = readManifest(ctx) ?? { wave: ctx.wave.config.wave, config: null, packageVersions: {}, inputs: [], stages: {} };
  manifest.wave = ctx.wave.config.wave;
  manifest.config = ctx.wave.config;
  manifest.packageVersions = packageVersions(ctx.root);
  manifest.inputs = await Promise.all(
    [ctx.wave.configPath, ctx.wave.codebookPath, ...ctx.wave.sourcePaths].map(async (file) => ({
      file: displayPath(ctx, file),
      sha256: await ctx.fileHashes.sha256File(file),
    })),
  );
  const outcomes: StageOutcome[] = [];
  let upstreamRan = false;
  for (const stage of stages) {
    if (options.only && !options.only.includes(stage.name)) continue;
    const reason = options.force ? 'forced' : await whyStale(ctx, stage, manifest, sources);
    if (reason === null && !upstreamRan) {
      ctx.log(runMessages.stageSkipped(stage.name));
      outcomes.push({ stage: stage.name, ran: false, reason: 'up to date' });
      continue;
    }
    const why = reason ?? 'an earlier stage ran';
    checkUpstreamOutputs(ctx, stage, stages);
    ctx.log(runMessages.stageRunning(stage.name, why));
    const started = ctx.clock();
    try {
      const report = await stage.run(ctx);
      const wallSeconds = (ctx.clock() - started) / 1000;
      manifest.stages[stage.name] = {
        status: 'ok',
        codeHash: codeHash(ctx, stage, sources),
        parametersHash: sha256(stableStringify(stage.parameters(ctx) ?? null)),
        inputs: await hashFiles(ctx, stage.inputs(ctx)),
        outputs: await hashFiles(ctx, stage.outputs(ctx)),
        rowsIn: report.rowsIn,
        rowsOut: report.rowsOut,
        wallSeconds,
        warnings: report.warnings,
      };
      ctx.log(runMessages.stageDone(stage.name, wallSeconds, report.rowsIn, report.rowsOut));
      for (const warning of report.warnings.slice(0, 5)) ctx.log(`  warning: ${warning.file ? `${warning.file}: ` : ""}${warning.message}`);
      if (report.warnings.length > 5) ctx.log(`  … and ${report.warnings.length - 5} more warnings (see manifest.json)`);
      outcomes.push({ stage: stage.name, ran: true, reason: why, rowsIn: report.rowsIn, rowsOut: report.rowsOut, wallSeconds, warnings: report.warnings.length, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
      upstreamRan = true;
    } catch (error) {
      // Nothing of a failed stage is recorded: its record says failed and keeps no output hashes.
      // If even this manifest cannot be written (a full disk), the previous one stands: its
      // record of the stage names the previous outputs' hashes, which the files the failed
      // stage replaced no longer have, so the stage still reruns.
      manifest.stages[stage.name] = { ...emptyRecord(), status: 'failed' };
      try {
        saveManifest(ctx, manifest);
        saveFileHashes(ctx, stages, manifest);
      } catch (recordError) {
        if (!(recordError instanceof WriteError)) throw recordError;
      }
      throw error;
    }
    saveManifest(ctx, manifest);
  }
  saveManifest(ctx, manifest);
  saveFileHashes(ctx, stages, manifest);
  sources.save();
  return outcomes;
}

/** For `skillgap status`: what each stage would do now, and why. */
export async function explainStatus(ctx: RunContext, stages: readonly StageDefinition[]): Promise<{ stage: StageName; stale: boolean; reason: string }[]> {
  checkOutFolder(ctx, stages);
  ctx.fileHashes.load(fileHashesPath(ctx));
  const manifest = readManifest(ctx);
  const sources = new SourceScanCache(sourceScanStoreFile(ctx.root));
  const result: { stage: StageName; stale: boolean; reason: string }[] = [];
  let upstreamStale = false;
  for (const stage of stages) {
    const reason = await whyStale(ctx, stage, manifest, sources);
    const stale: boolean = reason !== null || upstreamStale;
    result.push({ stage: stage.name, stale, reason: reason ?? (upstreamStale ? 'an earlier stage will run' : 'up to date') });
    upstreamStale = stale;
  }
  sources.save();
  return result;
}

function emptyRecord(): StageRecord {
  return { status: 'failed', codeHash: '', parametersHash: '', inputs: {}, outputs: {}, rowsIn: 0, rowsOut: 0, wallSeconds: 0, warnings: [] };
}
