/**
 * The data contracts shared by every stage of skillgap. Stages are pure functions from these
 * tables to these tables; only the runner (runner/run.ts) reads and writes files.
 *
 *   RawTable[] ──normalise──▶ NormalisedWave ──analyse──▶ AnalysisResult ──render──▶ files
 *
 * Column names of the CSV files written from these types are fixed (other tools read them):
 * see io/table-files.ts.
 */

// ─── Vocabularies ────────────────────────────────────────────────────────────────────────────

/** Who answered: employers (`industry`) or tertiary institutions (`education`). */
export type Population = 'industry' | 'education';
export const POPULATIONS: readonly Population[] = ['industry', 'education'];

/**
 * What a rating measures. Industry rates `importance` (for an entry-level graduate) and the
 * `preparedness` of recent graduates; education rates `importance` and how well its curriculum
 * gives `coverage` to the competency.
 */
export type Dimension = 'importance' | 'preparedness' | 'coverage';
export const DIMENSIONS: readonly Dimension[] = ['importance', 'preparedness', 'coverage'];

/**
 * Why an answer has no value. Missing answers are never zeros.
 * `blank`: the cell was empty; `dont_know`, `not_applicable`, `prefer_not_to_say`: the respondent
 * chose that option; `not_shown`: the tool says the question was not displayed (e.g. Kobo `n/a`);
 * `invalid`: a value outside the scale or an unknown label (also reported as a warning).
 */
export type MissingReason =
  | 'blank'
  | 'dont_know'
  | 'not_applicable'
  | 'prefer_not_to_say'
  | 'not_shown'
  | 'invalid';
/** Index 0 of the coded form means "not missing"; index i+1 is MISSING_REASONS[i]. */
export const MISSING_REASONS: readonly MissingReason[] = [
  'blank',
  'dont_know',
  'not_applicable',
  'prefer_not_to_say',
  'not_shown',
  'invalid',
];

/** The survey tools whose export layouts ingest recognises. */
export type ExportFormat =
  | 'qualtrics'
  | 'qualtrics-legacy'
  | 'limesurvey'
  | 'surveymonkey'
  | 'google-forms'
  | 'kobo'
  | 'spss'
  | 'generic';

// ─── Reference data ──────────────────────────────────────────────────────────────────────────

/** One competency of the working taxonomy (data/competencies.json). */
export interface Competency {
  /** Stable id, kebab-case, e.g. `incident-response`. */
  id: string;
  /** Short English label used in charts and tables. */
  label: string;
  kind: 'technical' | 'transversal';
  description: string;
  /** Crosswalk to the canonical frameworks (ids as the sources spell them); empty where none fits. */
  crosswalk: {
    nice: string[];
    ecsf: string[];
    csec2017: string[];
    cybok: string[];
  };
  /** Why a framework of the crosswalk has no unit for this competency (framework id → reason); see docs/frameworks.md. */
  noHome?: Partial<Record<string, string>>;
  /** Label and description in the report languages other than English (stages/render/i18n/). */
  translations?: Partial<Record<'fr' | 'es' | 'pt', { label: string; description: string }>>;
}

export interface CompetencyFramework {
  version: string;
  provenance: string;
  competencies: Competency[];
}

/** A country with its places in every region scheme we report by (data/regions/countries.json). */
export interface CountryRecord {
  /** ISO 3166-1 alpha-2, e.g. `TR`. */
  alpha2: string;
  alpha3: string;
  /** UN M49 numeric code as a zero-padded string, e.g. `792`. */
  m49: string;
  /** English short name as the UN writes it, e.g. `Türkiye`, `Côte d'Ivoire`. */
  nameEn: string;
  /** UN M49 region name, e.g. `Asia`. */
  region: string;
  /** UN M49 sub-region name, e.g. `Western Asia`. */
  subRegion: string;
  /** UN regional group, e.g. `WEOG`, `GRULAC`, `African Group`; `` where the country is in none. */
  unRegionalGroup: string;
}

/** Which region a respondent is reported under. */
export type RegionScheme = 'un-m49-region' | 'un-m49-subregion' | 'un-regional-group';

// ─── Wave configuration and codebook ─────────────────────────────────────────────────────────

