import type { Competency } from '../../contracts/types.ts';
import { expectedRoundedLikert } from './expected-rounded-likert.ts';
import type { PlantedPersonalData } from './fake-personal-data.ts';
import { COMPETENCY_REGION_OFFSETS, latentMeanFor, REGION_OFFSETS, type LatentMeans } from './planted-means.ts';
import { ITEM_SD, RESPONDENT_SD, DONT_KNOW_SHARE, type RecordKind, type SimulatedRecord } from './simulate-respondents.ts';

/**
 * What a sample wave was built to contain (data/raw/<wave>/truth.json), so tests can check that
 * the pipeline recovers it. Means are EXPECTED OBSERVED means on the 1–5 scale (the latent mean
 * pushed through rounding and clipping, see expected-rounded-likert.ts), per region and `Global`;
 * Global is the average of the regions weighted by their numbers of clean respondents, which is
 * what an unweighted analysis of the clean rows estimates.
 *
 * Gaps: gapPreparedness = industry importance − preparedness; gapEducation = education
 * importance − coverage; gapCurriculum = industry importance − education coverage.
 * mwdsPreparedness = industry importance × gapPreparedness (Borich 1980, BRIEF §3.1).
 */
export type ByRegion = Record<string, number>;

export interface PlantedCompetencyTruth {
  id: string;
  label: string;
  latent: LatentMeans;
  industry: { importance: ByRegion; preparedness: ByRegion };
  education: { importance: ByRegion; coverage: ByRegion };
  gapPreparedness: ByRegion;
  gapEducation: ByRegion;
  gapCurriculum: ByRegion;
  mwdsPreparedness: ByRegion;
}

export interface PlantedDirt {
  /** Data records in the file (header rows not counted). */
  dataRows: number;
  /** Rows that should be kept. */
  cleanRows: number;
  /** 1-based record numbers counting header rows (RawTable.sourceRows), per kind of dirt. */
  duplicateResponseId: number[];
  duplicateAnswers: number[];
  straightLiners: number[];
  blankRows: number[];
  testRows: number[];
  incomplete: number[];
  speeders: number[];
}

export interface PlantedTruth {
  wave: string;
  seed: number;
  note: string;
  scale: { min: number; max: number };
  latentModel: { respondentSd: number; itemSd: number; dontKnowShare: number; notApplicableShareCoverage: number };
  regionOffsets: typeof REGION_OFFSETS;
  competencyRegionOffsets: typeof COMPETENCY_REGION_OFFSETS;
  /** Clean respondents per region and Global. */
  respondents: { industry: ByRegion; education: ByRegion };
  competencies: PlantedCompetencyTruth[];
  /** Top five competencies by planted MWDS (preparedness gap), Global and per region, highest first. */
  topMwds: Record<string, string[]>;
  dirt: Record<string, PlantedDirt>;
  countrySpellings: { text: string; alpha2: string | null; region: string; count: number }[];
  personalData: PlantedPersonalData;
}

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;
const DIRT_KEYS: Record<Exclude<RecordKind, 'clean'>, keyof PlantedDirt> = {
  duplicate_response_id: 'duplicateResponseId',
  duplicate_answers: 'duplicateAnswers',
  straight_liner: 'straightLiners',
  blank_row: 'blankRows',
  test_response: 'testRows',
  incomplete: 'incomplete',
  speeder: 'speeders',
};

export function plantedDirt(records: readonly SimulatedRecord[], headerRows: number): PlantedDirt {
  const dirt: PlantedDirt = {
    dataRows: records.length, cleanRows: 0, duplicateResponseId: [], duplicateAnswers: [], straightLiners: [],
    blankRows: [], testRows: [], incomplete: [], speeders: [],
  };
  records.forEach((record, index) => {
    if (record.kind === 'clean') dirt.cleanRows++;
    else (dirt[DIRT_KEYS[record.kind]] as number[]).push(headerRows + index + 1);
  });
  return dirt;
}

/** Clean respondents per region, plus `Global`. */
export function cleanCountsByRegion(records: readonly SimulatedRecord[]): ByRegion {
  const counts: ByRegion = { Global: 0 };
  for (const record of records) {
    if (record.kind !== 'clean') continue;
    counts[record.region] = (counts[record.region] ?? 0) + 1;
    counts.Global++;
  }
  return counts;
}

export function plantedCompetencyTruth(
  competencies: readonly Competency[],
  means: Record<string, LatentMeans>,
  respondents: { industry: ByRegion; education: ByRegion },
): PlantedCompetencyTruth[] {
  const latentSd = Math.hypot(RESPONDENT_SD, ITEM_SD);
  const expectedByRegion = (competency: string, dimension: keyof LatentMeans, counts: ByRegion): ByRegion => {
    const result: ByRegion = {};
    let weighted = 0;
    for (const [region, count] of Object.entries(counts)) {
      if (region === 'Global') continue;
      result[region] = expectedRoundedLikert(latentMeanFor(means[competency], dimension, region, competency), latentSd, 1, 5);
      weighted += count * result[region];
    }
    result.Global = weighted / counts.Global;
    return result;
  };
  const combine = (a: ByRegion, b: ByRegion, operation: (x: number, y: number) => number): ByRegion =>
    Object.fromEntries(Object.keys(a).filter((region) => region in b).map((region) => [region, round4(operation(a[region], b[region]))]));
  const rounded = (values: ByRegion): ByRegion => Object.fromEntries(Object.entries(values).map(([region, value]) => [region, round4(value)]));

  return competencies.map((competency) => {
    const industryImportance = expectedByRegion(competency.id, 'industryImportance', respondents.industry);
    const preparedness = expectedByRegion(competency.id, 'preparedness', respondents.industry);
    const educationImportance = expectedByRegion(competency.id, 'educationImportance', respondents.education);
    const coverage = expectedByRegion(competency.id, 'coverage', respondents.education);
    const gapPreparedness = combine(industryImportance, preparedness, (x, y) => x - y);
    return {
      id: competency.id,
      label: competency.label,
      latent: Object.fromEntries(Object.entries(means[competency.id]).map(([key, value]) => [key, round4(value)])) as unknown as LatentMeans,
      industry: { importance: rounded(industryImportance), preparedness: rounded(preparedness) },
      education: { importance: rounded(educationImportance), coverage: rounded(coverage) },
      gapPreparedness,
      gapEducation: combine(educationImportance, coverage, (x, y) => x - y),
      gapCurriculum: combine(industryImportance, coverage, (x, y) => x - y),
      mwdsPreparedness: combine(industryImportance, preparedness, (x, y) => x * (x - y)),
    };
  });
}

export function topByMwds(truths: readonly PlantedCompetencyTruth[], count = 5): Record<string, string[]> {
  const regions = Object.keys(truths[0]?.mwdsPreparedness ?? {});
  return Object.fromEntries(
    regions.map((region) => [
      region,
      [...truths].sort((a, b) => b.mwdsPreparedness[region] - a.mwdsPreparedness[region]).slice(0, count).map((truth) => truth.id),
    ]),
  );
}

export const LATENT_MODEL = { respondentSd: RESPONDENT_SD, itemSd: ITEM_SD, dontKnowShare: DONT_KNOW_SHARE };
