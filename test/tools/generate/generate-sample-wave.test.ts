import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Codebook, WaveConfig } from '../../../contracts/types.ts';
import { generateSampleWave, regionQuotas, type SampleWave } from '../../../tools/generate/generate-sample-wave.ts';
import { readCompetencyFramework, REPO_ROOT, SAMPLE_WAVES } from '../../../tools/generate/write-sample-waves.ts';
import type { PlantedTruth } from '../../../tools/generate/planted-truth.ts';
import { asText, BOM, labelKey, parseCsv } from './sample-files.ts';

const framework = readCompetencyFramework();
const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');
const competencyCount = framework.competencies.length;

const waves = new Map<string, SampleWave>();
beforeAll(() => {
  for (const options of SAMPLE_WAVES) waves.set(options.wave, generateSampleWave({ ...options, framework }));
});
const wave = (id: string) => waves.get(id)!;

describe('determinism', () => {
  it('gives byte-identical files for the same seed and different ones for another seed', () => {
    const options = { ...SAMPLE_WAVES[0], framework, industryRespondents: 120, educationRespondents: 110 };
    const first = generateSampleWave(options);
    const second = generateSampleWave(options);
    const other = generateSampleWave({ ...options, seed: options.seed + 1 });
    for (const name of Object.keys(first.files)) {
      expect(sha256(second.files[name]), name).toBe(sha256(first.files[name]));
    }
    expect(sha256(other.files['industry-qualtrics.csv'])).not.toBe(sha256(first.files['industry-qualtrics.csv']));
    expect(sha256(other.files['education-limesurvey.csv'])).not.toBe(sha256(first.files['education-limesurvey.csv']));
  });

  it('reproduces the committed data/raw files byte for byte', () => {
    for (const options of SAMPLE_WAVES) {
      for (const [name, content] of Object.entries(wave(options.wave).files)) {
        const committed = readFileSync(join(REPO_ROOT, 'data/raw', options.wave, name));
        expect(sha256(committed), `data/raw/${options.wave}/${name} is stale: run node bin/run-ts.js tools/generate/write-sample-waves.ts`).toBe(sha256(content));
      }
    }
  });
});

