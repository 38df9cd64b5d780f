import { describe, expect, it } from 'vitest';
import { normaliseWave } from '../../../stages/normalise/normalise-wave.ts';
import { DEFAULT_CONFIG } from '../../../contracts/config.ts';
import type { Codebook, RawTable, WaveConfig } from '../../../contracts/types.ts';
import { ValidationError } from '../../../contracts/errors.ts';
import { DIMENSIONS } from '../../../contracts/types.ts';
import { answerCount, forEachAnswer } from '../../../contracts/answer-table.ts';

const config: WaveConfig = {
  ...DEFAULT_CONFIG,
  wave: 'test',
  title: 'Test wave',
  reportDate: '2022-12-01',
  codebook: 'codebook.json',
  sources: [{ id: 'ind', file: 'ind.csv', population: 'industry' }],
  quality: { ...DEFAULT_CONFIG.quality, straightLineMinItems: 3 },
};

const codebook: Codebook = {
  wave: 'test',
  scale: { min: 1, max: 5, labels: { Low: 1, Mid: 3, High: 5 }, missing: { "Don't know": 'dont_know' } },
  sources: [{
    source: 'ind',
    columns: { respondentId: 'ResponseId', country: 'Q1', finished: 'Finished', durationSeconds: 'Duration', status: 'Status' },
    items: [
      { column: 'Q3_1', competency: 'c1', dimension: 'importance' },
      { column: 'Q3_2', competency: 'c2', dimension: 'importance' },
      { column: 'Q3_3', competency: 'c3', dimension: 'importance' },
      { column: 'Q4_1', competency: 'c1', dimension: 'preparedness' },
    ],
  }],
};

const header = ['ResponseId', 'Status', 'Finished', 'Duration', 'Q1', 'Q3_1', 'Q3_2', 'Q3_3', 'Q4_1'];
function table(rows: string[][]): RawTable {
  return {
    sourceId: 'ind', sourceFile: 'ind.csv', sha256: '', format: 'qualtrics', encoding: 'utf-8', delimiter: ',', headerRows: 3,
    columns: header.map((key) => ({ key, label: key })), rows, sourceRows: rows.map((_, i) => i + 4), droppedPersonalColumns: [], warnings: [],
  };
}

const rows = [
  ['R_1', 'IP Address', 'True', '300', 'Türkiye', 'High', 'Mid', 'Low', 'Low'],
  ['R_2', 'IP Address', 'True', '280', 'Ivory Coast', 'High', "Don't know", 'Mid', 'Mid'],
  ['R_1', 'IP Address', 'True', '300', 'Türkiye', 'High', 'Mid', 'Low', 'Low'], // duplicate id
  ['R_3', 'Survey Preview', 'True', '310', 'UK', 'High', 'Mid', 'Low', 'Mid'], // preview
  ['R_4', 'IP Address', 'False', '250', 'UK', 'Mid', '', '', ''], // not finished
  ['R_5', 'IP Address', 'True', '20', 'UK', 'High', 'Low', 'Mid', 'Low'], // speeder (< 1/3 of median 290)
  ['R_6', 'IP Address', 'True', '260', 'Viet Nam', 'Mid', 'Mid', 'Mid', 'High'], // straight-liner
  ['', '', '', '', '', '', '', '', ''], // blank row
  ['R_7', 'IP Address', 'True', '290', 'Atlantis', 'Low', 'Very high', 'High', 'High'], // unknown country, unknown label
];

