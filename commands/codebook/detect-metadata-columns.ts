/**
 * Finds the metadata columns a codebook needs (response id, country, organisation type, finished,
 * progress, duration, status) by the names the survey tools give them (Qualtrics, LimeSurvey,
 * SurveyMonkey, Google Forms, Kobo/ODK; BRIEF §5) or by words of their question text in English,
 * French, Spanish and Portuguese. The first column that fits a role takes it; names beat question text.
 */
import type { RawColumn, SourceCodebook } from '../../contracts/types.ts';
import { normaliseLabel } from '../../stages/normalise/normalise-label.ts';

export type MetadataRole = keyof SourceCodebook['columns'];

/** Exact names (normalised: lower case, no accents, no spaces, `_`, `-` or `/`). */
const ROLE_NAMES: Record<MetadataRole, string[]> = {
  respondentId: ['responseid', 'id', 'respondentid', 'recordid', 'uuid', 'instanceid', 'metainstanceid', 'key', 'responsenumber', 'submissionid'],
  country: ['country', 'pays', 'pais', 'countryname', 'countrycode', 'land'],
  organisationType: ['orgtype', 'organisationtype', 'organizationtype', 'institutiontype', 'typeoforganisation', 'typeoforganization', 'sector'],
  weight: ['weight', 'wt', 'weights', 'poids', 'peso'],
  finished: ['finished', 'submitdate', 'datesubmitted', 'completed', 'complete'],
  // Not LimeSurvey `lastpage`: a page number, not a percentage.
  progress: ['progress', 'progression', 'progreso', 'progresso'],
  durationSeconds: ['durationinseconds', 'duration', 'interviewtime', 'totaltime', 'durationseconds', 'timetaken'],
  status: ['status', 'responsetype', 'refurl', 'distributionchannel'],
};

/** Words of question text that name a role ("In which country is your organisation based?"). */
const ROLE_TEXT: Partial<Record<MetadataRole, RegExp>> = {
  country: /\b(country|pays|pais)\b/,
  organisationType: /\b(type of (organi[sz]ation|institution)|describes? your (organi[sz]ation|institution)|type d'(organisation|etablissement)|tipo de (organizacion|organizacao|institucion|instituicao))\b/,
};

const compact = (text: string) => normaliseLabel(text).replace(/[\s_\-/.()]+/g, '');

/** Role → column key, for every role some column fits. */
export function detectMetadataColumns(columns: readonly RawColumn[]): Partial<Record<MetadataRole, string>> {
  const found: Partial<Record<MetadataRole, string>> = {};
  const taken = new Set<string>();
  const roles = Object.keys(ROLE_NAMES) as MetadataRole[];
  for (const role of roles) {
    const names = new Set(ROLE_NAMES[role]);
    const byName = columns.find((column) => !taken.has(column.key) && [column.key, column.label, column.importId ?? ''].some((name) => names.has(compact(name))));
    if (byName) {
      found[role] = byName.key;
      taken.add(byName.key);
    }
  }
  for (const role of roles) {
    const pattern = ROLE_TEXT[role];
    if (found[role] || !pattern) continue;
    const byText = columns.find((column) => !taken.has(column.key) && pattern.test(normaliseLabel(`${column.label} ${column.key}`)));
    if (byText) {
      found[role] = byText.key;
      taken.add(byText.key);
    }
  }
  return found;
}
