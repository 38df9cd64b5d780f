/**
 * `skillgap codebook init --from FILE [--population industry|education] [--out DIR [--force]]`, or
 * `--wave ID` / `--config FILE` for every source of the wave config at once (one codebook, one scale): reads
 * the export, drafts its codebook (commands/codebook/draft-codebook.ts) and writes the draft as JSON
 * in the codebook's own shape plus a `review` list (low-confidence matches, unmatched columns,
 * unplaced answer labels, missing required columns, and every answer label the draft placed on the
 * scale or as missing, with its count) to <--out>/codebook.json (--out is a folder, as for every
 * command; an existing codebook.json is kept unless --force) or stdout. Columns that looked like ratings but are
 * not (consent, checkbox, count, id…) are listed in `draft.notRatings` with the reason. A summary goes to the log
 * (stderr). Returns the draft document, so notebooks get the same data.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../contracts/errors.ts';
import { loadFramework, readJsonFile } from '../contracts/config.ts';
import { REPO_ROOT } from '../runner/context.ts';
import { readExport } from '../stages/ingest/read-export.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { draftCodebook, type CodebookDraft, type ColumnMatch, type ReviewEntry } from './codebook/draft-codebook.ts';
import { draftScale } from './codebook/draft-scale.ts';
import * as messages from '../contracts/messages/codebook.ts';
import { DIMENSIONS, type Dimension, type ExportFormat, type Population, type ScaleDefinition, type SourceCodebook, type WaveConfig } from '../contracts/types.ts';

export interface CodebookInitOptions {
  from?: string;
  /** Draft every source of data/raw/<wave>/wave.json (ids and populations from there) into one codebook. */
  wave?: string;
  /** The same for a wave config anywhere (--config FILE). */
  config?: string;
  /** Put low-confidence guesses into the items too (still listed for review, marked accepted). */
  acceptGuesses?: boolean;
  /** `CODE=dimension` (e.g. `Q4=coverage`): the dimension of a question whose export says nothing about it. */
  dimensions?: string[];
  population?: string;
  /** The folder the draft is written to, as `codebook.json` (e.g. the wave's folder, next to its wave.json); default: stdout. */
  out?: string;
  /** Overwrite an existing <out>/codebook.json. */
  force?: boolean;
  /** Source id written into the draft (default: the file name without extension). */
  source?: string;
  log?: (line: string) => void;
  /** Where the draft goes when there is no --out (default: process.stdout). */
  write?: (text: string) => void;
  root?: string;
}

/** The written draft: a Codebook (wave, scale, sources) plus what the reviewer must look at. */
export interface CodebookDraftDocument {
  /** Relative path of schemas/codebook.schema.json from the draft's folder, so editors complete and check it. */
  $schema: string;
  wave: string;
  scale: ScaleDefinition;
  sources: SourceCodebook[];
  draft: { from: string; format: string; population: Population | null; scaleOrdered: boolean; matches: ColumnMatch[]; notRatings: CodebookDraft['notRatings'] };
  /** With --wave, entries about one export name its source. */
  review: ((ReviewEntry | { column: string; reason: 'unrecognised_label' | 'missing_required_column' | 'scale_label'; note: string }) & { source?: string })[];
}

export async function codebookInitCommand(options: CodebookInitOptions): Promise<CodebookDraftDocument> {
  if (!options.from && !options.wave && !options.config) throw new UsageError(messages.missingFrom());
  if (options.population !== undefined && options.population !== 'industry' && options.population !== 'education') {
    throw new UsageError(messages.badPopulation(options.population));
  }
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const root = options.root ?? REPO_ROOT;
  // Checked before the exports are read: a wrong --out costs nothing.
  const draftFile = options.out === undefined ? undefined : codebookDraftFile(options.out, options.force === true);
  const framework = loadFramework(root);
  const inputs = options.wave || options.config ? waveInputs(options.config ? resolve(options.config) : join(root, 'data', 'raw', options.wave!, 'wave.json')) : [{ path: options.from!, sourceId: options.source ?? basename(options.from!, extname(options.from!)), population: options.population as Population | undefined }];

  const dimensions = parseDimensions(options.dimensions ?? []);
  const drafted = [];
  for (const input of inputs) {
    const table = await readExport({ path: input.path, sourceId: input.sourceId, ...(input.format ? { format: input.format } : {}) });
    const draft = draftCodebook(table, framework, { population: input.population, sourceId: input.sourceId, dimensions });
    if (options.acceptGuesses) acceptGuesses(draft);
    drafted.push({ input, table, draft });
  }
  // One scale for the wave, drafted from the answers of every export's rating columns.
  const labels = new Map<string, number>();
  const codes = new Map<string, number>();
  for (const { draft } of drafted) {
    for (const [label, count] of draft.answers.labels) labels.set(label, (labels.get(label) ?? 0) + count);
    for (const [code, count] of draft.answers.codes) codes.set(code, (codes.get(code) ?? 0) + count);
  }
  const scale = drafted.length === 1 ? drafted[0].draft.scale : draftScale(labels, codes);

  const multi = drafted.length > 1;
  const review: CodebookDraftDocument['review'] = [];
  for (const { input, draft } of drafted) {
    const of = multi ? { source: input.sourceId } : {};
    for (const entry of draft.review) review.push({ ...of, ...entry });
    for (const role of ['respondentId', 'country'] as const) {
      if (draft.codebook.columns[role] === '') review.push({ ...of, column: '', reason: 'missing_required_column', note: messages.requiredColumnNotFound(role) });
    }
  }
  for (const { label, count } of scale.unrecognised) review.push({ column: '', reason: 'unrecognised_label', note: messages.unrecognisedLabel(label, count) });
  for (const placed of scale.placed) {
    review.push({ column: '', reason: 'scale_label', note: messages.placedLabel(placed.label, placed.count, placed.value ?? placed.missing ?? '', placed.how) });
  }

  const first = drafted[0];
  const document: CodebookDraftDocument = {
    $schema: schemaReference(root, draftFile ? dirname(draftFile) : process.cwd()),
    wave: waveId(options) ?? 'draft',
    scale: scale.scale,
    sources: drafted.map(({ draft }) => draft.codebook),
    draft: {
      from: drafted.map(({ input }) => input.path).join(', '),
      format: drafted.map(({ table }) => table.format).join(', '),
      population: multi ? null : (first.draft.population ?? null),
      scaleOrdered: scale.ordered,
      matches: drafted.flatMap(({ draft }) => draft.matches),
      notRatings: drafted.flatMap(({ draft }) => draft.notRatings),
    },
    review,
  };
  for (const { input, table, draft } of drafted) {
    const ratingColumns = draft.matches.length + draft.unmatchedColumns.length;
    log(messages.summary(input.path, table.format, draft.codebook.items.length, ratingColumns, draft.review.length));
    log(messages.metadataFound(Object.entries(draft.codebook.columns).map(([role, column]) => `${role}=${column || '?'}`).join(', ')));
    if (draft.notRatings.length > 0) log(messages.notRatingsFound(draft.notRatings.length));
  }
  log(messages.scaleFound(scale.scale.min, scale.scale.max, Object.keys(scale.scale.labels).length, Object.keys(scale.scale.missing).length, scale.ordered));
  log(messages.reviewCount(review.length));
  const text = JSON.stringify(document, null, 2) + '\n';
  if (draftFile) {
    writeFileAtomic(draftFile, text);
    log(messages.written(draftFile));
  } else {
    (options.write ?? ((chunk: string) => process.stdout.write(chunk)))(text);
  }
  return document;
}

