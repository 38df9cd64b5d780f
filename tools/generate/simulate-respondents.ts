import type { Population } from '../../contracts/types.ts';
import type { Random } from './random.ts';
import type { SurveyLanguage } from './answer-labels.ts';
import { openAnswer, type PersonalDataFaker } from './fake-personal-data.ts';
import { latentMeanFor, type LatentMeans } from './planted-means.ts';
import { SAMPLE_COUNTRIES, UNKNOWN_REGION, UNRECOGNISABLE_COUNTRY_ENTRIES, type SampleCountry } from './sample-countries.ts';

/**
 * Simulates the respondents of one population of a sample wave, independent of the export format:
 * planted answers for clean respondents plus the dirt every real export has (duplicates,
 * straight-liners, incompletes, speeders, previews, blank rows). The renderers turn the records
 * into Qualtrics or LimeSurvey files.
 *
 * Answer model (a common one for simulating Likert data, e.g. Liddell & Kruschke 2018, J. Exp.
 * Soc. Psychol. 79:328): a latent normal per respondent and item,
 *   X_ik = μ_k(region) + u_i + e_ik,  u_i ~ N(0, 0.35²) (shared by all items of one grid),
 *   e_ik ~ N(0, 0.6²),  answer = clip(round(X_ik), 1, 5),
 * then a share of answers replaced by "Don't know" (and "N/A" on coverage), independent of the value.
 */
export const RESPONDENT_SD = 0.35;
export const ITEM_SD = 0.6;
export const DONT_KNOW_SHARE = 0.05;
export const SKIPPED_ITEM_SHARE = 0.01;

export type SimulatedAnswer = number | 'dont_know' | 'not_applicable' | 'blank';
export type RecordKind =
  | 'clean' | 'duplicate_response_id' | 'duplicate_answers' | 'straight_liner'
  | 'blank_row' | 'test_response' | 'incomplete' | 'speeder';

export interface SimulatedRecord {
  kind: RecordKind;
  responseId: string;
  countryText: string;
  alpha2: string | null;
  region: string;
  language: SurveyLanguage;
  organisationTypeIndex: number;
  /** Importance grid, one answer per competency. */
  importance: SimulatedAnswer[];
  /** Preparedness (industry) or coverage (education) grid. */
  second: SimulatedAnswer[];
  openText: string;
  startMs: number;
  durationSeconds: number;
  finished: boolean;
  /** Percentage of the survey seen (Qualtrics Progress). */
  progress: number;
  /** Last page submitted (LimeSurvey lastpage): 1 demographics, 2 importance, 3 second grid, 4 comments. */
  lastPage: number;
  ip: string;
  recipient?: { firstName: string; lastName: string; email: string; externalReference: string };
  coordinates?: [string, string];
  /** LimeSurvey `seed` column. */
  toolSeed: string;
}

export interface PopulationSpec {
  population: Population;
  competencyIds: readonly string[];
  means: Record<string, LatentMeans>;
  /** Clean respondents per region (including `Unknown`). */
  regionQuotas: Record<string, number>;
  /** Share of N/A answers on the second grid (education coverage). */
  notApplicableShare: number;
  multilingual: boolean;
  /** Which personal fields the tool records: Qualtrics has recipients and GPS, LimeSurvey only an IP. */
  tool: 'qualtrics' | 'limesurvey';
  fieldworkStartMs: number;
  fieldworkDays: number;
  medianDurationSeconds: number;
  organisationTypeWeights: readonly number[];
  dirt: { exactDuplicates: number; answerDuplicates: number; straightLiners: number; blankRows: number; previews: number; incompletes: number; speeders: number };
}

const DAY_MS = 86_400_000;
const STRAIGHT_LINE_PATTERNS: readonly [number, number][] = [[4, 3], [5, 5], [3, 3], [4, 4], [5, 2], [4, 2]];

