/**
 * The bench's outside yardstick (issue 18): DuckDB (`@duckdb/node-api`, a devDependency) doing the
 * core job of ingest + normalise + analyse on the same exports, with the best SQL we could write:
 *
 *   read each CSV export (read_csv, all text) ─▶ the respondents the quality rules keep
 *   ─▶ answer labels recoded to values (each distinct text once) ─▶ countries to regions
 *   ─▶ weighted means and Taylor-linearisation SEs per population × region × competency ×
 *      dimension, and Global (one GROUPING SETS aggregation)
 *
 * Same rules as skillgap, written in SQL: blank rows; repeated response ids and repeated answers
 * (same country key, organisation and answered values as an earlier row); preview/test/spam status;
 * not finished or progress below `minProgress`; speeders (duration below `speederFraction` × the
 * source's median); straight-liners (one value for every answered item of a dimension, at least
 * `straightLineMinItems` of them); fewer than `minAnsweredItems` answers. Labels compared as
 * stages/normalise/normalise-label.ts does (lower case, accents stripped, spaces collapsed), then a
 * number on the scale, then "n - label". Countries keyed as countryKey in
 * stages/normalise/countries.ts and looked up in the same reference table
 * (countryLookupTable(): codes, aliases, UN and i18n names), unknown → region "Unknown".
 *
 * The SE is the pipeline's (docs/methods.md "Weighted means and standard errors", R's
 * svyby(~y, ~region, svydesign(ids = ~1, weights = ~w), svymean, na.rm = TRUE)): with u_i =
 * w_i (y_i − mean)/Σ_d w in the domain and 0 elsewhere, Var = n/(n − 1) Σ (u_i − ū)² over the n
 * kept respondents of the population. Σ_d u_i = 0, so ū = 0 and Var = n/(n − 1) ·
 * (Σ w²y² − 2·mean·Σ w²y + mean²·Σ w²)/(Σ w)², one pass over the answers.
 *
 * Simplifications (none matters for the sample and bench waves, which have none of these):
 * weights are taken as exported (1 without a weight column), without skillgap's checks, trimming
 * at the cap or raking; no wave `countryAliases` / `missingMarkers`, no emoji flags, NFC instead
 * of NFKC; encodings other than UTF-8 are not detected; the number of header rows (3 for a
 * Qualtrics export, else 1) is decided by looking for Qualtrics' ImportId row.
 */
