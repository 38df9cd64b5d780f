import { describe, expect, it } from 'vitest';
import { readExport } from '../../../../stages/ingest/read-export.ts';
import { limesurveyAdapter } from '../../../../stages/ingest/adapters/limesurvey.ts';
import { cell, fixture, haveThirdParty, tempFile } from '../fixture-helpers.ts';

describe('limesurveyAdapter', () => {
  it('keeps code headers as keys without label, text headers as both', () => {
    const layout = limesurveyAdapter.resolveHeader([['id', 'Q3[SQ004]', 'How old are you?']]);
    expect(layout.columns).toEqual([
      { key: 'id', label: '' },
      { key: 'Q3[SQ004]', label: '' },
      { key: 'How old are you?', label: 'How old are you?' },
    ]);
  });

  it('reads a semicolon code-header export and detects it', async () => {
    const path = tempFile('lime.csv', 'id;submitdate;lastpage;startlanguage;Q3[SQ001];Q3[SQ002]\n1;2024-01-02 10:00:00;3;fr;Très important;Important\n2;;1;fr;;\n');
    const table = await readExport({ path, sourceId: 'lime' });
    expect(table.format).toBe('limesurvey');
    expect(table.delimiter).toBe(';');
    expect(table.rows).toHaveLength(2);
    expect(cell(table, 0, 'Q3[SQ001]')).toBe('Très important');
  });
});

describe('LimeSurvey "question code & question text" headings', () => {
  it('are detected as LimeSurvey and split into code (key) and text (label)', async () => {
    const path = tempFile('both.csv', '"id. Response ID","submitdate. Date submitted","lastpage. Last page","Q1[SQ001]. How important is each skill? [Teamwork]"\n"1","2024-01-02 10:00:00","3","Very important"\n');
    const table = await readExport({ path, sourceId: 'both' });
    expect(table.format).toBe('limesurvey');
    expect(table.columns).toEqual([
      { key: 'id', label: 'Response ID' },
      { key: 'submitdate', label: 'Date submitted' },
      { key: 'lastpage', label: 'Last page' },
      { key: 'Q1[SQ001]', label: 'How important is each skill? [Teamwork]' },
    ]);
    expect(cell(table, 0, 'Q1[SQ001]')).toBe('Very important');
  });
  it('numbered question titles of another tool are not taken for them', async () => {
    const path = tempFile('numbered.csv', 'Q1. How old are you?,Q2. Country\n34,France\n');
    expect((await readExport({ path, sourceId: 'numbered' })).format).toBe('generic');
  });
});

describe.skipIf(!haveThirdParty)('LimeSurvey fixtures (../shared/fixtures/third-party/limesurvey)', () => {
  it('survey 998192: BOM, full-text headers, every field quoted, 7 responses, trailing blank line', async () => {
    // SOURCES.md says "8 responses"; the file holds 7 records (response ids 1, 4, 5, 6, 7, 8, 9),
    // which Python's csv module confirms.
    const table = await readExport({ path: fixture('limesurvey/limesurvey5-rdata-export-998192-bom-fulltext-header.csv'), sourceId: 'ls' });
    expect(table.format).toBe('limesurvey');
    expect(table.encoding).toBe('utf-8 (BOM)');
    // 71 columns, less the three parts of "Please enter your address" (personal data by header).
    expect(table.columns).toHaveLength(68);
    expect(table.droppedPersonalColumns).toEqual(['Please enter your address [Street]', 'Please enter your address [Number]', 'Please enter your address [City]']);
    expect(table.rows).toHaveLength(7);
    expect(table.rows.map((row) => row[0])).toEqual(['1', '4', '5', '6', '7', '8', '9']);
    expect(cell(table, 1, 'Start language')).toBe('nl-informal');
    expect(cell(table, 1, 'How do you identify?')).toBe('man');
    expect(cell(table, 1, 'How old are you?')).toBe('66');
    expect(table.warnings.join('\n')).toMatch(/1 empty line\(s\) at the end/);
  });

  it('survey 100001: 646 columns, empty and duplicate headers, 3 responses', async () => {
    const table = await readExport({ path: fixture('limesurvey/limesurvey5-rdata-export-100001-equation-headers-multiselect.csv'), sourceId: 'ls2' });
    expect(table.format).toBe('limesurvey');
    expect(table.columns).toHaveLength(646);
    expect(table.rows).toHaveLength(3);
    expect(table.columns[9].key).toBe('unnamed_10');
    expect(table.columns[10].key).toBe(' [Other]');
    expect(cell(table, 0, 'Where do you live?  ')).toBe('af00');
    expect(cell(table, 0, 'unnamed_10')).toBe('unknw');
    expect(cell(table, 1, 'Response ID')).toBe('2');
    expect(cell(table, 1, 'Start language')).toBe('en');
  });
});