/** One export file of a wave (data/raw/<wave>/wave.json → sources). */
export interface WaveSource {
  /** Short id used in audit rows and file names, e.g. `industry-qualtrics`. */
  id: string;
  /** Path relative to the wave folder. */
  file: string;
  population: Population;
  /** Force a format instead of detecting it. */
  format?: ExportFormat;
  /**
   * The source may end with no kept respondent (e.g. a pilot export). Without it, a source whose
   * every row is excluded stops the run (exit 1) with the reasons.
   */
  mayBeEmpty?: boolean;
  /** Texts that mean "no answer" in this source's country column (e.g. ["N/A", "-99"]); otherwise only an empty cell is missing, and "NA" is Namibia. */
  missingMarkers?: string[];
}

/** Quality rules; each can be switched off. Reason codes are in QualityReason. */
export interface QualityRules {
  dropDuplicates: boolean;
  /** Exclude responses not marked finished, or with progress below this percentage. */
  minProgress: number;
  /** Exclude speeders: duration below this fraction of the median duration (0 = off). */
  speederFraction: number;
  /** Exclude respondents who give the same answer to every item of a grid of at least this many items (0 = off). */
  straightLineMinItems: number;
  /** Exclude respondents with fewer than this many non-missing ratings. */
  minAnsweredItems: number;
  /** Apply the codebook's attention checks (default true). */
  attentionChecks?: boolean;
}

export interface WaveConfig {
  /** Wave id, e.g. `2022`. */
  wave: string;
  title: string;
  /** ISO date used as the report's creation date, so renders are reproducible. */
  reportDate: string;
  /** The wave before this one, for comparisons, if any. */
  previousWave?: string;
  sources: WaveSource[];
  /** Path of the codebook, relative to the wave folder. */
  codebook: string;
  regionScheme: RegionScheme;
  /** Extra country spellings of this wave: text → ISO 3166-1 alpha-2 (e.g. {"Zuid-Afrika": "ZA"}). */
  countryAliases?: Record<string, string>;
  quality: QualityRules;
  suppression: {
    /** Cells with unweighted n below this are suppressed (default 5). */
    minN: number;
    /** Cells with unweighted n below this are flagged as low reliability (default 10). */
    lowReliabilityN: number;
    /** Also suppress cells whose Kish effective n, (Σw)²/Σw², is below minN (default false). */
    effectiveN?: boolean;
    /** Secondary suppression: a primary-suppressed mean's feasible interval must cover at least this share of its range (default 0.5). */
    protectionShare?: number;
  };
  analysis: {
    /** Crosshairs of the importance–performance quadrants. */
    ipaCrosshair: 'grand-mean' | 'scale-midpoint';
    seed: number;
    /** Weights above this multiple of the mean weight are trimmed. */
    weightCap: number;
    /**
     * Raking margins per population (docs/methods.md, "Raking"; stages/analyse/population-weights.ts):
     * the weights of a population with margins are calibrated to them. Absent: no raking.
     */
    populationMargins?: Partial<Record<Population, PopulationMargin[]>>;
    /** Calibration tolerance: every margin within ε·(1 + target) of its target (default 1e-10). */
    rakingEpsilon?: number;
    /** Newton steps of the calibration (default 50). */
    rakingMaxIterations?: number;
  };
  /**
   * The frameworks the results are also rolled up into (docs/frameworks.md): built-in ids
   * (`nice`, `ecsf`, `csec2017`, `cybok`, from data/frameworks/) or paths of the wave's own framework
   * files (relative to the wave folder). Default: the four built-ins.
   */
  frameworks?: string[];
  /** Language of the report, figures and curriculum report: `en` (default), `fr`, `es` or `pt`; `--lang` overrides it (stages/render/i18n/). */
  language?: 'en' | 'fr' | 'es' | 'pt';
}

/** The answer scale of a wave, with its labels in every language the exports use. */
export interface ScaleDefinition {
  min: number;
  max: number;
  /** Answer label (any language, matched case- and accent-insensitively) or code → value. */
  labels: Record<string, number>;
  /** Answer label or code → reason it is missing, e.g. "Don't know" → dont_know, "-99" → blank. */
  missing: Record<string, MissingReason>;
}

