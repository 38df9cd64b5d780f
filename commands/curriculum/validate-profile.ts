/**
 * RawProfile → CurriculumProfile, or one ValidationError listing every problem at once (each with
 * its CSV line and column, or JSON path), so an educator fixes the file in one pass.
 *
 * Checks: institution and country present; country resolvable (stages/normalise/countries.ts,
 * exact lookup, did-you-mean in the message, never a guess); competency ids known and not repeated;
 * coverage on the wave's scale, as a number (decimals allowed: a programme may sit between two
 * scale points) or one of the codebook's answer labels (any language the codebook lists); a
 * missing-answer label ("Don't know", "N/A") or a blank leaves the competency unrated; hours and
 * ECTS credits numbers ≥ 0; at least one competency rated.
 */
import type { Competency, ScaleDefinition } from '../../contracts/types.ts';
import { ValidationError, describeLocation, type InputLocation } from '../../contracts/errors.ts';
import { resolveCountry, suggestCountries, editDistance } from '../../stages/normalise/countries.ts';
import { makeAnswerRecoder } from '../../stages/normalise/recode-answer.ts';
import { countryMessages } from '../../contracts/messages/index.ts';
import * as messages from '../../contracts/messages/curriculum.ts';
import type { CurriculumProfile, LocatedValue, ProfileCompetency, RawProfile } from './curriculum-profile.ts';

type Problem = { message: string; where: InputLocation };

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

/** The known id closest to a mistyped one: a label typed instead of the id, else edit-distance score ≥ 0.6. */
function suggestCompetency(typed: string, competencies: readonly Competency[]): string | null {
  const key = typed.trim().toLowerCase();
  const byLabel = competencies.find((competency) => competency.label.toLowerCase() === key);
  if (byLabel) return byLabel.id;
  let best: { id: string; score: number } | null = null;
  for (const competency of competencies) {
    const score = 1 - editDistance(key, competency.id) / Math.max(key.length, competency.id.length);
    if (score >= 0.6 && (!best || score > best.score)) best = { id: competency.id, score };
  }
  return best?.id ?? null;
}

/** Coverage cell → value on the scale, null (unrated) or a problem message. */
function checkCoverage(located: LocatedValue | undefined, scale: ScaleDefinition, recode: ReturnType<typeof makeAnswerRecoder>): number | null | { problem: string } {
  if (!located || isBlank(located.value)) return null;
  const { value } = located;
  const inRange = (n: number) => Number.isFinite(n) && n >= scale.min && n <= scale.max;
  if (typeof value === 'number') return inRange(value) ? value : { problem: messages.coverageOutOfRange(value, scale.min, scale.max) };
  if (typeof value !== 'string') return { problem: messages.coverageUnknownLabel(value, scale.min, scale.max) };
  const recoded = recode(value);
  if (recoded.missing === null) return recoded.value;
  if (recoded.missing !== 'invalid') return null;
  const number = Number(value.trim().replace(',', '.'));
  if (value.trim() !== '' && !Number.isNaN(number)) return inRange(number) ? number : { problem: messages.coverageOutOfRange(value, scale.min, scale.max) };
  return { problem: messages.coverageUnknownLabel(value, scale.min, scale.max) };
}

function checkAmount(located: LocatedValue | undefined, what: 'hours' | 'ects'): number | null | { problem: string } {
  if (!located || isBlank(located.value)) return null;
  const number = typeof located.value === 'number' ? located.value : typeof located.value === 'string' ? Number(located.value.trim().replace(',', '.')) : NaN;
  return Number.isFinite(number) && number >= 0 ? number : { problem: messages.badAmount(what, located.value) };
}

export function validateProfile(raw: RawProfile, competencies: readonly Competency[], scale: ScaleDefinition): CurriculumProfile {
  const problems: Problem[] = [...raw.problems];
  const fileWhere = (where: InputLocation | undefined): InputLocation => ({ file: raw.file, ...where });

  const institution = text(raw.institution?.value);
  if (institution === '') problems.push({ message: messages.missingField('institution'), where: fileWhere(raw.institution?.where) });

  let country = '';
  const countryText = text(raw.country?.value);
  if (countryText === '') problems.push({ message: messages.missingField('country'), where: fileWhere(raw.country?.where) });
  else {
    const resolved = resolveCountry(countryText);
    if (resolved.alpha2) country = resolved.alpha2;
    else problems.push({ message: countryMessages.unknownCountry(countryText, suggestCountries(countryText).map((s) => s.name)), where: fileWhere(raw.country?.where) });
  }

  const recode = makeAnswerRecoder(scale);
  const byId = new Map<string, { entry: ProfileCompetency; where: InputLocation }>();
  for (const item of raw.competencies) {
    const id = text(item.id.value).toLowerCase();
    const known = competencies.find((competency) => competency.id === id);
    if (!known) {
      problems.push({ message: messages.unknownCompetency(text(item.id.value), suggestCompetency(text(item.id.value), competencies)), where: fileWhere(item.id.where) });
    } else if (byId.has(id)) {
      problems.push({ message: messages.duplicateCompetency(id, describeLocation(byId.get(id)!.where)), where: fileWhere(item.id.where) });
      continue;
    }
    const coverage = checkCoverage(item.coverage, scale, recode);
    const hours = checkAmount(item.hours, 'hours');
    const ects = checkAmount(item.ects, 'ects');
    for (const [checked, located] of [[coverage, item.coverage], [hours, item.hours], [ects, item.ects]] as const) {
      if (checked !== null && typeof checked === 'object') problems.push({ message: checked.problem, where: fileWhere(located?.where) });
    }
    if (known) {
      const value = (checked: typeof coverage) => (typeof checked === 'number' ? checked : null);
      byId.set(id, { entry: { competency: id, coverage: value(coverage), hours: value(hours), ects: value(ects) }, where: fileWhere(item.id.where) });
    }
  }
  const listed = competencies.filter((competency) => byId.has(competency.id)).map((competency) => byId.get(competency.id)!.entry);
  if (problems.length === 0 && !listed.some((entry) => entry.coverage !== null)) problems.push({ message: messages.noCoverage(), where: { file: raw.file } });

  if (problems.length === 1) throw new ValidationError(problems[0]!.message, problems[0]!.where);
  if (problems.length > 1) throw ValidationError.many(problems);
  return {
    institution,
    programme: text(raw.programme?.value),
    country,
    competencies: listed,
    source: raw.respondentId ? { file: raw.file, kind: raw.kind, respondentId: raw.respondentId } : { file: raw.file, kind: raw.kind },
  };
}
