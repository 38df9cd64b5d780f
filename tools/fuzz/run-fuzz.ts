/**
 * `npm run fuzz`: the damaged-files mutation fuzzer (issue 12 §2). Mutates the bundled sample
 * exports (data/raw/2022, 2023) and the third-party fixtures (../shared/fixtures/third-party), runs
 * `skillgap ingest` + `skillgap normalise` on each variant in a child process with a time bound,
 * and checks, for every variant:
 *   - no internal error (exit 3), no stack trace, no crash;
 *   - no hang: each variant finishes within its time bound;
 *   - exit 0: every record of the damaged file (counted independently: tools/fuzz/count-records.ts)
 *     is in quality/audit.csv, kept or excluded with a reason;
 *   - exit 1: the message names the file and a place in it (row, column, record, offset…);
 *   - no leak: no message (stderr, manifest.json and meta warnings) quotes more than a short prefix
 *     of a cell (the planted 50 MB cell is looked for), and stderr stays small.
 *
 *   npm run fuzz [-- --seed N] [--variants N] [--big-cells N] [--sample N] [--timeout SECONDS] [--only NAME] [--keep] [--json FILE]
 *
 * Prints the figures and every failing variant (with the seed and its number, so it can be re-run).
 * Exit 0 when every check passed, 1 otherwise.
 */
import { fork, type ChildProcess } from 'node:child_process';
import Papa from 'papaparse';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BIG_CELL, PLANTED_CELL_LEAK, SAV_MUTATIONS, TEXT_MUTATIONS, XLSX_MUTATIONS, seededRandom, type Mutation } from './mutations.ts';
import { countSavCases, countTextRecords, xlsxRowsWithValues } from './count-records.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const THIRD_PARTY = resolve(ROOT, '../shared/fixtures/third-party');

export interface FuzzBase {
  name: string;
  path: string;
  kind: 'text' | 'xlsx' | 'sav';
  population: 'industry' | 'education';
  /** The codebook's source entry (columns and items) and scale for this export. */
  codebookSource: Record<string, unknown>;
  scale: Record<string, unknown>;
}

export interface FuzzVariant {
  number: number;
  base: FuzzBase;
  mutation: string;
  bytes: Buffer;
}

export type Outcome = 'ok' | 'stopped' | 'internal_error' | 'stack_trace' | 'hang' | 'crash' | 'record_missing' | 'no_place' | 'leak';

export interface VariantResult {
  number: number;
  base: string;
  mutation: string;
  exitCode: number | null;
  outcome: Outcome;
  detail: string;
}

const kindOf = (path: string): FuzzBase['kind'] => (/\.xlsx$/i.test(path) ? 'xlsx' : /\.sav$/i.test(path) ? 'sav' : 'text');

/** The sample exports with their own codebook entries. */
function sampleBases(): FuzzBase[] {
  const bases: FuzzBase[] = [];
  for (const wave of ['2022', '2023']) {
    const dir = join(ROOT, 'data/raw', wave);
    const config = JSON.parse(readFileSync(join(dir, 'wave.json'), 'utf8'));
    const codebook = JSON.parse(readFileSync(join(dir, config.codebook), 'utf8'));
    for (const source of config.sources) {
      bases.push({
        name: `${wave}/${source.file}`, path: join(dir, source.file), kind: kindOf(source.file), population: source.population,
        codebookSource: codebook.sources.find((s: { source: string }) => s.source === source.id), scale: codebook.scale,
      });
    }
  }
  return bases;
}

/** Third-party fixtures with a codebook made from their first columns (most rows end as no_ratings: the check is the audit). */
async function fixtureBases(): Promise<FuzzBase[]> {
  if (!existsSync(THIRD_PARTY)) {
    console.warn(`[skip] third-party fixtures not found at ${THIRD_PARTY}: fuzzing the sample exports only`);
    return [];
  }
  const { readExport } = await import('../../stages/ingest/read-export.ts');
  const competencies = (JSON.parse(readFileSync(join(ROOT, 'data/competencies.json'), 'utf8')) as { competencies: { id: string }[] }).competencies.map((c) => c.id);
  const bases: FuzzBase[] = [];
  for (const folder of readdirSync(THIRD_PARTY).sort()) {
    const dir = join(THIRD_PARTY, folder);
    if (!existsSync(dir) || !/^[a-z]/.test(folder) || folder.endsWith('.md')) continue;
    for (const file of readdirSync(dir).sort()) {
      const path = join(dir, file);
      let columns: string[];
      try {
        columns = (await readExport({ path, sourceId: 'fixture' })).columns.map((column) => column.key);
      } catch (error) {
        console.warn(`[skip] ${folder}/${file}: the unmutated fixture does not ingest (${(error as Error).message.slice(0, 120)})`);
        continue;
      }
      const items = columns.slice(2, 5).map((column, i) => ({ column, competency: competencies[i], dimension: 'importance' }));
      bases.push({
        name: `${folder}/${file}`, path, kind: kindOf(file), population: 'industry',
        codebookSource: { columns: { respondentId: columns[0], country: columns[Math.min(1, columns.length - 1)] }, items },
        scale: { min: 1, max: 5, labels: { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5 }, missing: {} },
      });
    }
  }
  return bases;
}

