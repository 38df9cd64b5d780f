/**
 * The per-framework part of `skillgap curriculum` (framework-profile.ts does the arithmetic): which
 * frameworks a profile may use, and the unit action list with a sentence saying how it was made.
 */
import type { CompetencyFramework, FrameworkRollup } from '../../contracts/types.ts';
import { UsageError } from '../../contracts/errors.ts';
import * as messages from '../../contracts/messages/curriculum.ts';
import { BUILT_IN_FRAMEWORKS, loadFrameworks, type ResolvedFramework } from '../../contracts/frameworks/load-frameworks.ts';
import type { CurriculumProfile } from './curriculum-profile.ts';
import type { FrameworkActions } from './compare-curriculum.ts';
import { rankUnitActions, unitCoverageFromCompetencies } from './framework-profile.ts';

/** The built-in frameworks and the wave's own, by id. */
export function curriculumFrameworks(root: string, waveDir: string, waveFrameworks: readonly string[] | undefined, competencies: CompetencyFramework): Map<string, ResolvedFramework> {
  const entries = [...new Set([...(waveFrameworks ?? []), ...BUILT_IN_FRAMEWORKS])];
  const byId = new Map<string, ResolvedFramework>();
  for (const framework of loadFrameworks(root, waveDir, entries, competencies)) byId.set(framework.definition.id, framework);
  return byId;
}

export function frameworkActions(
  id: string, frameworks: Map<string, ResolvedFramework>, rollups: readonly FrameworkRollup[], profile: CurriculumProfile, regionChain: readonly string[], minN: number,
): FrameworkActions {
  const framework = frameworks.get(id);
  const rollup = rollups.find((candidate) => candidate.framework === id);
  if (!framework) throw new UsageError(messages.frameworkProfileNeedsFramework(id));
  if (!rollup) throw new UsageError(messages.frameworkNotInAnalysis(id));
  const inUnits = profile.framework?.id === id;
  const unitCoverage = inUnits ? profile.framework!.units : unitCoverageFromCompetencies(profile.competencies, framework);
  const unitLabel = rollup.unitLabel;
  const name = rollup.shortName;
  const how = inUnits
    ? `The profile rates ${name} ${unitLabel}s. Each competency's coverage is the mean coverage of the ${unitLabel}s it maps to in the crosswalk (data/competencies.json or the framework file); competencies with no home in ${name} stay unrated. Actions per ${unitLabel}: industry demand is the weighted mean importance of the ${unitLabel}'s competencies (the wave's ${name} roll-up), priority = demand × (demand − coverage).`
    : `The profile rates competencies. A ${name} ${unitLabel}'s coverage is the mean coverage of its competencies that the profile rates (crosswalk of data/competencies.json or the framework file). Industry demand is the weighted mean importance of the ${unitLabel}'s competencies (the wave's ${name} roll-up), priority = demand × (demand − coverage).`;
  return {
    framework: id, name: rollup.name, version: rollup.version, unitLabel, how,
    crosswalk: inUnits ? profile.framework!.notes : [],
    rows: rankUnitActions({ rollup, unitCoverage, regionChain, minN }),
  };
}
