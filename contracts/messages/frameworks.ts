/**
 * Messages about framework files and their crosswalks (contracts/frameworks/, docs/frameworks.md).
 * Every message names the framework file and the competency or unit, and says how to fix it.
 */
export const frameworkNotFound = (entry: string, builtIns: readonly string[]) =>
  `framework "${entry}" is neither a built-in framework (${builtIns.join(', ')}) nor a framework file: give a built-in id or a path to a .json framework file relative to the wave folder`;
export const missingField = (field: string) => `the framework file needs a non-empty "${field}" (see data/frameworks/nice.json for the format)`;
export const noUnits = () => 'the framework file needs "units": a list of { "id", "name" } (see data/frameworks/ecsf.json)';
export const badUnit = (index: number) => `units[${index}] needs a non-empty "id" and "name"`;
export const duplicateUnit = (id: string) => `unit id "${id}" is listed twice; ids must be unique`;
export const duplicateFramework = (id: string) => `two frameworks of the wave have the id "${id}"; give each framework file its own "id"`;
export const unknownUnit = (competency: string, unit: string, framework: string) =>
  `competency "${competency}" maps to "${unit}", which is not a unit of framework "${framework}": use an id listed in the framework file's "units" (ids are spelled as the source spells them)`;
export const unknownCompetency = (competency: string) =>
  `the crosswalk names competency "${competency}", which is not in data/competencies.json: use the competency ids of data/competencies.json`;
export const unmapped = (competency: string, framework: string) =>
  `competency "${competency}" has no unit in framework "${framework}" and no reason why: list its unit ids in the crosswalk, or say why none fits under "noHome"`;
export const mappedAndNoHome = (competency: string, framework: string) =>
  `competency "${competency}" has units in framework "${framework}" and also a "noHome" reason: keep one of the two`;
export const noCrosswalk = (framework: string) =>
  `framework "${framework}" has no crosswalk: data/competencies.json has no "${framework}" entries, so the framework file needs its own "crosswalk" (competency id → unit ids) and "noHome" (competency id → reason)`;