/** The name of the draft in the --out folder: the name wave.json files give their codebook. */
export const CODEBOOK_DRAFT_NAME = 'codebook.json';

/**
 * Where `--out DIR` puts the draft: DIR/codebook.json. A DIR that is an existing file, or that ends
 * in `.json` (the --out FILE of earlier versions), is refused with the folder to give instead; so is
 * an existing codebook.json, unless `force`.
 */
export function codebookDraftFile(out: string, force = false): string {
  const folder = resolve(out);
  if (existsSync(folder) && !statSync(folder).isDirectory()) throw new UsageError(messages.outNamesAFile(out, true, dirname(out)));
  if (!existsSync(folder) && extname(folder).toLowerCase() === '.json') throw new UsageError(messages.outNamesAFile(out, false, dirname(out)));
  const file = join(folder, CODEBOOK_DRAFT_NAME);
  if (!force && existsSync(file)) throw new UsageError(messages.draftWouldOverwrite(file));
  return file;
}

/** The codebook schema's path relative to `folder` (forward slashes, as JSON Schema references are URIs). */
function schemaReference(root: string, folder: string): string {
  return relative(folder, join(root, 'schemas', 'codebook.schema.json')).split(sep).join('/');
}

/**
 * --accept-guesses: every low-confidence guess (e.g. a code-heading export's competencies guessed
 * from the sub-questions' order) goes into the items, unless its competency × dimension is taken;
 * it stays in the review list, marked accepted, for the reviewer to check against the survey.
 */
function acceptGuesses(draft: CodebookDraft): void {
  const taken = new Set(draft.codebook.items.map((item) => `${item.competency}\u0000${item.dimension}`));
  for (const entry of draft.review) {
    if (entry.reason !== 'low_confidence' || !entry.guess || entry.guess.dimension === '') continue;
    const slot = `${entry.guess.competency}\u0000${entry.guess.dimension}`;
    if (taken.has(slot)) continue;
    taken.add(slot);
    draft.codebook.items.push({ column: entry.column, competency: entry.guess.competency, dimension: entry.guess.dimension });
    entry.note = `ACCEPTED (--accept-guesses): ${entry.note}`;
  }
}

function waveId(options: CodebookInitOptions): string | undefined {
  if (options.wave) return options.wave;
  if (!options.config) return undefined;
  const wave = readJsonFile<Partial<WaveConfig>>(resolve(options.config), 'wave config').wave;
  return typeof wave === 'string' ? wave : undefined;
}

function parseDimensions(pairs: readonly string[]): Record<string, Dimension> {
  const dimensions: Record<string, Dimension> = {};
  for (const pair of pairs) {
    const [code, dimension] = pair.split('=').map((part) => part.trim());
    if (!code || !DIMENSIONS.includes(dimension as Dimension)) throw new UsageError(messages.badDimension(pair));
    dimensions[code] = dimension as Dimension;
  }
  return dimensions;
}

interface DraftInput {
  path: string;
  sourceId: string;
  population?: Population;
  format?: ExportFormat;
}

/** The sources of a wave config (data/raw/<wave>/wave.json or --config FILE); the codebook need not exist yet. */
function waveInputs(configPath: string): DraftInput[] {
  const waveDir = dirname(configPath);
  if (!existsSync(configPath)) throw new UsageError(messages.waveConfigMissing(configPath));
  const config = readJsonFile<Partial<WaveConfig>>(configPath, 'wave config');
  if (!Array.isArray(config.sources) || config.sources.length === 0) throw new UsageError(messages.waveWithoutSources(configPath));
  return config.sources.map((source) => ({ path: resolve(waveDir, source.file), sourceId: source.id, population: source.population, ...(source.format ? { format: source.format } : {}) }));
}