/** The variants, in a fixed order for a seed: every base gets its kind's mutations in turn; a few get the 50 MB cell. */
export function makeVariants(bases: readonly FuzzBase[], seed: number, count: number, bigCells: number): FuzzVariant[] {
  const random = seededRandom(seed);
  const variants: FuzzVariant[] = [];
  const originals = new Map(bases.map((base) => [base.name, readFileSync(base.path)]));
  const mutationsOf = (base: FuzzBase): Mutation[] => (base.kind === 'xlsx' ? XLSX_MUTATIONS : base.kind === 'sav' ? SAV_MUTATIONS : TEXT_MUTATIONS);
  const textBases = bases.filter((base) => base.kind === 'text');
  for (let k = 0; k < bigCells && textBases.length > 0; k++) {
    const base = textBases[Math.floor((k * textBases.length) / bigCells)];
    variants.push({ number: variants.length, base, mutation: BIG_CELL.name, bytes: BIG_CELL.apply(originals.get(base.name)!, random, { ratingColumn: firstItemColumn(base) }) });
  }
  for (let round = 0; variants.length < count; round++) {
    for (const base of bases) {
      if (variants.length >= count) break;
      const mutations = mutationsOf(base);
      const mutation = mutations[(round + variants.length) % mutations.length];
      variants.push({ number: variants.length, base, mutation: mutation.name, bytes: mutation.apply(originals.get(base.name)!, random, { ratingColumn: firstItemColumn(base) }) });
    }
  }
  return variants;
}

const firstItemColumn = (base: FuzzBase) => ((base.codebookSource.items as { column: string }[] | undefined) ?? [])[0]?.column;

/** Writes a one-source wave for a variant: the damaged file under its own name, wave.json, codebook.json. */
function writeVariantWave(variant: FuzzVariant, dir: string): { config: string; file: string } {
  mkdirSync(dir, { recursive: true });
  const file = basename(variant.base.path);
  writeFileSync(join(dir, file), variant.bytes);
  const sourceId = 'fuzzed';
  writeFileSync(join(dir, 'wave.json'), JSON.stringify({
    wave: 'fuzz', title: 'fuzz', reportDate: '2024-01-01', codebook: 'codebook.json',
    sources: [{ id: sourceId, file, population: variant.base.population, mayBeEmpty: true }],
  }));
  writeFileSync(join(dir, 'codebook.json'), JSON.stringify({ wave: 'fuzz', scale: variant.base.scale, sources: [{ ...variant.base.codebookSource, source: sourceId }] }));
  return { config: join(dir, 'wave.json'), file };
}

/** A child process running cases one at a time (tools/fuzz/case-runner.ts), replaced when a case overruns. */
class CaseRunner {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;

  private start(): Promise<void> {
    const child = fork(join(ROOT, 'bin/run-ts.js'), [join(ROOT, 'tools/fuzz/case-runner.ts')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: ['--max-old-space-size=2048'] });
    child.stderr!.resume();
    this.child = child;
    this.ready = new Promise((resolveReady) => child.once('message', () => resolveReady()));
    return this.ready;
  }

  async run(config: string, out: string, timeoutMs: number): Promise<{ code: number | null; stderr: string; stderrBytes: number; timedOut: boolean; crashed: boolean }> {
    if (!this.child) await this.start();
    else await this.ready;
    const child = this.child!;
    return new Promise((resolveRun) => {
      let settled = false;
      const finish = (result: { code: number | null; stderr: string; stderrBytes: number; timedOut: boolean; crashed: boolean }) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        child.removeAllListeners('message');
        child.removeAllListeners('exit');
        resolveRun(result);
      };
      const timer = setTimeout(() => {
        this.stop();
        finish({ code: null, stderr: '', stderrBytes: 0, timedOut: true, crashed: false });
      }, timeoutMs);
      child.on('message', (message: { code: number; stderr: string; stderrBytes: number }) => finish({ ...message, timedOut: false, crashed: false }));
      child.once('exit', (code) => {
        this.child = null;
        finish({ code, stderr: `case runner exited with ${code}`, stderrBytes: 0, timedOut: false, crashed: true });
      });
      child.send({ config, out });
    });
  }

  stop(): void {
    if (this.child) {
      this.child.kill('SIGKILL');
      this.child = null;
    }
  }
}