describe('normaliseWave', () => {
  const wave = normaliseWave([table(rows)], config, codebook, { competencyOrder: ['c1', 'c2', 'c3'] });

  it('accounts for every input row with a reason', () => {
    expect(wave.audit).toHaveLength(rows.length);
    expect(wave.audit.map((a) => a.reasons.join('+') || a.status)).toEqual([
      'kept', 'kept', 'duplicate_response_id', 'test_response', 'incomplete', 'speeder', 'straight_liner', 'blank_row', 'kept',
    ]);
    expect(wave.audit.map((a) => a.sourceRow)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('reports unknown labels in the order a row-by-row pass meets them, with every row', () => {
    const labelRows = [
      ['L_1', 'IP Address', 'True', '300', 'UK', 'High', 'Mid', 'Odd', 'Low'],
      ['L_2', 'IP Address', 'True', '300', 'UK', 'Weird', 'Mid', 'Low', 'Odd'],
      ['L_3', 'IP Address', 'True', '300', 'UK', 'High', 'Weird', 'Odd', 'Low'],
    ];
    const labels = normaliseWave([table(labelRows)], config, codebook, { competencyOrder: ['c1', 'c2', 'c3'] })
      .warnings.filter((w) => w.code === 'unknown_label')
      .map((w) => [w.column, w.row, w.message.includes('4, 6') || w.message.includes('4 and 6')]);
    expect(labels).toEqual([['Q3_3', 4, true], ['Q3_1', 5, false], ['Q4_1', 5, false], ['Q3_2', 6, false]]);
  });

  it('maps countries to ISO codes and regions, keeping unknown countries as Unknown', () => {
    expect(wave.respondents.map((r) => [r.respondentId, r.country, r.region])).toEqual([
      ['ind:R_1', 'TR', 'Asia'],
      ['ind:R_2', 'CI', 'Africa'],
      ['ind:R_7', '', 'Unknown'],
    ]);
    expect(wave.warnings.map((w) => w.code).sort()).toEqual(['unknown_country', 'unknown_label']);
    expect(wave.warnings.find((w) => w.code === 'unknown_label')).toMatchObject({ row: 12, column: 'Q3_2' });
  });

  it('writes long answers with missing values and their reasons, never zeros', () => {
    expect(answerCount(wave.answers)).toBe(3 * 4);
    const long: [number, string, string, number, string | null][] = [];
    forEachAnswer(wave.answers, (a) => long.push([a.respondent, wave.answers.competencies[a.competency], DIMENSIONS[a.dimension], a.value, a.missingReason]));
    // the second respondent's answers, in the long order (competency, then dimension)
    expect(long.filter(([respondent]) => respondent === 1).map(([, ...rest]) => rest)).toEqual([
      ['c1', 'importance', 5, null], ['c1', 'preparedness', 3, null], ['c2', 'importance', NaN, 'dont_know'], ['c3', 'importance', 3, null],
    ]);
  });

  it('rejects a codebook with two columns for one competency and dimension, naming both', () => {
    const twice: Codebook = { ...codebook, sources: codebook.sources.map((source) => ({ ...source, items: source.items.map((item) => (item.column === 'Q3_2' ? { ...item, competency: 'c1' } : item)) })) };
    expect(() => normaliseWave([table(rows)], config, twice, { competencyOrder: ['c1', 'c2', 'c3'] })).toThrow(/ind\.csv, column "Q3_2".*"Q3_1" and "Q3_2" both rate competency "c1", importance/);
  });

  it('rejects an export of another survey, naming the file and the column', () => {
    const other = { ...table(rows), columns: header.map((key) => ({ key: key.replace('Q3', 'X'), label: '' })) };
    expect(() => normaliseWave([other], config, codebook, { competencyOrder: ['c1', 'c2', 'c3'] })).toThrow(ValidationError);
    expect(() => normaliseWave([other], config, codebook, { competencyOrder: ['c1', 'c2', 'c3'] })).toThrow(/ind\.csv, column "Q3_1".*different survey/);
  });
});

describe('normaliseWave attention checks', () => {
  const withCheck: Codebook = {
    ...codebook,
    sources: [{ ...codebook.sources[0], attentionChecks: [{ column: 'Q9', pass: ['Strongly agree'] }] }],
  };
  const checkHeader = [...header, 'Q9'];
  const checked = (cells: string[][]): RawTable => ({ ...table(cells), columns: checkHeader.map((key) => ({ key, label: key })) });
  const answers = [
    ['R_1', 'IP Address', 'True', '300', 'Türkiye', 'High', 'Mid', 'Low', 'Low', 'strongly  AGREE'],
    ['R_2', 'IP Address', 'True', '280', 'Ivory Coast', 'High', 'Low', 'Mid', 'Mid', 'Agree'],
    ['R_3', 'IP Address', 'True', '290', 'UK', 'Low', 'High', 'Mid', 'High', ''],
  ];

  it('excludes respondents who fail or skip the check, matching labels in normalised form', () => {
    const wave = normaliseWave([checked(answers)], config, withCheck, { competencyOrder: ['c1', 'c2', 'c3'] });
    expect(wave.audit.map((a) => a.reasons.join('+') || a.status)).toEqual(['kept', 'failed_attention_check', 'failed_attention_check']);
  });

  it('keeps them when the rule is switched off', () => {
    const off = { ...config, quality: { ...config.quality, attentionChecks: false } };
    const wave = normaliseWave([checked(answers)], off, withCheck, { competencyOrder: ['c1', 'c2', 'c3'] });
    expect(wave.audit.every((a) => a.status === 'kept')).toBe(true);
  });

  it('names the file and column when the attention-check column is missing', () => {
    expect(() => normaliseWave([table(rows)], config, withCheck, { competencyOrder: ['c1', 'c2', 'c3'] })).toThrow(/ind\.csv, column "Q9"/);
  });
});

describe('normaliseWave country column (issue 12: Namibia, missing markers, wave aliases)', () => {
  const countryRows = (countries: string[]) => countries.map((country, i) => [`N_${i}`, 'IP Address', 'True', '300', country, 'High', 'Mid', 'Low', `${['Low', 'Mid', 'High'][i % 3]}`]);
  const countries = ['NA', 'N/A', '', 'Zuid-Afrika', 'Namibia'];

  it('reads NA as Namibia; only an empty cell is missing; "N/A" is an unknown country with a warning', () => {
    const wave = normaliseWave([table(countryRows(countries))], config, codebook, { competencyOrder: ['c1', 'c2', 'c3'] });
    expect(wave.respondents.map((r) => r.country)).toEqual(['NA', '', '', 'ZA', 'NA']);
    expect(wave.respondents[0].region).toBe('Africa');
    // An empty cell is missing, not an unknown country: no warning.
    expect(wave.warnings.filter((w) => w.code === 'unknown_country').map((w) => w.message.slice(0, 22))).toEqual(['unknown country "N/A" ']);
  });

  it('takes the source\'s missingMarkers and the wave\'s countryAliases', () => {
    const withOptions: WaveConfig = {
      ...config,
      countryAliases: { 'Rep. Somewhere': 'KE' },
      sources: [{ ...config.sources[0], missingMarkers: ['N/A'] }],
    };
    const wave = normaliseWave([table(countryRows([...countries, 'rep somewhere']))], withOptions, codebook, { competencyOrder: ['c1', 'c2', 'c3'] });
    expect(wave.respondents.map((r) => r.country)).toEqual(['NA', '', '', 'ZA', 'NA', 'KE']);
    expect(wave.warnings.filter((w) => w.code === 'unknown_country')).toEqual([]);
  });
});
