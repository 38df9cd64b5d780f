/**
 * Reads a profile file of any accepted kind and checks it (the one file read of commands/curriculum):
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
import type { CompetencyFramework, RawTable, SourceCodebook } from '../../contracts/types.ts';
import type { LoadedWave } from '../../contracts/config.ts';
import { UsageError, ValidationError } from '../../contracts/errors.ts';
import { readExport } from '../../stages/ingest/read-export.ts';
import { resolveColumns } from '../../stages/normalise/resolve-columns.ts';
import * as messages from '../../contracts/messages/curriculum.ts';
import type { CurriculumProfile } from './curriculum-profile.ts';
import { profileFromExportRow, type ExportRowSelector } from './profile-from-export-row.ts';
import { readProfileCsv } from './read-profile-csv.ts';
import { readProfileJson } from './read-profile-json.ts';
import { validateProfile } from './validate-profile.ts';
import type { ResolvedFramework } from '../../contracts/frameworks/load-frameworks.ts';
import type { RawProfile } from './curriculum-profile.ts';
import { profileThroughCrosswalk, restoreUnitIds, unitsAsCompetencies } from './framework-profile.ts';

/**
 * `frameworkById` resolves the profile's optional `framework` field (a profile rating the units of
 * CSEC2017, CyBOK, ECSF… instead of competencies); without it such a profile is a usage error.
 */
export async function loadProfile(
  file: string, wave: LoadedWave, framework: CompetencyFramework, selector: ExportRowSelector = {}, frameworkById?: (id: string) => ResolvedFramework | undefined,
): Promise<CurriculumProfile> {
  if (!existsSync(file)) throw new UsageError(messages.profileNotFound(file));
  const scale = wave.codebook.scale;
  if (selector.row !== undefined || selector.responseId !== undefined) {
    const table = await readExport({ path: file, sourceId: 'profile' });
    table.sourceFile = file;
    const codebook = educationCodebookFor(table, wave, file);
    return validateProfile(profileFromExportRow(table, codebook, selector), framework.competencies, scale);
  }
  const text = readFileSync(file, 'utf8');
  let raw: RawProfile;
  if (extname(file).toLowerCase() === '.json') raw = readProfileJson(text, file);
  else if (looksLikeExport(text)) throw new UsageError(messages.exportRowNeeded(file));
  else raw = readProfileCsv(text, file);
  const frameworkId = typeof raw.framework?.value === 'string' ? raw.framework.value.trim() : '';
  if (frameworkId === '') return validateProfile(raw, framework.competencies, scale);
  // A profile in a framework's units: checked against the units, then mapped through the crosswalk.
  const resolved = frameworkById?.(frameworkId.toLowerCase()) ?? frameworkById?.(frameworkId);
  if (!resolved) throw new ValidationError(messages.frameworkProfileNeedsFramework(frameworkId), { file, ...raw.framework!.where });
  const checked = validateProfile(raw, unitsAsCompetencies(resolved), scale);
  const units = restoreUnitIds(checked.competencies, resolved);
  const mapped = profileThroughCrosswalk(units, resolved, framework.competencies);
  return { ...checked, competencies: mapped.competencies, framework: { id: resolved.definition.id, units, notes: mapped.notes } };
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