const STACK_TRACE = /\n\s+at .+(:\d+:\d+|\(native\)|<anonymous>)/;
const PLACE = /row \d+|record \d+|line \d+|column "|offset \d+|byte \d+|case \d+|sheet|worksheet|part xl\/|ZIP directory|header|dictionary|the file is empty|no data rows/i;

/** Judges one variant's run. */
export function judge(variant: FuzzVariant, run: { code: number | null; stderr: string; stderrBytes: number; timedOut: boolean; crashed: boolean }, out: string, file: string): { outcome: Outcome; detail: string } {
  if (run.timedOut) return { outcome: 'hang', detail: 'did not finish within the time bound' };
  if (run.crashed) return { outcome: 'crash', detail: run.stderr };
  if (STACK_TRACE.test(run.stderr)) return { outcome: 'stack_trace', detail: firstLines(run.stderr) };
  if (run.code === 3) return { outcome: 'internal_error', detail: firstLines(run.stderr) };
  const messages = [run.stderr, ...outputMessages(out)].join('\n');
  if (PLANTED_CELL_LEAK.test(messages) || run.stderrBytes > 256 * 1024) return { outcome: 'leak', detail: `a message quotes the planted cell (stderr ${run.stderrBytes} bytes)` };
  if (run.code === 1) {
    // The error: its first line and, for several problems, the indented lines that list them.
    const lines = run.stderr.split('\n');
    const start = lines.findIndex((line) => line.startsWith('skillgap: bad input'));
    const error = start < 0 ? '' : [lines[start], ...lines.slice(start + 1).filter((line) => line.startsWith('  ') && !line.startsWith('  warning'))].join('\n');
    if (!error.includes(file) || !PLACE.test(error)) return { outcome: 'no_place', detail: error.slice(0, 300) || firstLines(run.stderr) };
    return { outcome: 'stopped', detail: error.slice(0, 200) };
  }
  if (run.code !== 0) return { outcome: 'internal_error', detail: `exit ${run.code}: ${firstLines(run.stderr)}` };
  const missing = missingRecords(variant, out);
  return missing ? { outcome: 'record_missing', detail: missing } : { outcome: 'ok', detail: '' };
}

function firstLines(text: string): string {
  return text.split('\n').filter((line) => !/^(skillgap: wave|ingest:|normalise:|  )/.test(line)).slice(0, 3).join(' | ').slice(0, 400);
}

/** Warning texts the run kept in out/: the manifest and each ingested meta. */
function outputMessages(out: string): string[] {
  const texts: string[] = [];
  for (const path of [join(out, 'fuzz/manifest.json'), join(out, 'fuzz/ingested/fuzzed.meta.json'), join(out, 'fuzz/normalised/wave.json'), join(out, 'fuzz/quality/summary.json')]) {
    if (existsSync(path)) texts.push(readFileSync(path, 'utf8'));
  }
  return texts;
}

/** Null when every record of the damaged file is in the audit; else what is missing. */
function missingRecords(variant: FuzzVariant, out: string): string | null {
  const meta = JSON.parse(readFileSync(join(out, 'fuzz/ingested/fuzzed.meta.json'), 'utf8')) as { headerRows: number; encoding: string; delimiter: string; rowCount: number };
  const audit = Papa.parse<string[]>(readFileSync(join(out, 'fuzz/quality/audit.csv'), 'utf8'), { skipEmptyLines: true }).data.slice(1);
  const auditRows = audit.length;
  if (auditRows !== meta.rowCount) return `audit has ${auditRows} rows for ${meta.rowCount} ingested`;
  if (variant.base.kind === 'text') {
    const counted = countTextRecords(decode(variant.bytes, meta.encoding), meta.delimiter || ',');
    const expected = counted.records - meta.headerRows;
    if (auditRows !== expected) return `audit has ${auditRows} rows; the file holds ${expected} data records${counted.malformed ? ' (malformed quotes accepted)' : ''}`;
    return null;
  }
  if (variant.base.kind === 'xlsx') {
    const rows = xlsxRowsWithValues(variant.bytes);
    if (rows === null) return null; // not a workbook the oracle can open either; ingest read it, rows are in the audit
    const data = rows.slice(meta.headerRows);
    const audited = new Set(audit.map((record) => Number(record[1])));
    const lost = data.filter((row) => !audited.has(row));
    return lost.length > 0 ? `worksheet rows ${lost.slice(0, 5).join(', ')} (${lost.length}) are not in the audit` : null;
  }
  const cases = countSavCases(variant.bytes);
  if (cases !== null && cases !== auditRows) return `audit has ${auditRows} rows; the data section holds ${cases} cases`;
  return null;
}

