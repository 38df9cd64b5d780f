import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataType, tableFromIPC } from 'apache-arrow';
import type { Respondent } from '../../contracts/types.ts';
import { readRespondentsArrow, writeRespondentsArrow } from '../../io/respondents-arrow.ts';
import { RESPONDENT_COLUMNS } from '../../io/table-files.ts';

const respondent = (overrides: Partial<Respondent>): Respondent => ({
  respondentId: 'industry:R_1', population: 'industry', country: 'DE', region: 'Europe', organisationType: 'SME',
  weight: 1, wave: '2022', sourceFile: 'data/raw/2022/industry.csv', sourceRow: 4, ...overrides,
});

describe('respondents Arrow file', () => {
  const respondents = [
    respondent({}),
    respondent({ respondentId: 'education:=cmd', population: 'education', country: '', region: 'Unknown', organisationType: "'=already quoted", weight: 0.1 + 0.2, sourceRow: 17 }),
    respondent({ respondentId: 'industry:row9', organisationType: 'Großunternehmen, "quoted"\nline', weight: 1e-300, sourceRow: 9 }),
    respondent({ respondentId: 'industry:-5', organisationType: '-5', weight: 2.5e-7, sourceRow: 12 }),
  ];

  it('reads back exactly the respondents written, texts as they are (no CSV escaping imitated)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skillgap-respondents-'));
    try {
      const file = join(dir, 'respondents.arrow');
      writeRespondentsArrow(file, respondents);
      const back = readRespondentsArrow(file);
      expect(back).toEqual(respondents);
      expect(back[1].organisationType).toBe("'=already quoted");
      expect(back[1].respondentId).toBe('education:=cmd');
      expect(back[1].weight).toBe(0.1 + 0.2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is an Arrow IPC file with respondents.csv columns, repeated texts dictionary-encoded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skillgap-respondents-'));
    try {
      const file = join(dir, 'respondents.arrow');
      writeRespondentsArrow(file, respondents);
      const table = tableFromIPC(readFileSync(file));
      expect(table.schema.fields.map((field) => field.name)).toEqual([...RESPONDENT_COLUMNS]);
      const type = (name: string) => table.schema.fields.find((field) => field.name === name)!.type;
      expect(DataType.isUtf8(type('respondent_id'))).toBe(true);
      for (const name of ['population', 'country', 'region', 'organisation_type', 'wave', 'source_file']) {
        const t = type(name);
        expect(DataType.isDictionary(t) && t.indices.bitWidth === 8 && DataType.isUtf8(t.dictionary)).toBe(true);
      }
      expect(DataType.isFloat(type('weight'))).toBe(true);
      expect(table.getChild('organisation_type')!.get(2)).toBe('Großunternehmen, "quoted"\nline');
      expect(table.getChild('population')!.get(1)).toBe('education');
      expect(table.getChild('source_row')!.get(3)).toBe(12);
      expect(table.getChild('respondent_id')!.get(3)).toBe('industry:-5');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
