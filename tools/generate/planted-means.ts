import type { M49Region } from './sample-countries.ts';

/**
 * The planted means of the sample waves, on the LATENT scale (before answers are rounded and
 * clipped to 1–5; the truth file reports the expected observed means, see
 * expected-rounded-likert.ts). Chosen so that the preparedness gap (importance − preparedness)
 * ranges from about −0.2 (cryptography) to about 1.6 (incident response, cloud security), so the
 * Borich top five stand well clear of the rest, and so regions differ.
 *
 * Invented for testing; they are not findings of the IS3C study.
 */
export interface LatentMeans {
  /** Employers: importance for an entry-level graduate hire. */
  industryImportance: number;
  /** Employers: preparedness of recent graduates. */
  preparedness: number;
  /** Education: importance. */
  educationImportance: number;
  /** Education: coverage in the curriculum. */
  coverage: number;
}

type MeansRow = readonly [number, number, number, number];

/** competency id → [industry importance, preparedness, education importance, coverage] (wave 2022). */
const BASE_MEANS: Record<string, MeansRow> = {
  communication: [4.5, 2.95, 4.0, 2.8],
  teamwork: [4.2, 3.6, 3.9, 3.4],
  'critical-thinking': [4.4, 3.3, 4.2, 3.3],
  'problem-solving': [4.5, 3.5, 4.3, 3.6],
  creativity: [3.5, 3.3, 3.4, 2.9],
  'adaptability-lifelong-learning': [4.1, 3.5, 3.9, 3.0],
  'ethics-integrity': [4.3, 4.1, 4.1, 3.2],
  leadership: [3.0, 2.8, 3.1, 2.4],
  'project-management': [3.3, 2.6, 3.4, 2.7],
  'attention-to-detail': [4.2, 3.4, 3.8, 3.1],
  'business-awareness': [3.5, 2.5, 3.0, 2.2],
  networking: [4.2, 3.95, 4.3, 4.1],
  'system-administration': [3.9, 3.6, 3.8, 3.7],
  'secure-software-development': [4.0, 3.0, 4.2, 3.5],
  cryptography: [3.2, 3.4, 4.3, 4.2],
  'risk-management-governance': [4.0, 3.0, 3.9, 3.2],
  'law-regulation-privacy': [3.8, 3.1, 3.6, 2.9],
  'incident-response': [4.7, 2.8, 4.2, 3.0],
  'digital-forensics': [3.4, 3.1, 3.8, 3.3],
  'threat-intelligence': [4.2, 2.6, 3.8, 2.6],
  'penetration-testing': [3.8, 3.6, 4.0, 3.5],
  'cloud-security': [4.6, 2.7, 4.1, 2.5],
  'identity-access-management': [4.3, 3.3, 3.9, 3.0],
  'security-monitoring': [4.4, 2.75, 4.0, 2.9],
  'vulnerability-management': [4.2, 3.4, 4.0, 3.3],
  'security-architecture': [3.9, 3.2, 3.8, 3.2],
};

/** Changes from 2022 to 2023 (latent units), so a wave comparison has something to show. */
const WAVE_CHANGES: Record<string, Record<string, Partial<LatentMeans>>> = {
  '2023': {
    'cloud-security': { preparedness: 0.45, coverage: 0.4 },
    communication: { preparedness: 0.15 },
    'security-monitoring': { preparedness: -0.3 },
    'threat-intelligence': { industryImportance: 0.2 },
    'ethics-integrity': { preparedness: -0.4 },
  },
};

/** Region offsets added to every competency (latent units); `Unknown` gets none. */
export const REGION_OFFSETS: Record<M49Region, LatentMeans> = {
  Africa: { industryImportance: 0.1, preparedness: -0.35, educationImportance: 0.05, coverage: -0.3 },
  Americas: { industryImportance: 0, preparedness: 0.05, educationImportance: 0, coverage: 0.1 },
  Asia: { industryImportance: 0.05, preparedness: -0.1, educationImportance: 0.05, coverage: 0 },
  Europe: { industryImportance: -0.05, preparedness: 0.25, educationImportance: -0.05, coverage: 0.15 },
  Oceania: { industryImportance: 0, preparedness: 0.15, educationImportance: 0, coverage: 0.1 },
};

/** Region × competency interactions (latent units), so regions differ in which gaps are largest. */
export const COMPETENCY_REGION_OFFSETS: readonly { region: M49Region; competency: string; offsets: Partial<LatentMeans> }[] = [
  { region: 'Africa', competency: 'cloud-security', offsets: { preparedness: -0.4, coverage: -0.3 } },
  { region: 'Asia', competency: 'secure-software-development', offsets: { preparedness: 0.4 } },
  { region: 'Europe', competency: 'law-regulation-privacy', offsets: { preparedness: 0.5, coverage: 0.4 } },
  { region: 'Asia', competency: 'risk-management-governance', offsets: { preparedness: -0.7, coverage: -0.4 } },
  { region: 'Americas', competency: 'threat-intelligence', offsets: { preparedness: 0.5 } },
  { region: 'Americas', competency: 'identity-access-management', offsets: { preparedness: -0.6 } },
];

/** The latent means of one wave per competency id; throws for a competency without planted means. */
export function latentMeansForWave(wave: string, competencyIds: readonly string[]): Record<string, LatentMeans> {
  const changes = WAVE_CHANGES[wave] ?? {};
  const means: Record<string, LatentMeans> = {};
  for (const id of competencyIds) {
    const row = BASE_MEANS[id];
    if (!row) throw new Error(`no planted means for competency "${id}": add it to tools/generate/planted-means.ts`);
    const change = changes[id] ?? {};
    means[id] = {
      industryImportance: row[0] + (change.industryImportance ?? 0),
      preparedness: row[1] + (change.preparedness ?? 0),
      educationImportance: row[2] + (change.educationImportance ?? 0),
      coverage: row[3] + (change.coverage ?? 0),
    };
  }
  return means;
}

/** Latent mean of one competency and dimension for a respondent of a region (`Unknown`: no offset). */
export function latentMeanFor(means: LatentMeans, dimension: keyof LatentMeans, region: string, competency: string): number {
  const regionOffset = (REGION_OFFSETS as Record<string, LatentMeans | undefined>)[region]?.[dimension] ?? 0;
  const interaction = COMPETENCY_REGION_OFFSETS.find((entry) => entry.region === region && entry.competency === competency);
  return means[dimension] + regionOffset + (interaction?.offsets[dimension] ?? 0);
}