/** How one source's columns map onto the data model. Columns are named by code or by question text. */
export interface SourceCodebook {
  /** Id of the WaveSource this mapping is for. */
  source: string;
  columns: {
    respondentId: string;
    country: string;
    organisationType?: string;
    weight?: string;
    finished?: string;
    progress?: string;
    durationSeconds?: string;
    /** Column marking test/preview responses (Qualtrics Status, LimeSurvey refurl…). */
    status?: string;
  };
  /** Rating columns: source column → competency and dimension. */
  items: { column: string; competency: string; dimension: Dimension }[];
  /**
   * Free-text columns to keep (e-mail addresses, phone numbers and IP addresses typed into them
   * are redacted). Ingest keeps only the columns named in this codebook entry: every other column
   * of the export is dropped and listed with its reason (DroppedColumn).
   */
  keepText?: string[];
  /**
   * Attention checks ("select 'Agree' for this item"): the column and the answers that pass,
   * compared as normalised labels. A respondent giving any other answer, or none, is excluded
   * as `failed_attention_check` (unless quality.attentionChecks is false).
   */
  attentionChecks?: { column: string; pass: string[] }[];
}

export interface Codebook {
  wave: string;
  scale: ScaleDefinition;
  sources: SourceCodebook[];
}

// ─── Stage 1: ingest ─────────────────────────────────────────────────────────────────────────

/** One column of an export as the tool labelled it. */
export interface RawColumn {
  /** Short name / export tag / question code (`Q3_1`, `Q3[SQ004]`); question text where the tool has no codes. */
  key: string;
  /** Question text or second-header label, `` if the export has none. */
  label: string;
  /** Qualtrics ImportId, Kobo XPath etc., where the export carries one. */
  importId?: string;
}

/**
 * One export file as read: header rows resolved into columns, data rows as text cells, personal
 * data columns already removed. `sourceRows[i]` is the 1-based record number of `rows[i]` in the
 * file counting header rows (what a person sees in a spreadsheet), so messages can name it.
 */
export interface RawTable {
  sourceId: string;
  /** Path as given in the config or on the command line. */
  sourceFile: string;
  sha256: string;
  format: ExportFormat;
  encoding: string;
  delimiter: string;
  headerRows: number;
  columns: RawColumn[];
  rows: string[][];
  sourceRows: number[];
  /** Columns removed because they hold personal data (names only, never values). */
  droppedPersonalColumns: string[];
  /** Every column ingest left out, personal or not needed, with the reason (names only, never values). */
  droppedColumns?: DroppedColumn[];
  warnings: string[];
}

/**
 * Why ingest left a column out (data minimisation: the cache holds only what the wave needs).
 * `personal_data_header`: its name says it holds personal data; `personal_data_content`: most of
 * its values are e-mail addresses, phone numbers, IP addresses or coordinates; `not_in_codebook`:
 * the source's codebook entry neither maps it nor keeps it as free text (`keepText`).
 */
export type DroppedColumnReason = 'personal_data_header' | 'personal_data_content' | 'not_in_codebook';
export interface DroppedColumn {
  column: string;
  reason: DroppedColumnReason;
}

// ─── Stage 2: normalise ──────────────────────────────────────────────────────────────────────

/** A kept respondent. */
export interface Respondent {
  /** `<source id>:<response id>`, unique within the wave. */
  respondentId: string;
  population: Population;
  /** ISO 3166-1 alpha-2, or `` when unknown (kept, reported in the audit). */
  country: string;
  /** Region under the wave's scheme, `Unknown` when the country is unknown. */
  region: string;
  organisationType: string;
  /** Survey weight, 1 when the export has none. */
  weight: number;
  wave: string;
  sourceFile: string;
  sourceRow: number;
}

/**
 * The answers, wide and one byte each: every kept respondent has one cell per competency ×
 * dimension, at `codes[(respondent × competencies.length + competency) × DIMENSIONS.length +
 * dimension]` (respondent = index into NormalisedWave.respondents, competency = index into
 * `competencies`, dimension = index into DIMENSIONS). A cell holds
 *   0 … levelValues.length − 1   an answer with value `levelValues[code]` (the scale points
 *                                min…max come first, in order; a value off them is appended);
 *   MISSING_CODE_BASE + i        an answer with no value, for reason MISSING_REASONS[i];
 *   ABSENT_CODE (255)            no answer: the respondent was not asked that item.
 * At a million respondents per population this is ≈ 160 MB, against 2 GB for the long table of
 * (respondent, competency, dimension, value, reason) it replaced. Accessors, builders and the
 * long view (`forEachAnswer`) are in contracts/answer-table.ts.
 */
