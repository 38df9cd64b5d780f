import { describe, expect, it } from 'vitest';
import { readExport } from '../../../../stages/ingest/read-export.ts';
import { surveymonkeyAdapter } from '../../../../stages/ingest/adapters/surveymonkey.ts';
import { cell, fixture, haveThirdParty } from '../fixture-helpers.ts';

describe('surveymonkeyAdapter', () => {
  it('carries question text forward and appends option labels', () => {
    const layout = surveymonkeyAdapter.resolveHeader([
      ['RespondentID', 'Which films?', '', 'Rate', ''],
      ['', 'Episode I', 'Episode II', 'Response', 'Other (please specify)'],
    ]);
    expect(layout.headerRows).toBe(2);
    expect(layout.columns.map((column) => column.key)).toEqual([
      'RespondentID', 'Which films? - Episode I', 'Which films? - Episode II', 'Rate', 'Rate - Other (please specify)',
    ]);
  });
});

describe.skipIf(!haveThirdParty)('SurveyMonkey fixtures (../shared/fixtures/third-party/surveymonkey)', () => {
  it('steak survey: 550 responses, labels as answers, commas inside quotes', async () => {
    const table = await readExport({ path: fixture('surveymonkey/surveymonkey-2row-header-steak-risk.csv'), sourceId: 'steak' });
    expect(table.format).toBe('surveymonkey');
    expect(table.headerRows).toBe(2);
    expect(table.rows).toHaveLength(550);
    expect(table.sourceRows[1]).toBe(4);
    expect(cell(table, 1, 'RespondentID')).toBe('3234982343');
    expect(cell(table, 1, 'How do you like your steak prepared?')).toBe('Medium rare');
    expect(cell(table, 1, 'Age')).toBe('> 60');
    expect(cell(table, 0, 'Do you ever smoke cigarettes?')).toBe('');
    expect(table.droppedPersonalColumns).toEqual([]);
  });

  it('Star Wars: invalid UTF-8 in the header → Windows-1252, 1,186 responses, multi-select keys', async () => {
    const table = await readExport({ path: fixture('surveymonkey/surveymonkey-2row-header-multiselect-na-starwars.csv'), sourceId: 'sw' });
    expect(table.format).toBe('surveymonkey');
    expect(table.encoding).toBe('windows-1252');
    expect(table.warnings[0]).toMatch(/not valid UTF-8 .* offset 641/);
    expect(table.rows).toHaveLength(1186);
    const seen = 'Which of the following Star Wars films have you seen? Please select all that apply. - Star Wars: Episode I  The Phantom Menace';
    expect(cell(table, 0, seen)).toBe('Star Wars: Episode I  The Phantom Menace');
    const favour = 'Please state whether you view the following characters favorably, unfavorably, or are unfamiliar with him/her. - Lando Calrissian';
    expect(cell(table, 0, favour)).toBe('Unfamiliar (N/A)');
    expect(table.columns.some((column) => column.key === 'Do you consider yourself to be a fan of the Expanded Universe?Œæ')).toBe(true);
    expect(cell(table, 0, 'Location (Census Region)')).toBe('South Atlantic');
  });

  it('sleeping alone: 1,093 responses, "Other (please specify)" text columns', async () => {
    const table = await readExport({ path: fixture('surveymonkey/surveymonkey-2row-header-other-specify-sleeping-alone.csv'), sourceId: 'sleep' });
    expect(table.format).toBe('surveymonkey');
    expect(table.rows).toHaveLength(1093);
    expect(cell(table, 0, 'StartDate')).toBe('7/10/14 18:37');
    const other = "When you're not sleeping in the same bed as your partner, where do you typically sleep? - Other (please specify)";
    expect(cell(table, 43, other)).toBe('kids bed');
    expect(table.sourceRows[43]).toBe(46);
  });
});
