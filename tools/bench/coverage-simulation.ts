/**
 * `npm run coverage`: the coverage of the published 95% intervals, by cell size, in waves drawn
 * from a known population (issue 13). Not part of `npm test` (about a minute per 100 waves).
 *
 *   population model (per competency, three rating profiles in turn, scale 1–5):
 *     industry importance I ~ profile; preparedness P = max(1, I − B) with probability ½ (B = 0, 1, 2
 *     with probabilities .3, .4, .3), else P ~ (.1, .25, .35, .2, .1) independently of I;
 *     education importance ~ the same profile; coverage C like P, with (.05, .15, .3, .3, .2);
 *     every rating missing (don't know) with probability 0.1, independently.
 *   true values by enumeration: E[I], E[P], E[I] − E[P] (paired gap), E[I] − E[C] (curriculum gap), …
 *   each wave: regions of 6, 8, 12, 16, 25, 40, 70, 120 and 300 respondents per population, so
 *     published cells (n ≥ 5) range from 5 to ~300 answers; 8 competencies.
 *   weighting scenarios: equal weights; unequal weights exp(N(0, 0.5²)) unrelated to the ratings (as
 *     an export's weights); the same raked to region and organisation-type margins (calibration-aware SEs).
 *   ─▶ for every published estimate: is the truth inside [ci_low, ci_high]? Also the former interval
 *     mean ± 1.96·SE, and the top-two-box share's Korn–Graubard interval. Coverage per cell-size band
 *     and family (means, paired gaps, curriculum gap, top-two-box shares); SE 0 counts the cells with
 *     ci_method zero_se_wilson (for shares: p̂ = 0 or 1).
 *
 * Options: --waves N (per scenario, default 300), --seed S (default 13), --scenarios equal,unequal,raked.
 * Output: a Markdown table on stdout (docs/methods.md quotes it) and tools/bench/coverage-results.json.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseWave } from '../../stages/analyse/analyse-wave.ts';
import { createSeededRandom, Z_95, type SeededRandom } from '../../stages/analyse/stats/index.ts';
import { cellIndex, createAnswerTable, missingCode } from '../../contracts/answer-table.ts';
import type { EstimateRow, NormalisedWave, PopulationMargin, Respondent, WaveConfig } from '../../contracts/types.ts';
import { testConfig } from '../../test/stages/analyse/synthetic-wave.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const WAVES = Number(option('--waves', '300'));
const SEED = Number(option('--seed', '13'));
const SCENARIOS = option('--scenarios', 'equal,unequal,raked').split(',') as Scenario[];
type Scenario = 'equal' | 'unequal' | 'raked';

const REGION_SIZES = [6, 8, 12, 16, 25, 40, 70, 120, 300];
const REGIONS = REGION_SIZES.map((_, index) => `Region ${String(index + 1).padStart(2, '0')}`);
const K = 8;
const PROFILES = [
  [0.02, 0.08, 0.2, 0.35, 0.35],
  [0.1, 0.2, 0.4, 0.2, 0.1],
  [0.01, 0.03, 0.06, 0.3, 0.6],
];
const PREPAREDNESS = [0.1, 0.25, 0.35, 0.2, 0.1];
const COVERAGE = [0.05, 0.15, 0.3, 0.3, 0.2];
const SHIFT = [0.3, 0.4, 0.3];
const DEPENDENT = 0.5;
const MISSING = 0.1;

/** Joint law of (I, other): other = max(1, I − B) with probability DEPENDENT, else ~ otherLaw. */
function expectedOther(importanceLaw: number[], otherLaw: number[]): number {
  let expectation = 0;
  importanceLaw.forEach((pI, i) => {
    SHIFT.forEach((pB, b) => (expectation += DEPENDENT * pI * pB * Math.max(1, i + 1 - b)));
  });
  otherLaw.forEach((p, index) => (expectation += (1 - DEPENDENT) * p * (index + 1)));
  return expectation;
}
const mean = (law: number[]) => law.reduce((sum, p, index) => sum + p * (index + 1), 0);

/** P(rating ≥ 4) of importance and of the other rating (the top-two-box share on 1–5). */
function topTwoOf(competency: number, measure: EstimateRow['measure']): number {
  const profile = PROFILES[competency % PROFILES.length]!;
  if (measure === 'importance') return profile[3]! + profile[4]!;
  const otherLaw = measure === 'preparedness' ? PREPAREDNESS : COVERAGE;
  let share = (1 - DEPENDENT) * (otherLaw[3]! + otherLaw[4]!);
  profile.forEach((pI, i) => SHIFT.forEach((pB, b) => (share += Math.max(1, i + 1 - b) >= 4 ? DEPENDENT * pI * pB : 0)));
  return share;
}