function decode(bytes: Buffer, encoding: string): string {
  const name = encoding.replace(/ \(BOM\)$/, '').toLowerCase();
  try {
    return new TextDecoder(name === 'windows-1252' ? 'windows-1252' : name).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

export interface FuzzSummary {
  seed: number;
  variants: number;
  outcomes: Record<Outcome, number>;
  /** Outcome counts per kind of file and mutation, e.g. `xlsx broken-worksheet-xml`. */
  byMutation: Record<string, Partial<Record<Outcome, number>>>;
  failures: VariantResult[];
}

const FAILURES: Outcome[] = ['internal_error', 'stack_trace', 'hang', 'crash', 'record_missing', 'no_place', 'leak'];

export async function runFuzz(options: {
  seed: number;
  variants: number;
  bigCells: number;
  timeoutSeconds: number;
  only?: string;
  /** Run only this many of the variants, spread evenly over the list (a small seeded sample, e.g. for `npm test`). */
  sample?: number;
  keep?: boolean;
  log?: (line: string) => void;
}): Promise<FuzzSummary> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const bases = [...sampleBases(), ...(await fixtureBases())].filter((base) => !options.only || base.name.includes(options.only));
  const all = makeVariants(bases, options.seed, options.variants, options.bigCells);
  const variants = options.sample ? Array.from({ length: Math.min(options.sample, all.length) }, (_, i) => all[Math.floor((i * all.length) / Math.min(options.sample!, all.length))]) : all;
  const work = mkdtempSync(join(tmpdir(), 'skillgap-fuzz-'));
  const runner = new CaseRunner();
  const outcomes = Object.fromEntries(['ok', 'stopped', ...FAILURES].map((outcome) => [outcome, 0])) as Record<Outcome, number>;
  const failures: VariantResult[] = [];
  const byMutation: FuzzSummary['byMutation'] = {};
  log(`fuzz: seed ${options.seed}, ${variants.length} variants of ${bases.length} exports, ${options.timeoutSeconds} s per variant, in ${work}`);
  try {
    for (const variant of variants) {
      const dir = join(work, `v${variant.number}`);
      const { config, file } = writeVariantWave(variant, join(dir, 'wave'));
      const out = join(dir, 'out');
      const timeout = (variant.mutation === BIG_CELL.name ? 4 : 1) * options.timeoutSeconds * 1000;
      const run = await runner.run(config, out, timeout);
      const { outcome, detail } = judge(variant, run, out, file);
      outcomes[outcome]++;
      const kind = (byMutation[`${variant.base.kind} ${variant.mutation}`] ??= {});
      kind[outcome] = (kind[outcome] ?? 0) + 1;
      const result: VariantResult = { number: variant.number, base: variant.base.name, mutation: variant.mutation, exitCode: run.code, outcome, detail };
      if (FAILURES.includes(outcome)) {
        failures.push(result);
        log(`  FAIL #${variant.number} ${variant.base.name} ${variant.mutation}: ${outcome}: ${detail}`);
      }
      if ((variant.number + 1) % 50 === 0) log(`  ${variant.number + 1}/${variants.length} done`);
      if (!options.keep || !FAILURES.includes(outcome)) rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    runner.stop();
    if (!options.keep) rmSync(work, { recursive: true, force: true });
  }
  return { seed: options.seed, variants: variants.length, outcomes, byMutation, failures };
}

export function describeFigures(summary: FuzzSummary): string {
  const o = summary.outcomes;
  return [
    `variants ${summary.variants} (seed ${summary.seed}): ${o.ok} read whole, ${o.stopped} stopped with exit 1 naming file and place`,
    `stack traces ${o.stack_trace}, internal errors ${o.internal_error}, crashes ${o.crash}, hangs ${o.hang}, successes with a record missing ${o.record_missing}, exit 1 without file and place ${o.no_place}, leaks ${o.leak}`,
    ...Object.entries(summary.byMutation).sort(([a], [b]) => a.localeCompare(b)).map(([mutation, counts]) => `  ${mutation}: ${Object.entries(counts).map(([outcome, count]) => `${outcome} ${count}`).join(', ')}`),
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { seed: { type: 'string' }, variants: { type: 'string' }, sample: { type: 'string' }, 'big-cells': { type: 'string' }, timeout: { type: 'string' }, only: { type: 'string' }, keep: { type: 'boolean' }, json: { type: 'string' } },
  });
  const summary = await runFuzz({
    seed: Number(values.seed ?? 12),
    variants: Number(values.variants ?? 420),
    bigCells: Number(values['big-cells'] ?? 4),
    timeoutSeconds: Number(values.timeout ?? 60),
    only: values.only,
    sample: values.sample ? Number(values.sample) : undefined,
    keep: values.keep,
  });
  process.stdout.write(`${describeFigures(summary)}\n`);
  if (values.json) writeFileSync(values.json, JSON.stringify(summary, null, 1) + '\n');
  process.exitCode = summary.failures.length === 0 ? 0 : 1;
}
