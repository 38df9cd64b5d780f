/**
 * Framework files and their crosswalks (docs/frameworks.md). A framework file lists its units (ids,
 * names), version and source (data/frameworks/<id>.json, or a wave's own file named in wave.json →
 * frameworks). The crosswalk — which units each competency maps to, or why none fits — comes from
 * the framework file when it has one, else from data/competencies.json (`crosswalk[id]`,
 * `noHome[id]`). Loading checks everything at once: every unit id the crosswalk names exists in the
 * framework, every competency maps somewhere or says why not; any problem is a ValidationError
 * naming the file and the competency.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CompetencyFramework, FrameworkDefinition, FrameworkUnit } from '../types.ts';
import { ValidationError, type InputLocation } from '../errors.ts';
import { readJsonFile } from '../config.ts';
import * as messages from '../messages/frameworks.ts';

export const BUILT_IN_FRAMEWORKS = ['nice', 'ecsf', 'csec2017', 'cybok'] as const;

/** A framework with its crosswalk resolved against the competency list. */
export interface ResolvedFramework {
  definition: FrameworkDefinition;
  /** Path of the framework file (for messages and provenance). */
  file: string;
  /** Competency id → unit ids, in the competency order of data/competencies.json (mapped competencies only). */
  unitsOfCompetency: Map<string, string[]>;
  /** Competency id → reason it has no unit. */
  noHome: Map<string, string>;
}

export const builtInFrameworkFile = (root: string, id: string) => join(root, 'data', 'frameworks', `${id}.json`);

/** The framework files of a wave (built-in ids or paths relative to the wave folder), default the four built-ins. */
export function frameworkFiles(root: string, waveDir: string, entries: readonly string[] | undefined): string[] {
  return (entries ?? BUILT_IN_FRAMEWORKS).map((entry) => {
    if ((BUILT_IN_FRAMEWORKS as readonly string[]).includes(entry)) return builtInFrameworkFile(root, entry);
    const path = resolve(waveDir, entry);
    if (!entry.endsWith('.json') || !existsSync(path)) throw new ValidationError(messages.frameworkNotFound(entry, BUILT_IN_FRAMEWORKS), { file: join(waveDir, 'wave.json'), column: 'frameworks' });
    return path;
  });
}

export function loadFrameworks(root: string, waveDir: string, entries: readonly string[] | undefined, competencies: CompetencyFramework): ResolvedFramework[] {
  const frameworks = frameworkFiles(root, waveDir, entries).map((file) =>
    resolveFramework(readJsonFile<FrameworkDefinition>(file, 'framework file'), file, competencies));
  const seen = new Set<string>();
  for (const framework of frameworks) {
    if (seen.has(framework.definition.id)) throw new ValidationError(messages.duplicateFramework(framework.definition.id), { file: framework.file, column: 'id' });
    seen.add(framework.definition.id);
  }
  return frameworks;
}

/** Checks a framework definition and resolves its crosswalk; pure (the file name is only for messages). */
export function resolveFramework(definition: FrameworkDefinition, file: string, competencyFramework: CompetencyFramework): ResolvedFramework {
  const problems: { message: string; where: InputLocation }[] = [];
  const problem = (message: string, column?: string) => problems.push({ message, where: { file, column } });
  for (const field of ['id', 'name', 'version', 'source'] as const) {
    if (typeof definition?.[field] !== 'string' || definition[field].trim() === '') problem(messages.missingField(field), field);
  }
  const units: FrameworkUnit[] = Array.isArray(definition?.units) ? definition.units : [];
  if (units.length === 0) problem(messages.noUnits(), 'units');
  const unitIds = new Set<string>();
  units.forEach((unit, index) => {
    if (typeof unit?.id !== 'string' || !unit.id || typeof unit.name !== 'string' || !unit.name) problem(messages.badUnit(index), `units[${index}]`);
    else if (unitIds.has(unit.id)) problem(messages.duplicateUnit(unit.id), `units[${index}]`);
    else unitIds.add(unit.id);
  });
  if (problems.length > 0) throw ValidationError.many(problems);

  const id = definition.id;
  const competencies = competencyFramework.competencies;
  const ownMapping = definition.crosswalk !== undefined || definition.noHome !== undefined;
  const known = new Set(competencies.map((competency) => competency.id));
  if (ownMapping) {
    for (const competency of Object.keys({ ...definition.crosswalk, ...definition.noHome })) {
      if (!known.has(competency)) problem(messages.unknownCompetency(competency), `crosswalk.${competency}`);
    }
  } else if (!competencies.some((competency) => (competency.crosswalk as Record<string, string[]>)[id] !== undefined)) {
    throw new ValidationError(messages.noCrosswalk(id), { file });
  }
  const where = ownMapping ? file : 'data/competencies.json';
  const unitsOfCompetency = new Map<string, string[]>();
  const noHome = new Map<string, string>();
  for (const competency of competencies) {
    const mapped = (ownMapping ? definition.crosswalk?.[competency.id] : (competency.crosswalk as Record<string, string[]>)[id]) ?? [];
    const reason = ownMapping ? definition.noHome?.[competency.id] : competency.noHome?.[id];
    const column = `${competency.id}: ${id}`;
    for (const unit of mapped) if (!unitIds.has(unit)) problems.push({ message: messages.unknownUnit(competency.id, unit, id), where: { file: where, column } });
    const hasReason = typeof reason === 'string' && reason.trim() !== '';
    if (mapped.length > 0 && hasReason) problems.push({ message: messages.mappedAndNoHome(competency.id, id), where: { file: where, column } });
    if (mapped.length === 0 && !hasReason) problems.push({ message: messages.unmapped(competency.id, id), where: { file: where, column } });
    if (mapped.length > 0) unitsOfCompetency.set(competency.id, [...new Set(mapped)]);
    else if (hasReason) noHome.set(competency.id, reason!.trim());
  }
  if (problems.length > 0) throw ValidationError.many(problems);
  return { definition, file, unitsOfCompetency, noHome };
}

/** Unit → its competencies (in competency order), for the units of `framework` in the framework's order. */
export function competenciesOfUnits(framework: ResolvedFramework): Map<string, string[]> {
  const result = new Map<string, string[]>(framework.definition.units.map((unit) => [unit.id, []]));
  for (const [competency, units] of framework.unitsOfCompetency) for (const unit of units) result.get(unit)!.push(competency);
  return result;
}