export interface AnswerTable {
  respondentCount: number;
  competencies: string[];
  levelValues: number[];
  codes: Uint8Array;
}

export type QualityReason =
  | 'duplicate_response_id'
  | 'duplicate_answers'
  | 'incomplete'
  | 'speeder'
  | 'straight_liner'
  | 'no_ratings'
  | 'test_response'
  | 'failed_attention_check'
  | 'blank_row';

/** One row per data row of every input file: nothing is lost without a reason. */
export interface AuditRow {
  sourceFile: string;
  sourceRow: number;
  responseId: string;
  status: 'kept' | 'excluded';
  reasons: QualityReason[];
}

/** A data problem that does not stop the run (collected in the manifest and the report appendix). */
export interface Warning {
  code: string;
  message: string;
  file?: string;
  row?: number;
  column?: string;
}

export interface NormalisedWave {
  wave: string;
  scale: { min: number; max: number };
  regionScheme: RegionScheme;
  respondents: Respondent[];
  answers: AnswerTable;
  audit: AuditRow[];
  warnings: Warning[];
}

// ─── Stage 3: analyse ────────────────────────────────────────────────────────────────────────

export type Measure = Dimension | 'gap_preparedness' | 'gap_curriculum' | 'gap_education';

/** `both` is used for the curriculum gap, which compares the two populations. */
export type EstimatePopulation = Population | 'both';

/** One cell: region (or `Global`) × competency × population × measure. */
export interface EstimateRow {
  wave: string;
  region: string;
  competency: string;
  population: EstimatePopulation;
  measure: Measure;
  /** Unweighted number of respondents with a value (pairs for paired gaps; n1 + n2 for the curriculum gap); NaN when suppressed. */
  n: number;
  /** Weighted mean; NaN when suppressed. */
  mean: number;
  /** Weighted standard deviation of the values; NaN when suppressed or undefined. */
  sd: number;
  /** Design-based standard error (Taylor linearisation, one stage with replacement). */
  se: number;
  ciLow: number;
  ciHigh: number;
  /** Weighted share answering in the top two boxes of the scale; NaN for gaps. */
  top2Share: number;
  suppressed: boolean;
  /**
   * `` | `low_reliability` | `suppressed_small_n` | `suppressed_low_effective_n` (primary) |
   * `suppressed_secondary` (complementary) | `suppressed_derived` (stages/analyse/disclosure/) |
   * `not_asked` (no respondent of the population was asked the competency: stages/analyse/not-asked.ts).
   */
  flag: string;
  // The fields below are always filled by analyseWave; optional only so that rows built elsewhere
  // (older cached JSON, test fixtures, the API's wave comparison) stay valid.
  /** Degrees of freedom of the t quantile of ciLow/ciHigh (n − 1; Welch–Satterthwaite for the curriculum gap). */
  df?: number;
  /** How ciLow/ciHigh were made: `t` (t interval, clipped to the scale) or `zero_se_wilson` (SE 0: every answer equal). */
  ciMethod?: 't' | 'zero_se_wilson' | '';
  /** Korn–Graubard 95% interval of top2Share; NaN for gaps. */
  top2CiLow?: number;
  top2CiHigh?: number;
  /** Design effect: design variance / SRS variance of the mean (R svymean deff = "replace"); NaN when both are 0. */
  deff?: number;
  /** n / deff: the size of a simple random sample with the same precision. */
  effectiveN?: number;
  /** Kish effective n of the cell's weights, (Σw)²/Σw² (n with equal weights). */
  kishEffectiveN?: number;
  /** Country rows only (AnalysisResult.countries): ISO 3166-1 alpha-2; `region` is then the country's region. */
  country?: string;
}

export type GapMeasure = 'gap_preparedness' | 'gap_curriculum' | 'gap_education';

export interface TestRow {
  wave: string;
  region: string;
  competency: string;
  gap: GapMeasure;
  test: 'wilcoxon_signed_rank' | 'mann_whitney_u';
  n1: number;
  n2: number;
  statistic: number;
  pValue: number;
  qValue: number;
  /**
   * The Benjamini–Hochberg family qValue is adjusted over: one gap type at one level, "<gap>:<region>"
   * (e.g. "gap_preparedness:Global", "gap_curriculum:Europe"); the suppressed tests are not in it.
   */
  family: string;
  effectSize: number;
  effectMeasure: 'rank_biserial' | 'cliffs_delta';
  suppressed: boolean;
}

