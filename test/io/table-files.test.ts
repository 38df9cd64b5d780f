import { describe, expect, it } from 'vitest';
import type { AuditRow, Respondent } from '../../contracts/types.ts';
import { AUDIT_COLUMNS, RESPONDENT_COLUMNS, analysisFromJson, analysisToJson, stringSink, writeAuditCsv, writeRespondentsCsv } from '../../io/table-files.ts';
import type { AnalysisResult } from '../../contracts/types.ts';
import { formatCsv } from '../../io/csv-write.ts';

const respondents: Respondent[] = [
  { respondentId: 'industry:R_1', population: 'industry', country: 'CI', region: 'Africa', organisationType: '=HYPERLINK("x")', weight: 1, wave: '2022', sourceFile: 'data/raw/a,b.csv', sourceRow: 4 },
  { respondentId: 'education:"7"', population: 'education', country: '', region: 'Unknown', organisationType: 'University, public', weight: 0.75, wave: '2022', sourceFile: 'data/raw/a,b.csv', sourceRow: 5 },
  { respondentId: 'education:-3', population: 'education', country: 'TR', region: 'Asia', organisationType: '-5', weight: NaN, wave: '2022', sourceFile: 'edu.csv', sourceRow: 1e21 },
];
const audit: AuditRow[] = [
  { sourceFile: 'ind.csv', sourceRow: 4, responseId: '@R_1', status: 'kept', reasons: [] },
  { sourceFile: 'ind.csv', sourceRow: 5, responseId: 'R,2', status: 'excluded', reasons: ['duplicate_response_id', 'speeder'] },
];

describe('the streaming CSV writers', () => {
  it('write respondents.csv exactly as formatting every cell would (formula escaping, quoting, numbers)', () => {
    const chunks: string[] = [];
    writeRespondentsCsv(stringSink(chunks), [...respondents, ...respondents]);
    const rows = [...respondents, ...respondents].map((r) => [r.respondentId, r.population, r.country, r.region, r.organisationType, r.weight, r.wave, r.sourceFile, r.sourceRow]);
    expect(chunks.join('')).toBe(formatCsv(RESPONDENT_COLUMNS, rows));
    expect(chunks.join('')).toContain(`industry:R_1,industry,CI,Africa,"'=HYPERLINK(""x"")",1,2022,"data/raw/a,b.csv",4\n`);
  });

  it('write quality/audit.csv exactly as formatting every cell would', () => {
    const chunks: string[] = [];
    writeAuditCsv(stringSink(chunks), audit);
    expect(chunks.join('')).toBe(formatCsv(AUDIT_COLUMNS, audit.map((a) => [a.sourceFile, a.sourceRow, a.responseId, a.status, a.reasons.join(';')])));
    expect(chunks.join('')).toContain(`ind.csv,5,"R,2",excluded,duplicate_response_id;speeder\n`);
  });
});

describe('analysis.json (analysisToJson / analysisFromJson)', () => {
  it('round-trips nested rows with every non-finite number read back as NaN, and writes no indentation', () => {
    const result = {
      wave: '2022',
      estimates: [{ region: 'Africa', mean: 3.25, se: NaN, ciLow: -Infinity, n: 0, flag: '' }],
      countries: { estimates: { ZA: [{ mean: NaN, nested: [1, NaN, { deep: Infinity }] }] } },
    } as unknown as AnalysisResult;
    const text = analysisToJson(result);
    expect(text).not.toMatch(/\n/);
    expect(text).toContain('"se":null');
    const back = analysisFromJson(text) as unknown as typeof result & { countries: { estimates: { ZA: Array<{ mean: number; nested: [number, number, { deep: number }] }> } } };
    expect(back.estimates[0]).toEqual({ region: 'Africa', mean: 3.25, se: NaN, ciLow: NaN, n: 0, flag: '' });
    const za = back.countries.estimates.ZA[0];
    expect(za.mean).toBeNaN();
    expect(za.nested[0]).toBe(1);
    expect(za.nested[1]).toBeNaN();
    expect(za.nested[2].deep).toBeNaN();
  });
});
