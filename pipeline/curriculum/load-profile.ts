/**
 * Reads a profile file of any accepted kind and checks it (the one file read of pipeline/curriculum):
 *
 *   --profile-row / --profile-response given ──readExport (ingest: personal data dropped)──▶ row ─┐
 *   *.json ──readProfileJson──────────────────────────────────────────────────────────────────────┼─▶ validateProfile
 *   *.csv / *.tsv / *.txt ──readProfileCsv─────────────────────────────────────────────────────────┘
 *
 * A CSV without the profile's `item` column is taken for a survey export, and the user is asked to
 * choose a row. An export row is read through the wave's codebook: the education source whose
 * columns the export has (the most rating columns found wins).
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { CompetencyFramework, RawTable, SourceCodebook } from '../types.ts';
import type { LoadedWave } from '../config.ts';
import { UsageError, ValidationError } from '../errors.ts';
import { readExport } from '../ingest/read-export.ts';
import { resolveColumns } from '../normalise/resolve-columns.ts';
import * as messages from '../messages/curriculum.ts';
import type { CurriculumProfile } from './curriculum-profile.ts';
import { profileFromExportRow, type ExportRowSelector } from './profile-from-export-row.ts';
import { readProfileCsv } from './read-profile-csv.ts';
import { readProfileJson } from './read-profile-json.ts';
import { validateProfile } from './validate-profile.ts';

export async function loadProfile(file: string, wave: LoadedWave, framework: CompetencyFramework, selector: ExportRowSelector = {}): Promise<CurriculumProfile> {
  if (!existsSync(file)) throw new UsageError(messages.profileNotFound(file));
  const scale = wave.codebook.scale;
  if (selector.row !== undefined || selector.responseId !== undefined) {
    const table = await readExport({ path: file, sourceId: 'profile' });
    table.sourceFile = file;
    const codebook = educationCodebookFor(table, wave, file);
    return validateProfile(profileFromExportRow(table, codebook, selector), framework.competencies, scale);
  }
  const text = readFileSync(file, 'utf8');
  if (extname(file).toLowerCase() === '.json') return validateProfile(readProfileJson(text, file), framework.competencies, scale);
  if (looksLikeExport(text)) throw new UsageError(messages.exportRowNeeded(file));
  return validateProfile(readProfileCsv(text, file), framework.competencies, scale);
}

/** An export has many columns in its first line and no `item` column; a profile has at most five. */
function looksLikeExport(text: string): boolean {
  const firstLine = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').toLowerCase();
  const cells = firstLine.split(/[,;\t]/).map((cell) => cell.replace(/"/g, '').trim());
  return cells.length > 8 && !cells.includes('item');
}

function educationCodebookFor(table: RawTable, wave: LoadedWave, file: string): SourceCodebook {
  const educationSources = wave.config.sources.filter((source) => source.population === 'education').map((source) => source.id);
  let best: { codebook: SourceCodebook; found: number } | null = null;
  for (const codebook of wave.codebook.sources.filter((source) => educationSources.includes(source.source))) {
    try {
      const found = resolveColumns(table, codebook).items.length;
      if (!best || found > best.found) best = { codebook, found };
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
    }
  }
  if (!best) throw new ValidationError(messages.exportNotEducation(file, educationSources), { file });
  return best.codebook;
}