describe.each(SAMPLE_WAVES.map((options) => options.wave))('sample wave %s', (waveId) => {
  let qualtricsText: string;
  let qualtricsRows: string[][];
  let limeRows: string[][];
  let codebook: Codebook;
  let config: WaveConfig;
  let truth: PlantedTruth;
  beforeAll(() => {
    const files = wave(waveId).files;
    qualtricsText = asText(files['industry-qualtrics.csv']);
    qualtricsRows = parseCsv(qualtricsText);
    limeRows = parseCsv(asText(files['education-limesurvey.csv']));
    codebook = JSON.parse(asText(files['codebook.json']));
    config = JSON.parse(asText(files['wave.json']));
    truth = JSON.parse(asText(files['truth.json']));
  });

  it('keeps every file well under 1 MB', () => {
    for (const [name, content] of Object.entries(wave(waveId).files)) expect(Buffer.byteLength(content), name).toBeLessThan(700_000);
  });

  it('writes the Qualtrics export with BOM, CRLF and three header rows', () => {
    const bytes = wave(waveId).files['industry-qualtrics.csv'] as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(qualtricsText.startsWith(`${BOM}StartDate,EndDate,Status,IPAddress,Progress,Duration (in seconds),Finished,RecordedDate,ResponseId,`)).toBe(true);
    // Every record ends in CRLF; a bare LF only occurs inside quoted open answers.
    expect(qualtricsText.endsWith('\r\n')).toBe(true);
    expect(qualtricsText.split('\r\n').length - 1).toBe(qualtricsRows.length);
    const [tags, texts, importIds] = qualtricsRows;
    expect(tags.slice(17, 19)).toEqual(['Q1', 'Q2']);
    expect(tags.slice(19, 19 + competencyCount)).toEqual(framework.competencies.map((_, k) => `Q3_${k + 1}`));
    expect(tags.slice(19 + competencyCount, 19 + 2 * competencyCount)).toEqual(framework.competencies.map((_, k) => `Q4_${k + 1}`));
    expect(tags.at(-1)).toBe('Q5');
    expect(texts.slice(0, 4)).toEqual(['Start Date', 'End Date', 'Response Type', 'IP Address']);
    expect(texts[19]).toMatch(/^How important is each skill for an entry-level graduate hire\? - .+/);
    const parsedIds = importIds.map((cell) => JSON.parse(cell) as { ImportId: string; timeZone?: string });
    expect(parsedIds[0]).toEqual({ ImportId: 'startDate', timeZone: 'Europe/Amsterdam' });
    expect(parsedIds[tags.indexOf('ResponseId')]).toEqual({ ImportId: '_recordId' });
    expect(parsedIds[tags.indexOf('Q3_1')]).toEqual({ ImportId: 'QID3_1' });
    expect(qualtricsText).toContain('"{""ImportId"":""startDate"",""timeZone"":""Europe/Amsterdam""}"');
    for (const row of qualtricsRows) expect(row.length).toBe(tags.length);
  });

  it('writes the LimeSurvey export with question-code headers', () => {
    const header = limeRows[0];
    expect(header.slice(0, 11)).toEqual(['id', 'submitdate', 'lastpage', 'startlanguage', 'seed', 'startdate', 'datestamp', 'ipaddr', 'refurl', 'country', 'orgtype']);
    expect(header[11]).toBe('Q3[SQ001]');
    expect(header[11 + competencyCount]).toBe('Q4[SQ001]');
    expect(header.filter((column) => /^Q[34]\[SQ\d{3}\]$/.test(column))).toHaveLength(2 * competencyCount);
    expect(header.slice(-2)).toEqual(['comments', 'interviewtime']);
    const languages = new Set(limeRows.slice(1).map((row) => row[3]).filter(Boolean));
    expect(languages).toEqual(new Set(['en', 'fr', 'es', 'pt']));
    for (const row of limeRows) expect(row.length).toBe(header.length);
  });

  it('has the counts truth.json claims, row by row', () => {
    const industry = truth.dirt['industry-qualtrics'];
    const education = truth.dirt['education-limesurvey'];
    expect(qualtricsRows.length - 3).toBe(industry.dataRows);
    expect(limeRows.length - 1).toBe(education.dataRows);
    const listed = (dirt: typeof industry) =>
      [dirt.duplicateResponseId, dirt.duplicateAnswers, dirt.straightLiners, dirt.blankRows, dirt.testRows, dirt.incomplete, dirt.speeders].flat();
    expect(industry.cleanRows + listed(industry).length).toBe(industry.dataRows);
    expect(education.cleanRows + listed(education).length).toBe(education.dataRows);
    expect(industry.cleanRows).toBe(truth.respondents.industry.Global);
    expect(education.cleanRows).toBe(truth.respondents.education.Global);
    for (const population of [truth.respondents.industry, truth.respondents.education]) {
      const { Global, ...regions } = population;
      expect(Object.values(regions).reduce((s, n) => s + n, 0)).toBe(Global);
      expect(Global).toBeGreaterThanOrEqual(350);
    }
    expect(industry.dataRows).toBeLessThanOrEqual(450);
    expect(education.dataRows).toBeLessThanOrEqual(450);

    const q = (record: number) => qualtricsRows[record - 1]; // record numbers count header rows, 1-based
    const tags = qualtricsRows[0];
    const column = (name: string) => tags.indexOf(name);
    for (const record of industry.blankRows) expect(q(record).every((cell) => cell === '')).toBe(true);
    expect(industry.testRows).toHaveLength(2);
    for (const record of industry.testRows) expect(q(record)[column('Status')]).toBe('Survey Preview');
    expect(qualtricsRows.slice(3).filter((row) => row[column('Status')] === 'Survey Preview')).toHaveLength(2);
    for (const record of industry.incomplete) {
      expect(q(record)[column('Finished')]).toBe('False');
      expect(Number(q(record)[column('Progress')])).toBeLessThan(100);
    }
    const idsBefore = (record: number) => new Set(qualtricsRows.slice(3, record - 1).map((row) => row[column('ResponseId')]));
    for (const record of industry.duplicateResponseId) {
      const earlier = qualtricsRows.slice(3, record - 1).find((row) => row[column('ResponseId')] === q(record)[column('ResponseId')]);
      expect(earlier?.join(',')).toBe(q(record).join(','));
    }
    for (const record of industry.duplicateAnswers) {
      expect(idsBefore(record).has(q(record)[column('ResponseId')])).toBe(false);
      const answers = (row: string[]) => row.slice(column('Q1'), column('Q5')).join('|');
      expect(qualtricsRows.slice(3, record - 1).some((row) => answers(row) === answers(q(record)))).toBe(true);
    }
    const gridOf = (row: string[], question: 3 | 4) => row.filter((_, index) => tags[index].startsWith(`Q${question}_`));
    expect(industry.straightLiners.length).toBeGreaterThanOrEqual(3);
    for (const record of industry.straightLiners) expect(new Set(gridOf(q(record), 3)).size).toBe(1);
    const durations = qualtricsRows.slice(3).map((row) => Number(row[column('Duration (in seconds)')])).filter((d) => d > 0).sort((a, b) => a - b);
    const median = durations[Math.floor(durations.length / 2)];
    expect(industry.speeders.length).toBeGreaterThanOrEqual(3);
    for (const record of industry.speeders) expect(Number(q(record)[column('Duration (in seconds)')])).toBeLessThan(median / 3);
    // No clean row is caught by a rule by accident.
    const dirtRows = new Set(listed(industry));
    for (let record = 4; record <= qualtricsRows.length; record++) {
      if (dirtRows.has(record)) continue;
      expect(Number(q(record)[column('Duration (in seconds)')])).toBeGreaterThan(median * 0.33);
      expect(new Set(gridOf(q(record), 3).filter((cell) => cell !== '' && cell !== "Don't know")).size).toBeGreaterThan(1);
    }

    const l = (record: number) => limeRows[record - 1];
    for (const record of education.incomplete) {
      expect(l(record)[1]).toBe('');
      expect(Number(l(record)[2])).toBeLessThan(4);
    }
    for (const record of education.blankRows) expect(l(record).every((cell) => cell === '')).toBe(true);
    for (const record of education.duplicateResponseId) expect(limeRows.slice(1, record - 1).some((row) => row.join(',') === l(record).join(','))).toBe(true);
    const oceaniaEducation = truth.respondents.education.Oceania;
    expect(oceaniaEducation).toBeGreaterThan(0);
    expect(oceaniaEducation).toBeLessThan(config.suppression.minN);
  });

  it('names only columns that exist in the exports, and every label used is in the codebook', () => {
    const scaleKeys = new Set(Object.keys(codebook.scale.labels).map(labelKey));
    const missingKeys = new Set(Object.keys(codebook.scale.missing).map(labelKey));
    const headers: Record<string, { header: string[]; rows: string[][] }> = {
      'industry-qualtrics': { header: qualtricsRows[0], rows: qualtricsRows.slice(3) },
      'education-limesurvey': { header: limeRows[0], rows: limeRows.slice(1) },
    };
    expect(config.sources.map((source) => source.id).sort()).toEqual(Object.keys(headers).sort());
    for (const source of codebook.sources) {
      const { header, rows } = headers[source.source];
      for (const column of Object.values(source.columns)) expect(header, `${source.source}: ${column}`).toContain(column);
      expect(source.items).toHaveLength(2 * competencyCount);
      const used = new Set<string>();
      for (const item of source.items) {
        expect(header, `${source.source}: ${item.column}`).toContain(item.column);
        expect(framework.competencies.map((c) => c.id)).toContain(item.competency);
        const index = header.indexOf(item.column);
        for (const row of rows) if (row[index] !== '') used.add(row[index]);
      }
      const unknown = [...used].filter((label) => !scaleKeys.has(labelKey(label)) && !missingKeys.has(labelKey(label)));
      expect(unknown, source.source).toEqual([]);
      expect(used.size).toBeGreaterThanOrEqual(source.source === 'industry-qualtrics' ? 11 : 30);
    }
    expect(new Set(codebook.sources.find((s) => s.source === 'industry-qualtrics')!.items.map((i) => i.dimension))).toEqual(new Set(['importance', 'preparedness']));
    expect(new Set(codebook.sources.find((s) => s.source === 'education-limesurvey')!.items.map((i) => i.dimension))).toEqual(new Set(['importance', 'coverage']));
    // No label may mean two values once accents and case are folded.
    const byKey = new Map<string, number>();
    for (const [label, value] of Object.entries(codebook.scale.labels)) {
      expect(byKey.get(labelKey(label)) ?? value, label).toBe(value);
      byKey.set(labelKey(label), value);
    }
    for (const label of ["Don't know", 'N/A', 'Ne sais pas', 'No sé', 'Não sei', 'Prefer not to say', '-99']) expect(codebook.scale.missing[label]).toBeDefined();
  });

  it('plants every personal-data value in the exports (so a leak test has something to find)', () => {
    const all = qualtricsText + asText(wave(waveId).files['education-limesurvey.csv']);
    const { personalData } = truth;
    expect(personalData.emails.length).toBeGreaterThan(20);
    expect(personalData.phoneNumbers.length).toBeGreaterThan(2);
    expect(personalData.ipAddresses.some((ip) => ip.startsWith('2001:db8:'))).toBe(true);
    for (const values of Object.values(personalData) as string[][]) {
      const absent = values.filter((value) => !all.includes(value));
      expect(absent).toEqual([]);
    }
    const openAnswers = qualtricsRows.slice(3).map((row) => row.at(-1)!).join('\n');
    expect(personalData.emails.some((email) => openAnswers.includes(email) && /@example\.(com|net)$/.test(email))).toBe(true);
    expect(personalData.phoneNumbers.some((phone) => openAnswers.includes(phone))).toBe(true);
    expect(personalData.ipAddresses.every((ip) => /^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$|^2001:db8:/.test(ip))).toBe(true);
  });

  it('covers about 66 countries in every M49 region, with spelling variants and unknown entries', () => {
    const countries = new Set(truth.countrySpellings.filter((s) => s.alpha2).map((s) => s.alpha2));
    expect(countries.size).toBe(66);
    expect(new Set(truth.countrySpellings.map((s) => s.region))).toEqual(new Set(['Africa', 'Americas', 'Asia', 'Europe', 'Oceania', 'Unknown']));
    const texts = new Set(truth.countrySpellings.map((s) => s.text));
    for (const variant of ['UK', 'United Kingdom', 'USA', 'Viet Nam', 'Deutschland']) expect(texts, variant).toContain(variant);
    expect(truth.countrySpellings.some((s) => s.alpha2 === null)).toBe(true);
    const country = qualtricsRows[0].indexOf('Q1');
    const inFile = new Set([...qualtricsRows.slice(3).map((row) => row[country]), ...limeRows.slice(1).map((row) => row[9])].filter(Boolean));
    expect(inFile).toEqual(texts);
  });

  it('plants gaps that differ by competency and region, with a clear top five', () => {
    const gaps = truth.competencies.map((c) => c.gapPreparedness.Global);
    expect(Math.max(...gaps)).toBeGreaterThan(1.4);
    expect(Math.min(...gaps.map(Math.abs))).toBeLessThan(0.25);
    const mwds = truth.competencies.map((c) => c.mwdsPreparedness.Global).sort((a, b) => b - a);
    expect(mwds[4] - mwds[5]).toBeGreaterThan(1); // the fifth stands clear of the sixth
    const africaMinusEurope = truth.competencies.map((c) => c.gapPreparedness.Africa - c.gapPreparedness.Europe);
    expect(Math.min(...africaMinusEurope)).toBeGreaterThan(0.3);
    expect(truth.topMwds.Global).toHaveLength(5);
    expect(truth.topMwds.Americas).not.toEqual(truth.topMwds.Global);
  });

  it('lets a plain analysis of the clean rows recover the planted gaps within ±0.25', () => {
    const labels = new Map(Object.entries(codebook.scale.labels).map(([label, value]) => [labelKey(label), value]));
    const regionOf = new Map(truth.countrySpellings.map((s) => [s.text, s.region]));
    const check = (rows: string[][], header: string[], headerRows: number, dirt: PlantedTruth['dirt'][string], countryColumn: string, secondQuestion: 'Q4', gapOf: (c: PlantedTruth['competencies'][number]) => Record<string, number>, style: 'qualtrics' | 'limesurvey') => {
      const excluded = new Set([dirt.duplicateResponseId, dirt.duplicateAnswers, dirt.straightLiners, dirt.blankRows, dirt.testRows, dirt.incomplete, dirt.speeders].flat());
      const clean = rows.filter((_, index) => !excluded.has(headerRows + index + 1));
      expect(clean).toHaveLength(dirt.cleanRows);
      let worst = 0;
      truth.competencies.forEach((competency, k) => {
        const first = header.indexOf(style === 'qualtrics' ? `Q3_${k + 1}` : `Q3[SQ${String(k + 1).padStart(3, '0')}]`);
        const second = header.indexOf(style === 'qualtrics' ? `${secondQuestion}_${k + 1}` : `Q4[SQ${String(k + 1).padStart(3, '0')}]`);
        for (const region of ['Global', 'Africa', 'Americas', 'Asia', 'Europe']) {
          const differences = clean
            .filter((row) => region === 'Global' || regionOf.get(row[header.indexOf(countryColumn)]) === region)
            .map((row) => (labels.get(labelKey(row[first])) ?? NaN) - (labels.get(labelKey(row[second])) ?? NaN))
            .filter(Number.isFinite);
          const mean = differences.reduce((s, d) => s + d, 0) / differences.length;
          const sd = Math.sqrt(differences.reduce((s, d) => s + (d - mean) ** 2, 0) / (differences.length - 1));
          const error = Math.abs(mean - gapOf(competency)[region]);
          if (region === 'Global') worst = Math.max(worst, error);
          // Global: the ±0.25 the sample waves promise. Regions (n ≈ 70–135): within 4 standard errors.
          expect(error, `${competency.id} ${region}`).toBeLessThan(region === 'Global' ? 0.25 : Math.max(0.25, (4 * sd) / Math.sqrt(differences.length)));
        }
      });
      return worst;
    };
    const industryWorst = check(qualtricsRows.slice(3), qualtricsRows[0], 3, truth.dirt['industry-qualtrics'], 'Q1', 'Q4', (c) => c.gapPreparedness, 'qualtrics');
    const educationWorst = check(limeRows.slice(1), limeRows[0], 1, truth.dirt['education-limesurvey'], 'country', 'Q4', (c) => c.gapEducation, 'limesurvey');
    console.log(`wave ${waveId}: largest |paired gap − planted| over competencies (Global): industry ${industryWorst.toFixed(3)}, education ${educationWorst.toFixed(3)}`);
  });
});