function truthOf(competency: number, measure: EstimateRow['measure'], population: EstimateRow['population']): number {
  const profile = PROFILES[competency % PROFILES.length]!;
  const importance = mean(profile);
  const preparedness = expectedOther(profile, PREPAREDNESS);
  const coverage = expectedOther(profile, COVERAGE);
  switch (measure) {
    case 'importance': return importance;
    case 'preparedness': return preparedness;
    case 'coverage': return coverage;
    case 'gap_preparedness': return importance - preparedness;
    case 'gap_curriculum': return importance - coverage;
    case 'gap_education': return importance - coverage;
  }
  throw new Error(`no truth for ${population} ${measure}`);
}

function draw(random: SeededRandom, law: number[]): number {
  const u = random.uniform();
  let cumulative = 0;
  for (let index = 0; index < law.length; index++) {
    cumulative += law[index]!;
    if (u < cumulative) return index + 1;
  }
  return law.length;
}

function normal(random: SeededRandom): number {
  return Math.sqrt(-2 * Math.log(1 - random.uniform())) * Math.cos(2 * Math.PI * random.uniform());
}

function drawWave(random: SeededRandom, scenario: Scenario): NormalisedWave {
  const respondents: Respondent[] = [];
  for (const population of ['industry', 'education'] as const) {
    REGION_SIZES.forEach((size, region) => {
      for (let i = 0; i < size; i++) {
        respondents.push({
          respondentId: `${population}:${region}:${i}`, population, country: '', region: REGIONS[region]!,
          organisationType: random.uniform() < 0.6 ? 'private' : 'public',
          weight: scenario === 'equal' ? 1 : Math.exp(0.5 * normal(random)),
          wave: 'coverage', sourceFile: `${population}.csv`, sourceRow: i + 2,
        });
      }
    });
  }
  const competencies = Array.from({ length: K }, (_, k) => `competency-${k + 1}`);
  const answers = createAnswerTable(respondents.length, competencies, { min: 1, max: 5 });
  const dontKnow = missingCode('dont_know');
  respondents.forEach((respondent, r) => {
    const industry = respondent.population === 'industry';
    for (let k = 0; k < K; k++) {
      const importance = draw(random, PROFILES[k % PROFILES.length]!);
      const other = random.uniform() < DEPENDENT ? Math.max(1, importance - (draw(random, SHIFT) - 1)) : draw(random, industry ? PREPAREDNESS : COVERAGE);
      answers.codes[cellIndex(answers, r, k, 0)] = random.uniform() < MISSING ? dontKnow : importance - 1;
      answers.codes[cellIndex(answers, r, k, industry ? 1 : 2)] = random.uniform() < MISSING ? dontKnow : other - 1;
    }
  });
  return { wave: 'coverage', scale: { min: 1, max: 5 }, regionScheme: 'un-m49-region', respondents, answers, audit: [], warnings: [] };
}

function configFor(scenario: Scenario): WaveConfig {
  const config = testConfig({ weightCap: scenario === 'raked' ? 4 : 0 });
  if (scenario === 'raked') {
    const total = REGION_SIZES.reduce((a, b) => a + b, 0);
    const regionTargets = Object.fromEntries(REGIONS.map((region, index) => [region, REGION_SIZES[index]! / total]));
    const margins: PopulationMargin[] = [{ variables: ['region'], targets: regionTargets }, { variables: ['organisationType'], targets: { private: 0.5, public: 0.5 } }];
    config.analysis.populationMargins = { industry: margins, education: margins };
  }
  return config;
}

const BANDS = [[5, 9], [10, 19], [20, 49], [50, 99], [100, 199], [200, Infinity]] as const;
const FAMILIES = ['means', 'paired gaps', 'curriculum gap', 'top-two-box shares'] as const;
type Tally = { cells: number; covered: number; normalCovered: number; zeroSe: number };

const bandOf = (n: number) => BANDS.findIndex(([low, high]) => n >= low && n <= high);
const familyOf = (measure: EstimateRow['measure']) => (measure === 'gap_curriculum' ? 2 : measure.startsWith('gap') ? 1 : 0);

