import { describe, expect, it } from 'vitest';
import { readExport } from '../../../../stages/ingest/read-export.ts';
import { parseImportId, qualtricsAdapter, qualtricsLegacyAdapter } from '../../../../stages/ingest/adapters/qualtrics.ts';
import { cell, fixture, haveThirdParty } from '../fixture-helpers.ts';

describe('parseImportId', () => {
  it('reads JSON and Python-dict ImportIds', () => {
    expect(parseImportId('{"ImportId":"QID2_TEXT"}')).toBe('QID2_TEXT');
    expect(parseImportId("{'ImportId': 'QID2-1'}")).toBe('QID2-1');
    expect(parseImportId('Q1')).toBeUndefined();
  });
  it('resolves three header rows into key, label and importId', () => {
    const layout = qualtricsAdapter.resolveHeader([['Q1', 'Q2_DO'], ['How?', 'Order'], ['{"ImportId":"QID1"}', '{"ImportId":"QID2_DO"}']]);
    expect(layout.headerRows).toBe(3);
    expect(layout.columns).toEqual([
      { key: 'Q1', label: 'How?', importId: 'QID1' },
      { key: 'Q2_DO', label: 'Order', importId: 'QID2_DO' },
    ]);
  });
  it('keys legacy V-columns by their row-2 label', () => {
    const layout = qualtricsLegacyAdapter.resolveHeader([['V1', 'V2', 'Q1', ''], ['ResponseID', 'ResponseSet', 'Rate it', '']]);
    expect(layout.columns.map((column) => column.key)).toEqual(['ResponseID', 'ResponseSet', 'Q1']);
  });
});

describe.skipIf(!haveThirdParty)('Qualtrics fixtures (../shared/fixtures/third-party/qualtrics)', () => {
  it('v3 export: 3 header rows, German labels, ImportIds, PII dropped, the IP appears nowhere', async () => {
    const path = fixture('qualtrics/qualtrics-v3-export-3header-importid-german-labels.csv');
    const table = await readExport({ path, sourceId: 'q3' });
    expect(table.format).toBe('qualtrics');
    expect(table.headerRows).toBe(3);
    expect(table.rows).toHaveLength(1);
    expect(table.sourceRows).toEqual([4]);
    expect(cell(table, 0, 'ResponseId')).toBe('R_2YPOQ602ER1jkf1');
    expect(cell(table, 0, 'Q1')).toBe('2');
    expect(cell(table, 0, 'Q2')).toBe('Hello World!');
    expect(table.columns.find((column) => column.key === 'Q2')).toEqual({ key: 'Q2', label: 'This is a free text question.', importId: 'QID2_TEXT' });
    expect(table.columns.find((column) => column.key === 'Q2 - Topics')?.importId).toBe('QID2_TEXT_eae5a8d0e7fd4bd183e983e5Topics');
    expect(table.droppedPersonalColumns).toEqual([
      'IPAddress', 'RecipientLastName', 'RecipientFirstName', 'RecipientEmail', 'ExternalReference', 'LocationLatitude', 'LocationLongitude',
    ]);
    expect(JSON.stringify(table)).not.toContain('130.92.34.66');
    expect(JSON.stringify(table)).not.toContain('47.115097045898');
    expect((await readExport({ path, sourceId: 'q3', format: 'qualtrics' })).rows).toEqual(table.rows);
  });

  it('legacy export: BOM, 2 header rows, trailing comma column, PII dropped', async () => {
    const table = await readExport({ path: fixture('qualtrics/qualtrics-legacy-export-2header-bom.csv'), sourceId: 'legacy' });
    expect(table.format).toBe('qualtrics-legacy');
    expect(table.encoding).toBe('utf-8 (BOM)');
    expect(table.headerRows).toBe(2);
    expect(table.columns.map((column) => column.key)).toEqual(['ResponseID', 'ResponseSet', 'Status', 'StartDate', 'EndDate', 'Finished', 'Q1', 'Q2', 'LocationAccuracy']);
    expect(table.rows).toHaveLength(1);
    expect(cell(table, 0, 'Q2')).toBe('Hello World!');
    expect(cell(table, 0, 'ResponseSet')).toBe('Standard-Antwortsatz');
    expect(table.droppedPersonalColumns).toEqual(['Name', 'ExternalDataReference', 'EmailAddress', 'IPAddress', 'LocationLatitude', 'LocationLongitude']);
    expect(JSON.stringify(table)).not.toContain('130.92.34.66');
    expect(table.warnings.join('\n')).toMatch(/1 row\(s\) end with empty fields/);
  });

  it('2016 Insights export: Python-dict ImportIds, negative recodes, 15 test responses', async () => {
    const table = await readExport({ path: fixture('qualtrics/qualtrics-insights2016-na-recodes-singlequote-importid.csv'), sourceId: 'insights' });
    expect(table.format).toBe('qualtrics');
    expect(table.headerRows).toBe(3);
    expect(table.rows).toHaveLength(15);
    expect(table.sourceRows[0]).toBe(4);
    expect(table.columns.find((column) => column.key === 'Q2_-1')?.importId).toBe('QID2-4');
    expect(cell(table, 0, 'ResponseID')).toBe('R_ebopwASnJ6p0KSp');
    expect(cell(table, 0, 'Q1')).toBe('3');
    expect(cell(table, 0, 'Q3_1')).toBe('-1');
    expect(table.rows.every((row, index) => cell(table, index, 'Status') === '2')).toBe(true);
    expect(table.droppedPersonalColumns).toContain('RecipientEmail');
    expect(table.droppedPersonalColumns).toContain('LocationLatitude');
  });

  it('multi-select binary columns with custom export tags and quoted other text', async () => {
    const table = await readExport({ path: fixture('qualtrics/qualtrics-insights2016-multiselect-binary-columns.csv'), sourceId: 'multi' });
    expect(table.format).toBe('qualtrics');
    expect(table.rows).toHaveLength(5);
    expect(table.columns.find((column) => column.key === 'Q4_10')?.importId).toBe('QID5-1');
    expect(cell(table, 0, 'Q2_1')).toBe('');
    expect(cell(table, 0, 'Q2_2')).toBe('1');
    expect(cell(table, 0, 'mc_question_five_2_TEXT')).toBe('Gravida pellentesque consectetuer eleifend risus fusce sit urna diam magnis laoreet.');
  });
});
