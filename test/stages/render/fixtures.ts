/**
 * Small literal ReportInputs for the render tests: six competencies (one with a long label),
 * Global + three regions, one suppressed cell whose values are a canary (−3.14159, which must
 * never appear in any figure or the PDF), Global answer distributions with one suppressed cell, and
 * the two country names with characters beyond ASCII.
 */
import type { AnalysisResult, Competency, DistributionRow, EstimateRow, RankingRow } from '../../../contracts/types.ts';
import type { ReportInput } from '../../../stages/render/report-input.ts';

export const CANARY_MEAN = -3.14159;
export const SUPPRESSED_CELL = { region: 'Africa', competency: 'incident-response' } as const;

const competency = (id: string, label: string, kind: Competency['kind']): Competency => ({
  id,
  label,
  kind,
  description: `${label} (test fixture).`,
  crosswalk: { nice: [], ecsf: [], csec2017: [], cybok: [] },
});

export const competencies: Competency[] = [
  competency('incident-response', 'Incident response', 'technical'),
  competency('cloud-security', 'Cloud security', 'technical'),
  competency('secure-software-development', 'Secure software development and DevSecOps practices', 'technical'),
  competency('network-security', 'Network security', 'technical'),
  competency('communication', 'Communication', 'transversal'),
  competency('critical-thinking', 'Critical thinking', 'transversal'),
];

/** Importance and preparedness means per competency (Global), before regional offsets. */
const importance = [4.4, 4.2, 4.1, 3.9, 4.3, 3.6];
const preparedness = [3.1, 3.0, 3.3, 3.6, 3.9, 3.8];
const coverage = [3.2, 2.8, 3.0, 3.9, 3.1, 3.4];
const regionOffset: Record<string, number> = { Global: 0, Africa: 0.15, Asia: -0.1, Europe: 0.05 };
const regionN: Record<string, number> = { Global: 120, Africa: 30, Asia: 42, Europe: 48 };

function row(wave: string, region: string, competencyId: string, population: EstimateRow['population'], measure: EstimateRow['measure'], mean: number, n: number): EstimateRow {
  const suppressed = region === SUPPRESSED_CELL.region && competencyId === SUPPRESSED_CELL.competency && population === 'industry';
  const se = 0.5 / Math.sqrt(n);
  const shownMean = suppressed ? CANARY_MEAN : Math.round(mean * 10000) / 10000;
  return {
    wave, region, competency: competencyId, population, measure,
    n: suppressed ? 3 : n,
    mean: shownMean,
    sd: 0.9,
    se,
    ciLow: shownMean - 1.96 * se,
    ciHigh: shownMean + 1.96 * se,
    top2Share: measure.startsWith('gap') ? NaN : 0.5,
    suppressed,
    flag: suppressed ? 'suppressed_small_n' : n < 10 ? 'low_reliability' : '',
  };
}

export function buildAnalysis(wave: string, shift = 0): AnalysisResult {
  const estimates: EstimateRow[] = [];
  const rankings: RankingRow[] = [];
  for (const region of Object.keys(regionOffset)) {
    const offset = regionOffset[region]! + shift;
    const n = regionN[region]!;
    const mwds = competencies.map((_, k) => importance[k]! * (importance[k]! + offset - preparedness[k]!));
    const order = mwds.map((value, k) => ({ value, k })).sort((a, b) => b.value - a.value);
    competencies.forEach((c, k) => {
      const imp = importance[k]!;
      const prep = preparedness[k]! - offset;
      estimates.push(row(wave, region, c.id, 'industry', 'importance', imp, n));
      estimates.push(row(wave, region, c.id, 'industry', 'preparedness', prep, n));
      estimates.push(row(wave, region, c.id, 'industry', 'gap_preparedness', imp - prep, n));
      estimates.push(row(wave, region, c.id, 'education', 'importance', imp - 0.2, n - 5));
      estimates.push(row(wave, region, c.id, 'education', 'coverage', coverage[k]!, n - 5));
      estimates.push(row(wave, region, c.id, 'both', 'gap_curriculum', imp - coverage[k]!, 2 * n - 5));
      const rank = order.findIndex((entry) => entry.k === k) + 1;
      const suppressed = region === SUPPRESSED_CELL.region && c.id === SUPPRESSED_CELL.competency;
      rankings.push({
        wave, region, competency: c.id,
        mwds: suppressed ? NaN : Math.round(mwds[k]! * 1000) / 1000,
        rank: suppressed ? NaN : rank,
        rankCiLow: suppressed ? NaN : Math.max(1, rank - (k % 2)),
        rankCiHigh: suppressed ? NaN : Math.min(competencies.length, rank + 1),
        rankSimultaneousLow: suppressed ? NaN : Math.max(1, rank - 1),
        rankSimultaneousHigh: suppressed ? NaN : Math.min(competencies.length, rank + 2),
        quadrant: suppressed ? '' : imp >= 4.08 ? (prep < 3.45 ? 'concentrate_here' : 'keep_up_the_good_work') : prep < 3.45 ? 'low_priority' : 'possible_overkill',
        suppressed,
      });
    });
  }
  // Global answer distributions on the 1–5 scale; one suppressed cell (education coverage of
  // communication: 3 answers with a value) whose counts must never reach a figure.
  const distributions: DistributionRow[] = [];
  for (const population of ['industry', 'education'] as const) {
    for (const dimension of population === 'industry' ? (['importance', 'preparedness'] as const) : (['importance', 'coverage'] as const)) {
      competencies.forEach((c, k) => {
        const suppressed = population === 'education' && dimension === 'coverage' && c.id === 'communication';
        distributions.push({
          region: 'Global', competency: c.id, population, dimension,
          counts: suppressed ? [] : [2 + k, 6, 10 + k, 20, 12 - k],
          missing: k,
          suppressed,
        });
      });
    }
  }
  return {
    wave,
    estimates,
    tests: [],
    rankings,
    distributions,
    weighting: [
      { population: 'industry', n: 120, effectiveN: 104.2, designEffect: 1.15, trimmed: 0 },
      { population: 'education', n: 115, effectiveN: 101.7, designEffect: 1.13, trimmed: 1 },
    ],
    warnings: [],
  };
}

