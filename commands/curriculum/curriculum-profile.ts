/**
 * The curriculum profile: what an educator says about one programme. Read from a CSV or JSON file
 * (data/templates/curriculum-profile.template.{csv,json}) or from one row of an education-survey
 * export; every reader produces a RawProfile (values as written, each with where it was written),
 * and one validator (validate-profile.ts) turns it into a CurriculumProfile or lists every problem.
 */
import type { InputLocation } from '../../contracts/errors.ts';

/** One competency of a checked profile. */
export interface ProfileCompetency {
  /** Competency id of data/competencies.json. */
  competency: string;
  /** Coverage on the wave's answer scale; null when the profile leaves it unrated (blank, "Don't know"…). */
  coverage: number | null;
  /** Teaching hours given to the competency, when the profile says. */
  hours: number | null;
  /** ECTS credits given to the competency, when the profile says. */
  ects: number | null;
}

export interface CurriculumProfile {
  institution: string;
  /** `` when the profile names no programme. */
  programme: string;
  /** ISO 3166-1 alpha-2 of the institution's country. */
  country: string;
  /** Competencies the profile lists, in framework order. */
  competencies: ProfileCompetency[];
  /**
   * Set when the profile rates the units of a framework (its `framework` field) instead of
   * competencies: the units as rated, and how each competency's coverage in `competencies` was
   * derived through the crosswalk (framework-profile.ts).
   */
  framework?: { id: string; units: ProfileCompetency[]; notes: { competency: string; units: string[]; coverage: number | null; how: string }[] };
  /** Where the profile came from; `respondentId` is set when it is a survey row (so peers exclude it). */
  source: { file: string; kind: 'csv' | 'json' | 'export-row'; respondentId?: string };
}

/** A value as written in the profile, with where it was written (CSV line and column, or JSON path). */
export interface LocatedValue {
  value: unknown;
  where: InputLocation;
}

/** A profile as read, before any check. */
export interface RawProfile {
  file: string;
  kind: CurriculumProfile['source']['kind'];
  respondentId?: string;
  institution?: LocatedValue;
  programme?: LocatedValue;
  country?: LocatedValue;
  /** A framework id (`csec2017`, `cybok`, `ecsf`, …): the items are that framework's units, not competencies. */
  framework?: LocatedValue;
  competencies: { id: LocatedValue; coverage?: LocatedValue; hours?: LocatedValue; ects?: LocatedValue }[];
  /** Problems the reader already found (unknown fields, malformed structure). */
  problems: { message: string; where: InputLocation }[];
}