export type Quadrant = 'concentrate_here' | 'keep_up_the_good_work' | 'low_priority' | 'possible_overkill';

/**
 * One raking margin of a population (wave.json `analysis.populationMargins`): one or more
 * respondent variables (several: their categories joined with `|` in the keys) and the relative
 * population size of each category. Targets are rescaled so the weights of a population sum to its
 * number of respondents (mean weight 1). One margin = post-stratification.
 *
 *   "analysis": { "populationMargins": { "industry": [
 *       { "variables": ["region"], "targets": { "Europe": 0.4, "Asia": 0.35, "Africa": 0.25 } },
 *       { "variables": ["organisationType"], "targets": { "private": 0.7, "public": 0.3 } } ] },
 *     "rakingEpsilon": 1e-10, "rakingMaxIterations": 50 }
 */
export interface PopulationMargin {
  variables: ('region' | 'organisationType' | 'country')[];
  targets: Record<string, number>;
}

export interface RankingRow {
  wave: string;
  region: string;
  competency: string;
  mwds: number;
  rank: number;
  /** Marginal 95% confidence set for the rank, {rankCiLow, …, rankCiHigh} (integers; Mogstad et al. 2024). */
  rankCiLow: number;
  rankCiHigh: number;
  /** Simultaneous 95% confidence set: all competencies' sets of the region cover their true ranks at once. */
  rankSimultaneousLow: number;
  rankSimultaneousHigh: number;
  quadrant: Quadrant | '';
  suppressed: boolean;
  /** Country rows only (AnalysisResult.countries): ISO 3166-1 alpha-2; `region` is then the country's region. */
  country?: string;
}

/**
 * A ranking row as the analysis builds it (stages/analyse/build-rankings.ts): the RankingRow plus
 * the ranked-discrepancy score (docs/methods.md; stages/analyse/stats/ranked-discrepancy.ts), an
 * ordinal companion of the MWDS. analysis.json keeps the score for the region and Global rows
 * (AnalysisResult.rankings); the country rows and the framework roll-ups drop it. It is not a column
 * of rankings.csv (whose columns, io/table-files.ts RANKING_COLUMNS, the data package describes).
 */
export interface ScoredRankingRow extends RankingRow {
  /** Weighted mean over respondents of the competency's within-respondent rank of I − P rescaled to 0–1 (1 = most respondents' largest gap); NaN where suppressed. */
  rankedDiscrepancy: number;
}

/**
 * The unweighted answer distribution of one region (or `Global`) × competency × population × rated
 * dimension, for the diverging stacked bars of the Likert figures. `counts[j]` is the number of
 * answers with value scale.min + j (j = 0..max − min); `missing` counts answers without a value
 * (don't know, blank, not applicable…). Suppressed (counts = []) when the answers with a value are
 * fewer than the wave's minN.
 */
export interface DistributionRow {
  region: string;
  competency: string;
  population: Population;
  dimension: Dimension;
  counts: number[];
  missing: number;
  /** Σ weights per scale point and of the missing answers (the weighted distribution); [] when suppressed. */
  weightedCounts?: number[];
  weightedMissing?: number;
  suppressed: boolean;
  /** Country rows only (AnalysisResult.countries): ISO 3166-1 alpha-2; `region` is then the country's region. */
  country?: string;
}

/**
 * One row of wave-change.csv: the change of a gap between two waves (independent samples), with
 *   Δ = gap_now − gap_before,  SE = √(SE_now² + SE_before²),  95% CI Δ ± 1.96·SE,
 *   z = Δ/SE and two-sided p = 2·P(Z > |z|) (Wald test of no change),
 * and, on `gap_preparedness` rows, whether the competency entered or left the top 5 of the MWDS
 * ranking of its region (stages/analyse/compare-waves.ts).
 */
export interface WaveChangeRow {
  previousWave: string;
  wave: string;
  region: string;
  competency: string;
  measure: GapMeasure;
  previousMean: number;
  mean: number;
  change: number;
  se: number;
  ciLow: number;
  ciHigh: number;
  z: number;
  pValue: number;
  /** `entered` | `left` | `stayed_in` | `stayed_out`; `` for other measures or without a ranking. */
  top5: string;
  suppressed: boolean;
}