import { openSync, readSync, closeSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { loadWave } from '../../contracts/config.ts';
import { countryLookupTable } from '../../contracts/countries/countries.ts';
import { countryTable, regionOf } from '../../contracts/countries/regions.ts';
import type { RegionScheme } from '../../contracts/types.ts';

export interface DuckDbEstimate {
  population: string;
  region: string;
  competency: string;
  dimension: string;
  n: number;
  mean: number;
  se: number;
}

export interface DuckDbTiming {
  /** Wall time of the whole job inside DuckDB (reference tables, CSV reading, rules, estimates). */
  seconds: number;
  kept: number;
  estimates: DuckDbEstimate[];
}

const quoteId = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteText = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** SQL of normaliseLabel (NFC instead of NFKC). */
const labelKey = (x: string) => `trim(regexp_replace(lower(strip_accents(replace(replace(replace(replace(replace(${x}, '‘', ''''), '’', ''''), '“', '"'), '”', '"'), '–', '-'))), '\\s+', ' ', 'g'))`;

/** SQL of countryKey. */
const countryKeySql = (x: string) => {
  let key = `lower(strip_accents(nfc_normalize(${x})))`;
  for (const [from, to] of Object.entries({ ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' })) key = `replace(${key}, '${from}', '${to}')`;
  key = `replace(regexp_replace(${key}, '[''‘’\`´.]', '', 'g'), '&', ' and ')`;
  key = `trim(regexp_replace(${key}, '[\\pP\\pS\\s]+', ' ', 'g'))`;
  key = `regexp_replace(regexp_replace(${key}, '^the ', ''), ' the$', '')`;
  return `regexp_replace(${key}, '\\bst\\b', 'saint', 'g')`;
};

/** 3 header rows when the export carries Qualtrics' ImportId row, else 1. */
function headerRows(file: string): number {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 16);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('utf8').includes('{""ImportId""') ? 3 : 1;
  } finally {
    closeSync(fd);
  }
}

/** Runs the job on a wave (its wave.json) and returns the estimates with the time DuckDB took. */
export async function timeDuckDb(configPath: string, threads = 2): Promise<DuckDbTiming> {
  const wave = loadWave(process.cwd(), undefined, configPath);
  const { config, codebook } = wave;
  const rules = config.quality;
  // Reference tables, as plain rows (prepared before the clock starts, as skillgap's are data files).
  const countryKeys = countryLookupTable();
  const regions = countryTable().map((record) => ({ alpha2: record.alpha2, region: regionOf(record.alpha2, config.regionScheme as RegionScheme) }));
  const labels = new Map<string, number | null>();
  for (const label of Object.keys(codebook.scale.missing)) labels.set(label, null);
  for (const [label, value] of Object.entries(codebook.scale.labels)) if (!labels.has(label)) labels.set(label, value);

  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const db = await instance.connect();
  try {
    await insertRows(db, 'country_keys', 'key VARCHAR, alpha2 VARCHAR', countryKeys.map((row) => [row.key, row.alpha2]));
    await insertRows(db, 'regions', 'alpha2 VARCHAR, region VARCHAR', regions.map((row) => [row.alpha2, row.region]));
    await insertRows(db, 'label_texts', 'label VARCHAR, value DOUBLE, missing BOOLEAN', [...labels].map(([label, value]) => [label, value, value === null]));
    await db.run(`CREATE TABLE labels AS SELECT ${labelKey('label')} AS key, first(value ORDER BY missing DESC) AS value, bool_or(missing) AS missing FROM label_texts GROUP BY key`);
    const items: { source: number; item: number; column: string; competency: string; dimension: string }[] = [];
    const perSource: string[] = [];
    for (const [index, source] of config.sources.entries()) {
      const file = wave.sourcePaths[index];
      const book = codebook.sources.find((entry) => entry.source === source.id)!;
      await db.run(`CREATE TABLE raw_${index} AS SELECT row_number() OVER () AS rn, * FROM read_csv(${quoteText(file)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`);
      const columns = (await db.runAndReadAll(`SELECT column_name FROM (DESCRIBE raw_${index}) WHERE column_name <> 'rn'`)).getRows().map((row) => String(row[0]));
      const col = (name: string | undefined) => (name && columns.includes(name) ? quoteId(name) : 'NULL');
      const map = book.columns as Record<string, string | undefined>;
      book.items.forEach((item, i) => items.push({ source: index, item: i, column: item.column, competency: item.competency, dimension: item.dimension }));
      const firstDataRow = headerRows(file) - 1; // rows of raw_ after the header line that are headers too
      const blank = columns.map((name) => `coalesce(trim(${quoteId(name)}), '') = ''`).join(' AND ');
      const finished = map.finished && columns.includes(map.finished)
        ? `CASE WHEN lower(trim(coalesce(${col(map.finished)}, ''))) IN ('', 'false', '0', 'no', 'n') THEN 0 ELSE 1 END`
        : '1';
      const status = map.status && columns.includes(map.status)
        ? `(trim(coalesce(${col(map.status)}, '')) IN ('1', '2', '4', '16') OR regexp_matches(coalesce(${col(map.status)}, ''), 'preview|test|spam|vorschau|prueba|aper[cç]u', 'i'))`
        : 'false';
      perSource.push(`SELECT ${index} AS source, ${quoteText(source.population)} AS population, rn,
          trim(coalesce(${col(map.respondentId)}, '')) AS rid, ${blank} AS blank,
          coalesce(${col(map.country)}, '') AS country, coalesce(${col(map.organisationType)}, '') AS org,
          ${finished} AS finished, TRY_CAST(trim(${col(map.progress)}) AS DOUBLE) AS progress,
          TRY_CAST(trim(${col(map.durationSeconds)}) AS DOUBLE) AS duration, ${status} AS test,
          coalesce(TRY_CAST(trim(${col(map.weight)}) AS DOUBLE), 1.0) AS w
        FROM raw_${index} WHERE rn > ${firstDataRow}`);
      const itemColumns = book.items.map((item, i) => `${quoteId(item.column)} AS "${i}"`).join(', ');
      await db.run(`CREATE TABLE texts_${index} AS
        SELECT ${index} AS source, rn, CAST(item AS INTEGER) AS item, text
        FROM (UNPIVOT (SELECT rn, ${itemColumns} FROM raw_${index} WHERE rn > ${firstDataRow}) ON COLUMNS(* EXCLUDE (rn)) INTO NAME item VALUE text)`);
    }
    await insertRows(db, 'items', 'source DOUBLE, item DOUBLE, competency VARCHAR, dimension VARCHAR', items.map((row) => [row.source, row.item, row.competency, row.dimension]));
    const { min, max } = codebook.scale;
    const onScale = (x: string) => `CASE WHEN ${x} = floor(${x}) AND ${x} BETWEEN ${min} AND ${max} THEN ${x} END`;
    await db.run(`
      CREATE TABLE meta AS ${perSource.join(' UNION ALL ')};
      CREATE TABLE texts AS ${config.sources.map((_, index) => `SELECT * FROM texts_${index}`).join(' UNION ALL ')};
      -- Each distinct answer text recoded once.
      CREATE TABLE recoded AS
        WITH distinct_texts AS (SELECT DISTINCT text FROM texts), keyed AS (SELECT text, ${labelKey('text')} AS key FROM distinct_texts)
        SELECT k.text, CASE
            WHEN k.key = '' OR l.missing THEN NULL
            WHEN l.key IS NOT NULL THEN l.value
            WHEN TRY_CAST(k.key AS DOUBLE) IS NOT NULL THEN ${onScale('TRY_CAST(k.key AS DOUBLE)')}
            ELSE ${onScale(`TRY_CAST(regexp_extract(k.key, '^(-?\\d+)\\s*[-:.=)]\\s*\\S', 1) AS DOUBLE)`)}
          END AS value
        FROM keyed k LEFT JOIN labels l ON l.key = k.key;
      CREATE TABLE answer_values AS
        SELECT t.source, t.rn, t.item, r.value FROM texts t JOIN recoded r ON r.text = t.text WHERE r.value IS NOT NULL;
      -- Countries: each distinct text keyed and looked up once.
      CREATE TABLE countries AS
        WITH distinct_countries AS (SELECT DISTINCT country FROM meta), keyed AS (SELECT country, ${countryKeySql('country')} AS key FROM distinct_countries)
        SELECT k.country, k.key, coalesce(g.region, 'Unknown') AS region
        FROM keyed k LEFT JOIN country_keys c ON c.key = k.key LEFT JOIN regions g ON g.alpha2 = c.alpha2;
      CREATE TABLE kept AS
        WITH answered AS (
          SELECT source, rn, count(*) AS answered, list((item, value) ORDER BY item) AS answer_key FROM answer_values GROUP BY source, rn
        ), straight AS (
          SELECT DISTINCT source, rn FROM (
            SELECT a.source, a.rn, i.dimension, count(*) AS c, min(a.value) AS lo, max(a.value) AS hi
            FROM answer_values a JOIN items i ON i.source = a.source AND i.item = a.item GROUP BY a.source, a.rn, i.dimension
          ) WHERE c >= ${Number(rules.straightLineMinItems) > 0 ? Number(rules.straightLineMinItems) : 'NULL'} AND lo = hi
        ), rows AS (
          SELECT m.*, c.key AS country_key, c.region, coalesce(a.answered, 0) AS answered, a.answer_key, s.rn IS NOT NULL AS straight_liner
          FROM meta m JOIN countries c ON c.country = m.country LEFT JOIN answered a ON a.source = m.source AND a.rn = m.rn
          LEFT JOIN straight s ON s.source = m.source AND s.rn = m.rn
          WHERE NOT m.blank
        ), by_id AS (
          SELECT *, ${rules.dropDuplicates ? `rid <> '' AND row_number() OVER (PARTITION BY source, rid ORDER BY rn) > 1` : 'false'} AS duplicate_id FROM rows
        ), by_answers AS (
          SELECT *, ${rules.dropDuplicates ? `NOT duplicate_id AND answered > 0 AND row_number() OVER (PARTITION BY source, duplicate_id, answered > 0, country_key, org, answer_key ORDER BY rn) > 1` : 'false'} AS duplicate_answers FROM by_id
        ), speed AS (
          SELECT source, ${Number(rules.speederFraction) > 0 ? Number(rules.speederFraction) : 'NULL'} * median(duration) AS limit_s FROM rows WHERE isfinite(duration) GROUP BY source
        )
        SELECT b.source, b.rn, b.population, b.region, b.w FROM by_answers b LEFT JOIN speed s ON s.source = b.source
        WHERE NOT (duplicate_id OR duplicate_answers OR test OR finished = 0 OR coalesce(progress < ${Number(rules.minProgress)}, false)
          OR coalesce(duration < s.limit_s, false) OR straight_liner OR answered < ${Math.max(1, Number(rules.minAnsweredItems ?? 1))});
    `);
    const reader = await db.runAndReadAll(`
      WITH design AS (SELECT population, count(*) AS n FROM kept GROUP BY population),
      answers AS (
        SELECT k.population, k.region, i.competency, i.dimension, k.w, a.value
        FROM answer_values a JOIN kept k ON k.source = a.source AND k.rn = a.rn JOIN items i ON i.source = a.source AND i.item = a.item
      ), sums AS (
        SELECT population, CASE WHEN grouping(region) = 1 THEN 'Global' ELSE region END AS region, competency, dimension,
          count(*) AS n, sum(w) AS sw, sum(w * value) AS swy, sum(w * w) AS sw2, sum(w * w * value) AS sw2y, sum(w * w * value * value) AS sw2y2
        FROM answers GROUP BY GROUPING SETS ((population, region, competency, dimension), (population, competency, dimension))
      )
      SELECT s.population, s.region, s.competency, s.dimension, s.n, s.swy / s.sw AS mean,
        sqrt(greatest(d.n / (d.n - 1) * (s.sw2y2 - 2 * (s.swy / s.sw) * s.sw2y + (s.swy / s.sw) ** 2 * s.sw2) / (s.sw * s.sw), 0)) AS se
      FROM sums s JOIN design d USING (population)
      ORDER BY 1, 2, 3, 4`);
    const estimates = reader.getRowObjectsJS().map((row) => ({
      population: String(row.population), region: String(row.region), competency: String(row.competency), dimension: String(row.dimension),
      n: Number(row.n), mean: Number(row.mean), se: Number(row.se),
    }));
    const kept = Number((await db.runAndReadAll('SELECT count(*) FROM kept')).getRows()[0][0]);
    return { seconds: (performance.now() - started) / 1000, kept, estimates };
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

/** A small reference table from JavaScript rows (an appender: no SQL text per row); numbers go in as DOUBLE. */
async function insertRows(db: DuckDBConnection, table: string, schema: string, rows: (string | number | boolean | null)[][]): Promise<void> {
  await db.run(`CREATE TABLE ${table} (${schema})`);
  const appender = await db.createAppender(table);
  for (const row of rows) {
    for (const value of row) {
      if (value === null) appender.appendNull();
      else if (typeof value === 'string') appender.appendVarchar(value);
      else if (typeof value === 'boolean') appender.appendBoolean(value);
      else appender.appendDouble(value);
    }
    appender.endRow();
  }
  appender.closeSync();
}

export interface EstimateComparison {
  /** Published cells (mean not suppressed) of importance, preparedness and coverage compared. */
  compared: number;
  /** Published cells DuckDB has no row for. */
  missing: number;
  /** Cells whose n differs. */
  countsDiffer: number;
  maxMeanDifference: number;
  maxSeDifference: number;
}

/** DuckDB's estimates against skillgap's analysis/estimates.csv (its published cells). */
export function compareWithEstimates(estimates: readonly DuckDbEstimate[], estimatesCsv: string): EstimateComparison {
  const [header, ...lines] = estimatesCsv.trim().split('\n');
  const at = Object.fromEntries(header.split(',').map((name, index) => [name, index]));
  const byCell = new Map(estimates.map((e) => [`${e.population}|${e.region}|${e.competency}|${e.dimension}`, e]));
  const result: EstimateComparison = { compared: 0, missing: 0, countsDiffer: 0, maxMeanDifference: 0, maxSeDifference: 0 };
  for (const line of lines) {
    // Region, competency, population and measure never hold commas; the numeric columns follow them.
    const cells = line.split(',');
    if (!['importance', 'preparedness', 'coverage'].includes(cells[at.measure]) || cells[at.mean] === '') continue;
    if (at.country !== undefined && cells[at.country] !== '') continue; // country rows (country as a domain): not in the SQL
    const ours = byCell.get(`${cells[at.population]}|${cells[at.region]}|${cells[at.competency]}|${cells[at.measure]}`);
    if (!ours) {
      result.missing++;
      continue;
    }
    result.compared++;
    if (ours.n !== Number(cells[at.n])) result.countsDiffer++;
    result.maxMeanDifference = Math.max(result.maxMeanDifference, Math.abs(ours.mean - Number(cells[at.mean])));
    result.maxSeDifference = Math.max(result.maxSeDifference, Math.abs(ours.se - Number(cells[at.se])));
  }
  return result;
}
