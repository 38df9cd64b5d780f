/**
 * Reads a curriculum profile JSON (data/templates/curriculum-profile.template.json):
 *
 *   { "institution": "Politechnika Łódzka", "programme": "…", "country": "PL",
 *     "competencies": { "incident-response": { "coverage": "Well covered", "hours": 30, "ects": 2 },
 *                       "cryptography": 2 } }
 *
 * A competency's value is its coverage (number or answer label) or an object with `coverage` and
 * optional `hours`, `ects`. Locations are JSON paths (`$.competencies["cloud-security"].coverage`),
 * which an editor's JSON outline finds directly. `notes` and `$schema` are allowed and ignored.
 */
import * as messages from '../../contracts/messages/curriculum.ts';
import type { RawProfile } from './curriculum-profile.ts';

const IGNORED = new Set(['$schema', 'notes']);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** `$.competencies.teamwork`, with bracket notation for keys that are not identifiers (`cloud-security`). */
const member = (path: string, key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);

export function readProfileJson(text: string, file: string): RawProfile {
  const profile: RawProfile = { file, kind: 'json', competencies: [], problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    profile.problems.push({ message: messages.unreadableJson((error as Error).message), where: { file } });
    return profile;
  }
  if (!isObject(json)) {
    profile.problems.push({ message: messages.notAnObject(), where: { file, column: '$' } });
    return profile;
  }
  for (const [key, value] of Object.entries(json)) {
    const where = { column: member('$', key) };
    if (key === 'institution' || key === 'programme' || key === 'country' || key === 'framework') profile[key] = { value, where };
    else if (key !== 'competencies' && !IGNORED.has(key)) profile.problems.push({ message: messages.unknownField(key), where: { file, ...where } });
  }
  if (!profile.institution) profile.institution = { value: undefined, where: { column: '$.institution' } };
  if (!profile.country) profile.country = { value: undefined, where: { column: '$.country' } };
  const competencies = json.competencies;
  if (!isObject(competencies)) {
    profile.problems.push({ message: messages.competenciesNotObject(), where: { file, column: '$.competencies' } });
    return profile;
  }
  for (const [id, value] of Object.entries(competencies)) {
    const path = member('$.competencies', id);
    if (isObject(value)) {
      for (const key of Object.keys(value)) {
        if (!['coverage', 'hours', 'ects', 'label'].includes(key)) profile.problems.push({ message: messages.unknownField(key), where: { file, column: member(path, key) } });
      }
      profile.competencies.push({
        id: { value: id, where: { column: path } },
        coverage: { value: value.coverage, where: { column: member(path, 'coverage') } },
        hours: { value: value.hours, where: { column: member(path, 'hours') } },
        ects: { value: value.ects, where: { column: member(path, 'ects') } },
      });
    } else {
      profile.competencies.push({ id: { value: id, where: { column: path } }, coverage: { value, where: { column: path } } });
    }
  }
  return profile;
}
