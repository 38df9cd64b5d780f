/**
 * `skillgap codebook init --from FILE [--population industry|education] [--out FILE]`: reads one
 * export, drafts its codebook (pipeline/codebook/draft-codebook.ts) and writes the draft as JSON
 * in the codebook's own shape plus a `review` list (low-confidence matches, unmatched columns,
 * unplaced answer labels, missing required columns, and every answer label the draft placed on the
 * scale or as missing, with its count) to --out or stdout. Columns that looked like ratings but are
 * not (consent, checkbox, count, id…) are listed in `draft.notRatings` with the reason. A summary goes to the log
 * (stderr). Returns the draft document, so notebooks get the same data.
 */
import { basename, extname, resolve } from 'node:path';
import { UsageError } from '../errors.ts';
import { loadFramework } from '../config.ts';
import { REPO_ROOT } from '../context.ts';
import { readExport } from '../ingest/read-export.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { draftCodebook, type CodebookDraft, type ColumnMatch, type ReviewEntry } from '../codebook/draft-codebook.ts';
import * as messages from '../messages/codebook.ts';
import type { Population, ScaleDefinition, SourceCodebook } from '../types.ts';

export interface CodebookInitOptions {
  from?: string;
  population?: string;
  out?: string;
  /** Source id written into the draft (default: the file name without extension). */
  source?: string;
  log?: (line: string) => void;
  /** Where the draft goes when there is no --out (default: process.stdout). */
  write?: (text: string) => void;
  root?: string;
}

/** The written draft: a Codebook (wave, scale, sources) plus what the reviewer must look at. */
export interface CodebookDraftDocument {
  wave: string;
  scale: ScaleDefinition;
  sources: SourceCodebook[];
  draft: { from: string; format: string; population: Population | null; scaleOrdered: boolean; matches: ColumnMatch[]; notRatings: CodebookDraft['notRatings'] };
  review: (ReviewEntry | { column: string; reason: 'unrecognised_label' | 'missing_required_column' | 'scale_label'; note: string })[];
}

export async function codebookInitCommand(options: CodebookInitOptions): Promise<CodebookDraftDocument> {
  if (!options.from) throw new UsageError(messages.missingFrom());
  if (options.population !== undefined && options.population !== 'industry' && options.population !== 'education') {
    throw new UsageError(messages.badPopulation(options.population));
  }
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const sourceId = options.source ?? basename(options.from, extname(options.from));
  const table = await readExport({ path: options.from, sourceId });
  const framework = loadFramework(options.root ?? REPO_ROOT);
  const draft = draftCodebook(table, framework, { population: options.population as Population | undefined, sourceId });

  const review: CodebookDraftDocument['review'] = [...draft.review];
  for (const role of ['respondentId', 'country'] as const) {
    if (draft.codebook.columns[role] === '') review.push({ column: '', reason: 'missing_required_column', note: messages.requiredColumnNotFound(role) });
  }
  for (const { label, count } of draft.scale.unrecognised) review.push({ column: '', reason: 'unrecognised_label', note: messages.unrecognisedLabel(label, count) });
  for (const placed of draft.scale.placed) {
    review.push({ column: '', reason: 'scale_label', note: messages.placedLabel(placed.label, placed.count, placed.value ?? placed.missing ?? '', placed.how) });
  }

  const document: CodebookDraftDocument = {
    wave: 'draft',
    scale: draft.scale.scale,
    sources: [draft.codebook],
    draft: { from: options.from, format: table.format, population: draft.population ?? null, scaleOrdered: draft.scale.ordered, matches: draft.matches, notRatings: draft.notRatings },
    review,
  };
  const ratingColumns = draft.matches.length + draft.unmatchedColumns.length;
  log(messages.summary(options.from, table.format, draft.codebook.items.length, ratingColumns, review.length));
  log(messages.metadataFound(Object.entries(draft.codebook.columns).map(([role, column]) => `${role}=${column || '?'}`).join(', ')));
  if (draft.notRatings.length > 0) log(messages.notRatingsFound(draft.notRatings.length));
  log(messages.scaleFound(draft.scale.scale.min, draft.scale.scale.max, Object.keys(draft.scale.scale.labels).length, Object.keys(draft.scale.scale.missing).length, draft.scale.ordered));
  const text = JSON.stringify(document, null, 2) + '\n';
  if (options.out) {
    writeFileAtomic(resolve(options.out), text);
    log(messages.written(options.out));
  } else {
    (options.write ?? ((chunk: string) => process.stdout.write(chunk)))(text);
  }
  return document;
}