export interface AnalysisResult {
  wave: string;
  estimates: EstimateRow[];
  tests: TestRow[];
  /**
   * Region and Global rankings. analyseWave's rows are ScoredRankingRow (analysis.json keeps the
   * ranked-discrepancy score); a result rebuilt from rankings.csv (the API's wave comparison) lacks it.
   */
  rankings: RankingRow[];
  /**
   * Answer distributions per region × competency × population × rated dimension (Likert figures).
   * Always filled by analyseWave; optional only so that results built elsewhere (older cached JSON,
   * test fixtures, the API's wave comparison) stay valid until they add it.
   */
  distributions?: DistributionRow[];
  /** Roll-ups of the results into each framework of the wave (stages/analyse/framework-rollups.ts); absent in older results. */
  frameworks?: FrameworkRollup[];
  /**
   * Country as a domain of the same design (analysis/country-domains.ts): rows with `country` set
   * and `region` = the country's region, protected together with the region rows (a region is
   * the total of its countries). Kept apart from `estimates` so readers of the region table are
   * not confused; estimates.csv holds both (column `country`). Absent in older results.
   */
  countries?: { estimates: EstimateRow[]; distributions: DistributionRow[]; rankings: RankingRow[] };
  /** Weighting summary per population: Kish effective n and design effect of the weights. */
  weighting: { population: Population; n: number; effectiveN: number; designEffect: number; trimmed: number }[];
  /**
   * Raked populations: each margin category's target and achieved weighted total after calibration
   * and trimming. Optional so that results built elsewhere stay valid.
   */
  marginFit?: { population: Population; variable: string; category: string; target: number; achieved: number; relativeDifference: number }[];
  warnings: Warning[];
}

// ─── Frameworks (data/frameworks/, docs/frameworks.md) ───────────────────────────────────────

/** One unit of a framework: a NICE work role or competency area, an ECSF role profile, a knowledge area. */
export interface FrameworkUnit {
  /** As the source spells it, e.g. `PD-WRL-003`, `Cyber Incident Responder`, `SOIM`. */
  id: string;
  name: string;
  kind?: string;
  /** Category the unit sits in (NICE work-role category, CyBOK category), if any. */
  group?: string;
}

/**
 * A framework file (data/frameworks/<id>.json, or a wave's own file named in wave.json →
 * frameworks). `crosswalk` and `noHome` are optional: without them the crosswalk comes from
 * data/competencies.json (`crosswalk[id]`, `noHome[id]`); with them the file's own mapping is used.
 */
export interface FrameworkDefinition {
  id: string;
  name: string;
  shortName?: string;
  version: string;
  publisher?: string;
  publication?: string;
  source: string;
  /** What a unit is called, e.g. `role profile` (singular). */
  unitLabel?: string;
  notes?: string;
  units: FrameworkUnit[];
  /** Competency id → unit ids. */
  crosswalk?: Record<string, string[]>;
  /** Competency id → why no unit fits. */
  noHome?: Record<string, string>;
}

/**
 * One roll-up cell: framework unit × region (or Global) × population × measure, computed from the
 * respondent-level composite (the mean of the respondent's ratings over the unit's competencies),
 * exactly as EstimateRow for a competency. Gap rows also carry their rank test (q-values across the
 * framework's tests); gap_preparedness rows carry the unit's MWDS ranking in its region.
 */
export interface FrameworkEstimateRow extends Omit<EstimateRow, 'competency'> {
  framework: string;
  unit: string;
  test: TestRow['test'] | '';
  statistic: number;
  pValue: number;
  qValue: number;
  effectSize: number;
  mwds: number;
  rank: number;
  rankCiLow: number;
  rankCiHigh: number;
  quadrant: Quadrant | '';
}

export interface FrameworkRollup {
  framework: string;
  name: string;
  shortName: string;
  version: string;
  source: string;
  unitLabel: string;
  /** Units with at least one competency of the wave, in the framework's order, with their competencies. */
  units: (FrameworkUnit & { competencies: string[] })[];
  /** Units no competency of the wave maps to (no estimate possible). */
  unmappedUnits: FrameworkUnit[];
  /** Competencies with no unit in this framework, and why. */
  noHome: { competency: string; reason: string }[];
  rows: FrameworkEstimateRow[];
}