export function buildReportInput(options: { withPrevious?: boolean } = {}): ReportInput {
  const config = {
    wave: '2023',
    title: 'Cybersecurity skills gap survey 2023',
    reportDate: '2023-11-30',
    previousWave: options.withPrevious ? '2022' : undefined,
    sources: [
      { id: 'industry-qualtrics', file: 'industry.csv', population: 'industry' as const },
      { id: 'education-limesurvey', file: 'education.csv', population: 'education' as const },
    ],
    codebook: 'codebook.json',
    regionScheme: 'un-m49-region' as const,
    quality: { dropDuplicates: true, minProgress: 100, speederFraction: 0.3, straightLineMinItems: 6, minAnsweredItems: 3 },
    suppression: { minN: 5, lowReliabilityN: 10 },
    analysis: { ipaCrosshair: 'grand-mean' as const, bootstrapReplicates: 200, seed: 42, weightCap: 5 },
  };
  return {
    config,
    competencies,
    analysis: buildAnalysis('2023'),
    previousAnalysis: options.withPrevious ? buildAnalysis('2022', -0.2) : undefined,
    respondentsByCountry: [
      { country: 'TR', countryName: 'Türkiye', region: 'Asia', industry: 12, education: 3 },
      { country: 'CI', countryName: "Côte d'Ivoire", region: 'Africa', industry: 7, education: 9 },
      { country: 'KE', countryName: 'Kenya', region: 'Africa', industry: 23, education: 20 },
      { country: 'DE', countryName: 'Germany', region: 'Europe', industry: 48, education: 43 },
      { country: 'IN', countryName: 'India', region: 'Asia', industry: 30, education: 36 },
      { country: 'IS', countryName: 'Iceland', region: 'Europe', industry: 0, education: 2 },
    ],
    audit: {
      rowsRead: 262,
      kept: 235,
      excluded: 27,
      excludedByReason: { duplicate_response_id: 6, speeder: 9, straight_liner: 5, blank_row: 4, incomplete: 3 },
      perSource: [
        { sourceFile: 'industry.csv', rowsRead: 134, kept: 120, excluded: 14 },
        { sourceFile: 'education.csv', rowsRead: 128, kept: 115, excluded: 13 },
      ],
    },
    provenance: {
      inputs: [
        { file: 'data/raw/2023/industry.csv', sha256: 'a'.repeat(64) },
        { file: 'data/raw/2023/education.csv', sha256: 'b'.repeat(64) },
      ],
      packageVersions: { vega: '5.33.1', 'vega-lite': '5.23.0', pdfkit: '0.20.2' },
      configJson: JSON.stringify(config, null, 2),
    },
    methodsMarkdown: [
      '# Methods',
      '',
      'Gaps are **importance − preparedness** on the 1–5 scale, averaged with survey weights (Taylor linearisation).',
      '',
      '## Suppression',
      '',
      '- Cells with n < 5 are suppressed.',
      '- Cells with n < 10 are flagged as low reliability.',
    ].join('\n'),
    warnings: [{ code: 'unknown_label', message: 'Unknown answer label "Sehr wichtig"', file: 'education.csv', row: 14, column: 'Q3[SQ002]' }],
  };
}