const results: Record<string, Tally[][]> = {};
const started = performance.now();
for (const scenario of SCENARIOS) {
  const tallies = FAMILIES.map(() => BANDS.map((): Tally => ({ cells: 0, covered: 0, normalCovered: 0, zeroSe: 0 })));
  const random = createSeededRandom(SEED, SCENARIOS.indexOf(scenario));
  const config = configFor(scenario);
  for (let wave = 0; wave < WAVES; wave++) {
    const result = analyseWave(drawWave(random, scenario), config);
    for (const row of result.estimates) {
      if (row.suppressed || row.region === 'Global') continue;
      const band = bandOf(row.measure === 'gap_curriculum' ? Math.min(...splitCurriculumN(result.estimates, row)) : row.n);
      if (band < 0) continue;
      const truth = truthOf(Number(row.competency.split('-')[1]) - 1, row.measure, row.population);
      const tally = tallies[familyOf(row.measure)]![band]!;
      tally.cells++;
      if (row.ciLow <= truth && truth <= row.ciHigh) tally.covered++;
      if (Math.abs(row.mean - truth) <= Z_95 * row.se) tally.normalCovered++;
      if (row.ciMethod === 'zero_se_wilson') tally.zeroSe++;
      if (!row.measure.startsWith('gap')) {
        // The Korn–Graubard interval of the top-two-box share (there was no interval before).
        const share = tallies[3]![band]!;
        const truthShare = topTwoOf(Number(row.competency.split('-')[1]) - 1, row.measure);
        share.cells++;
        if (row.top2CiLow! <= truthShare && truthShare <= row.top2CiHigh!) share.covered++;
        if (row.top2Share === 0 || row.top2Share === 1) share.zeroSe++;
      }
    }
  }
  results[scenario] = tallies;
}

/** The curriculum gap's n is n₁ + n₂; its band is that of the smaller of its two means. */
function splitCurriculumN(estimates: EstimateRow[], row: EstimateRow): [number, number] {
  const industry = estimates.find((e) => e.region === row.region && e.competency === row.competency && e.population === 'industry' && e.measure === 'importance')!;
  return [industry.n, row.n - industry.n];
}

const percent = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : '–');
const lines: string[] = [];
lines.push(`Coverage of the published 95% intervals: ${WAVES} waves per scenario, seed ${SEED}, regions of ${REGION_SIZES.join(', ')} respondents per population, ${K} competencies (${((performance.now() - started) / 1000).toFixed(0)} s).`);
lines.push('');
lines.push('| scenario | estimates | cell size | cells | coverage (published) | coverage (former mean ± 1.96·SE) | SE 0 cells |');
lines.push('|---|---|---|---:|---:|---:|---:|');
for (const scenario of SCENARIOS) {
  FAMILIES.forEach((family, f) => {
    BANDS.forEach(([low, high], b) => {
      const tally = results[scenario]![f]![b]!;
      if (tally.cells === 0) return;
      const former = family === 'top-two-box shares' ? '–' : percent(tally.normalCovered, tally.cells);
      lines.push(`| ${scenario} | ${family} | ${high === Infinity ? `${low}+` : `${low}–${high}`} | ${tally.cells} | ${percent(tally.covered, tally.cells)} | ${former} | ${tally.zeroSe} |`);
    });
  });
}
console.log(lines.join('\n'));
console.log('');
console.log(compactTable());

/** The same as fixed-width text (docs/methods.md, which the PDF prints as code): published coverage, former in brackets. */
function compactTable(): string {
  const bandNames = BANDS.map(([low, high]) => (high === Infinity ? `${low}+` : `${low}-${high}`));
  const rows = [['scenario', 'estimates', ...bandNames]];
  for (const scenario of SCENARIOS) {
    FAMILIES.forEach((family, f) => {
      rows.push([scenario, family, ...BANDS.map((_, b) => {
        const tally = results[scenario]![f]![b]!;
        if (tally.cells === 0) return '-';
        const published = ((100 * tally.covered) / tally.cells).toFixed(1);
        return family === 'top-two-box shares' ? published : `${published} (${((100 * tally.normalCovered) / tally.cells).toFixed(1)})`;
      })]);
    });
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')).join('\n');
}
writeFileSync(resolve(ROOT, 'bench', 'coverage-results.json'), JSON.stringify({ waves: WAVES, seed: SEED, regionSizes: REGION_SIZES, bands: BANDS.map(([low, high]) => [low, high === Infinity ? null : high]), results }, null, 1) + '\n');