describe('wave differences', () => {
  it('changes some planted gaps between 2022 and 2023 and links the waves', () => {
    const before = new Map(wave('2022').truth.competencies.map((c) => [c.id, c.gapPreparedness.Global]));
    const changes = wave('2023').truth.competencies.map((c) => Math.abs(c.gapPreparedness.Global - before.get(c.id)!));
    expect(changes.filter((change) => change > 0.25).length).toBeGreaterThanOrEqual(3);
    expect(changes.filter((change) => change < 0.02).length).toBeGreaterThanOrEqual(15);
    const config2023 = JSON.parse(asText(wave('2023').files['wave.json'])) as WaveConfig;
    expect(config2023.previousWave).toBe('2022');
    expect(config2023.analysis.seed).toBe(2023);
    expect(config2023.reportDate).toBe('2023-12-01');
  });

  it('words the 2023 matrix rows with the competency labels (at least 90% matchable)', () => {
    const rows = parseCsv(asText(wave('2023').files['industry-qualtrics.csv']));
    const texts = rows[1].filter((_, index) => /^Q[34]_\d+$/.test(rows[0][index]));
    const matchable = texts.filter((text) => framework.competencies.some((c) => labelKey(text).endsWith(` - ${labelKey(c.label)}`)));
    expect(matchable.length / texts.length).toBeGreaterThanOrEqual(0.9);
    const rows2022 = parseCsv(asText(wave('2022').files['industry-qualtrics.csv']));
    const texts2022 = rows2022[1].filter((_, index) => /^Q[34]_\d+$/.test(rows2022[0][index]));
    expect(texts2022.filter((text) => framework.competencies.some((c) => labelKey(text).endsWith(` - ${labelKey(c.label)}`))).length).toBeLessThan(texts2022.length / 2);
  });
});

