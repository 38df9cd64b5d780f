import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Respondent } from '../../contracts/types.ts';
import { csvRoundTrip, readRespondentsBinary, writeRespondentsBinary } from '../../io/respondents-binary.ts';
import { respondentsFromCsv, respondentsToCsv } from '../../io/table-files.ts';

const respondent = (overrides: Partial<Respondent>): Respondent => ({
  respondentId: 'industry:R_1', population: 'industry', country: 'DE', region: 'Europe', organisationType: 'SME',
  weight: 1, wave: '2022', sourceFile: 'data/raw/2022/industry.csv', sourceRow: 4, ...overrides,
});

describe('respondents binary cache', () => {
  it('reads back exactly what respondents.csv reads back, including the CSV edge cases', () => {
    const respondents = [
      respondent({}),
      respondent({ respondentId: 'education:=cmd', population: 'education', country: '', region: 'Unknown', organisationType: "'=already quoted", weight: 0.1 + 0.2, sourceRow: 17 }),
      respondent({ respondentId: 'industry:row9', organisationType: 'Großunternehmen, "quoted"\nline', weight: Infinity, sourceRow: 9 }),
      respondent({ respondentId: 'industry:-5', organisationType: '-5', weight: 2.5e-7, sourceRow: 12 }),
    ];
    const dir = mkdtempSync(join(tmpdir(), 'skillgap-respondents-'));
    const file = join(dir, 'respondents.bin');
    writeRespondentsBinary(file, respondents);
    const fromBinary = readRespondentsBinary(file);
    expect(fromBinary).toEqual(respondentsFromCsv(respondentsToCsv(respondents)));
    expect(fromBinary[1].organisationType).toBe('=already quoted');
    expect(fromBinary[1].weight).toBe(0.1 + 0.2);
    expect(fromBinary[2].weight).toBeNaN();
    expect(fromBinary[2].organisationType).toBe('Großunternehmen, "quoted"\nline');
    rmSync(dir, { recursive: true, force: true });
  });
  it('round-trips texts as the CSV does', () => {
    expect(csvRoundTrip('=SUM(A1)')).toBe('=SUM(A1)');
    expect(csvRoundTrip("'@x")).toBe('@x');
    expect(csvRoundTrip("'plain")).toBe("'plain");
    expect(csvRoundTrip('-99')).toBe('-99');
  });
});