export function simulatePopulation(spec: PopulationSpec, random: Random, faker: PersonalDataFaker): SimulatedRecord[] {
  const itemCount = spec.competencyIds.length;
  const firstDimension: keyof LatentMeans = spec.population === 'industry' ? 'industryImportance' : 'educationImportance';
  const secondDimension: keyof LatentMeans = spec.population === 'industry' ? 'preparedness' : 'coverage';

  const drawGrid = (dimension: keyof LatentMeans, region: string, notApplicableShare: number): SimulatedAnswer[] => {
    for (;;) {
      const respondentEffect = random.normal(0, RESPONDENT_SD);
      const grid = spec.competencyIds.map((competency): SimulatedAnswer => {
        const latent = latentMeanFor(spec.means[competency], dimension, region, competency) + respondentEffect + random.normal(0, ITEM_SD);
        const value = Math.min(5, Math.max(1, Math.round(latent)));
        const missing = random.next();
        if (missing < DONT_KNOW_SHARE) return 'dont_know';
        if (missing < DONT_KNOW_SHARE + notApplicableShare) return 'not_applicable';
        if (missing < DONT_KNOW_SHARE + notApplicableShare + SKIPPED_ITEM_SHARE) return 'blank';
        return value;
      });
      // A clean respondent must not look like a straight-liner by accident.
      if (new Set(grid.filter((answer) => typeof answer === 'number')).size > 1) return grid;
    }
  };

  const drawDuration = (): number => {
    if (random.chance(0.02)) return Math.round(spec.medianDurationSeconds * random.uniform(8, 30)); // left the tab open
    for (;;) {
      const duration = spec.medianDurationSeconds * Math.exp(random.normal(0, 0.3));
      if (duration > 0.5 * spec.medianDurationSeconds) return Math.round(duration);
    }
  };

  const drawLanguage = (country: SampleCountry | undefined): SurveyLanguage => {
    if (!spec.multilingual || !country?.languages) return 'en';
    for (const [language, share] of Object.entries(country.languages) as [SurveyLanguage, number][]) {
      if (random.chance(share)) return language;
    }
    return 'en';
  };

  // Previews have no IP, recipient or location: nothing personal is drawn for them (every value drawn is listed in the truth).
  const newRespondent = (region: string, country: SampleCountry | undefined, unknownText?: string, preview = false, openText = true): SimulatedRecord => {
    const language = drawLanguage(country);
    const countryText = country
      ? (language !== 'en' && country.localName?.[language]) || random.weightedPick(country.spellings.map((s) => s[0]), country.spellings.map((s) => s[1]))
      : unknownText!;
    const record: SimulatedRecord = {
      kind: 'clean',
      responseId: '',
      countryText,
      alpha2: country?.alpha2 ?? null,
      region,
      language,
      organisationTypeIndex: random.weightedPick([...spec.organisationTypeWeights.keys()], spec.organisationTypeWeights),
      importance: drawGrid(firstDimension, region, 0),
      second: drawGrid(secondDimension, region, spec.notApplicableShare),
      openText: openText ? openAnswer(random, faker, language) : '',
      startMs: spec.fieldworkStartMs + Math.floor(random.uniform(0, spec.fieldworkDays * DAY_MS) / 1000) * 1000,
      durationSeconds: drawDuration(),
      finished: true,
      progress: 100,
      lastPage: 4,
      ip: preview ? '' : spec.tool === 'qualtrics' ? faker.ipv4() : faker.ipAny(),
      toolSeed: String(random.integer(100_000_000, 2_147_483_647)),
    };
    if (spec.tool === 'qualtrics' && !preview) {
      if (random.chance(0.3)) record.recipient = { ...faker.person(), externalReference: faker.externalReference() };
      if (random.chance(0.8)) record.coordinates = faker.coordinates();
    }
    return record;
  };

  const countriesOf = (region: string) => SAMPLE_COUNTRIES.filter((country) => country.region === region);
  const clean: SimulatedRecord[] = [];
  for (const [region, quota] of Object.entries(spec.regionQuotas)) {
    if (region === UNKNOWN_REGION) {
      const entries = random.shuffle(UNRECOGNISABLE_COUNTRY_ENTRIES);
      for (let i = 0; i < quota; i++) clean.push(newRespondent(region, undefined, entries[i % entries.length]));
      continue;
    }
    // Every country of the region answers at least once (while the quota lasts), then by weight.
    const countries = random.shuffle(countriesOf(region));
    for (let i = 0; i < quota; i++) {
      const country = i < countries.length ? countries[i] : random.weightedPick(countries, countries.map((c) => c.weight));
      clean.push(newRespondent(region, country));
    }
  }

  // Dirt respondents come from the large regions only, so the small Oceania cells stay as planned.
  const dirtRegions = Object.keys(spec.regionQuotas).filter((region) => region !== UNKNOWN_REGION && region !== 'Oceania');
  const dirtRespondent = (preview = false, openText = true): SimulatedRecord => {
    const region = random.weightedPick(dirtRegions, dirtRegions.map((r) => spec.regionQuotas[r]));
    const countries = countriesOf(region);
    return newRespondent(region, random.weightedPick(countries, countries.map((c) => c.weight)), undefined, preview, openText);
  };
  const dirt: SimulatedRecord[] = [];
  const straightPatterns = random.shuffle(STRAIGHT_LINE_PATTERNS);
  for (let i = 0; i < spec.dirt.straightLiners; i++) {
    const record = dirtRespondent();
    const [first, second] = straightPatterns[i % straightPatterns.length];
    record.kind = 'straight_liner';
    record.importance = record.importance.map(() => first);
    record.second = record.second.map(() => second);
    dirt.push(record);
  }
  for (let i = 0; i < spec.dirt.speeders; i++) {
    const record = dirtRespondent();
    record.kind = 'speeder';
    record.durationSeconds = Math.round(spec.medianDurationSeconds * random.uniform(0.08, 0.22));
    dirt.push(record);
  }
  for (let i = 0; i < spec.dirt.incompletes; i++) {
    const record = dirtRespondent(false, false); // left before the open question
    record.kind = 'incomplete';
    record.finished = false;
    // Stage 1: left after the demographics; 2: after the importance grid; 3 (Qualtrics only): midway through the second grid.
    const stage = random.integer(1, spec.tool === 'qualtrics' ? 3 : 2);
    const answeredSecond = stage === 3 ? random.integer(1, itemCount - 1) : 0;
    if (stage === 1) record.importance = record.importance.map(() => 'blank');
    record.second = record.second.map((answer, k) => (k < answeredSecond ? answer : 'blank'));
    record.progress = stage === 1 ? 11 : stage === 2 ? 47 : 47 + Math.round((45 * answeredSecond) / itemCount);
    record.lastPage = stage;
    // Long enough not to look like a speeder too: each dirt row carries one planted reason
    // (plus `no_ratings` for those who left before any grid, which follows from the same fact).
    record.durationSeconds = Math.round(spec.medianDurationSeconds * Math.max(0.45, random.uniform(0.4, 0.9) * (stage / 3)));
    dirt.push(record);
  }
  for (let i = 0; i < spec.dirt.previews; i++) {
    const record = dirtRespondent(true);
    record.kind = 'test_response';
    record.startMs = spec.fieldworkStartMs - random.integer(1, 4) * DAY_MS + random.integer(0, 36_000) * 1000;
    dirt.push(record);
  }
  for (let i = 0; i < spec.dirt.answerDuplicates; i++) {
    const original = random.pick(clean.filter((record) => record.region !== 'Oceania'));
    dirt.push({
      ...original,
      kind: 'duplicate_answers',
      importance: [...original.importance],
      second: [...original.second],
      startMs: original.startMs + original.durationSeconds * 1000 + random.integer(60, 5400) * 1000,
      durationSeconds: Math.round(original.durationSeconds * random.uniform(0.6, 0.9)),
      ip: spec.tool === 'qualtrics' ? faker.ipv4() : faker.ipAny(),
      toolSeed: String(random.integer(100_000_000, 2_147_483_647)),
    });
  }

  const ordered = [...clean, ...dirt].sort((a, b) => a.startMs - b.startMs);
  const usedIds = new Set<string>();
  ordered.forEach((record, index) => {
    record.responseId = spec.tool === 'limesurvey' ? String(index + 1) : qualtricsResponseId(random, usedIds);
  });

  // Exact duplicates (an export merged twice, a re-import): the same row again, somewhere later.
  for (let i = 0; i < spec.dirt.exactDuplicates; i++) {
    const candidates = ordered.filter((record) => record.kind === 'clean' && record.region !== 'Oceania');
    const original = random.pick(candidates);
    const from = ordered.indexOf(original) + 1;
    ordered.splice(random.integer(from, ordered.length), 0, { ...original, kind: 'duplicate_response_id' });
  }
  for (let i = 0; i < spec.dirt.blankRows; i++) {
    ordered.splice(random.integer(1, ordered.length), 0, blankRecord(itemCount));
  }
  return ordered;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Qualtrics response ids look like `R_1rUFoJbY3y8qZ2N`: "R_" and 15 base-62 characters. */
function qualtricsResponseId(random: Random, used: Set<string>): string {
  for (;;) {
    let id = 'R_';
    for (let i = 0; i < 15; i++) id += BASE62[random.integer(0, 61)];
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

function blankRecord(itemCount: number): SimulatedRecord {
  return {
    kind: 'blank_row', responseId: '', countryText: '', alpha2: null, region: '', language: 'en', organisationTypeIndex: -1,
    importance: new Array(itemCount).fill('blank'), second: new Array(itemCount).fill('blank'), openText: '',
    startMs: NaN, durationSeconds: NaN, finished: false, progress: NaN, lastPage: NaN, ip: '', toolSeed: '',
  };
}