describe('competency framework', () => {
  it('has 24–28 kebab-case competencies of both kinds with crosswalk ids as the sources spell them', () => {
    expect(framework.competencies.length).toBeGreaterThanOrEqual(24);
    expect(framework.competencies.length).toBeLessThanOrEqual(28);
    expect(new Set(framework.competencies.map((c) => c.id)).size).toBe(framework.competencies.length);
    const cybok = new Set(['RMG', 'LR', 'HF', 'POR', 'MAT', 'AB', 'SOIM', 'F', 'C', 'OSV', 'DSS', 'FMS', 'AAA', 'SS', 'WAM', 'SSL', 'AC', 'NS', 'HS', 'CPS', 'PLT']);
    const csec = new Set(['Data Security', 'Software Security', 'Component Security', 'Connection Security', 'System Security', 'Human Security', 'Organizational Security', 'Societal Security']);
    for (const competency of framework.competencies) {
      expect(competency.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['technical', 'transversal']).toContain(competency.kind);
      for (const id of competency.crosswalk.nice) expect(id).toMatch(/^(OG|DD|IO|PD|IN|CI|CE)-WRL-\d{3}$|^NF-COM-0(0[1-9]|1[01])$/);
      for (const ka of competency.crosswalk.cybok) expect(cybok).toContain(ka);
      for (const ka of competency.crosswalk.csec2017) expect(csec).toContain(ka);
    }
    expect(framework.competencies.filter((c) => c.kind === 'transversal').length).toBeGreaterThanOrEqual(10);
    expect(framework.provenance).toMatch(/working taxonomy/);
    expect(framework.provenance).toMatch(/replace/i);
  });
});

describe('regionQuotas', () => {
  it('gives fixed counts first and splits the rest by largest remainder', () => {
    expect(regionQuotas(100, { Africa: 1, Europe: 1, Asia: 1 }, { Oceania: 3, Unknown: 1 })).toEqual({ Africa: 32, Asia: 32, Europe: 32, Oceania: 3, Unknown: 1 });
    const quotas = regionQuotas(391, { Africa: 0.2, Americas: 0.23, Asia: 0.22, Europe: 0.35 }, { Oceania: 3 });
    expect(Object.values(quotas).reduce((s, n) => s + n, 0)).toBe(391);
  });
});
