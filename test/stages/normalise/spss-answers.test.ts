import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isUserMissing, spssAwareRecoder, spssColumnInfo } from '../../../stages/normalise/spss-answers.ts';
import { makeAnswerRecoder } from '../../../stages/normalise/recode-answer.ts';
import { readExport } from '../../../stages/ingest/read-export.ts';
import { REPO_ROOT } from '../../../runner/context.ts';
import type { SpssColumnInfo } from '../../../stages/ingest/ingest-types.ts';

const recode = makeAnswerRecoder({
  min: 1, max: 5,
  labels: { 'Not important': 1, 'Slightly important': 2, 'Moderately important': 3, 'Very important': 4, 'Extremely important': 5 },
  missing: { "Don't know": 'dont_know' },
});

const info: SpssColumnInfo = {
  name: 'Q3_1', label: 'Importance: incident response', printFormat: 'F2.0',
  // Codes 10..50 stand for the scale points, so only the labels can place them.
  valueLabels: { '10': 'Not important', '40': 'Very important', '50': 'Extremely important', '8': "Don't know", '9': 'Refused' },
  missingValues: { discrete: [8, 9], range: { low: 90, high: 99 } },
};

describe('SPSS answers', () => {
  const recodeSpss = spssAwareRecoder(info, recode);
  it('recodes labelled values by their label, whatever the numeric code', () => {
    expect(recodeSpss('40')).toEqual({ value: 4, missing: null });
    expect(recodeSpss('10')).toEqual({ value: 1, missing: null });
  });
  it('keeps user-missing apart from system-missing, with the reason its label gives', () => {
    expect(recodeSpss('8')).toEqual({ value: null, missing: 'dont_know' });
    expect(recodeSpss('9')).toEqual({ value: null, missing: 'not_applicable' });
    expect(recodeSpss('95')).toEqual({ value: null, missing: 'not_applicable' });
    expect(recodeSpss('')).toEqual({ value: null, missing: 'blank' });
  });
  it('falls back to the raw value when a value has no label', () => {
    expect(recodeSpss('3')).toEqual({ value: 3, missing: null });
    expect(recodeSpss('7')).toEqual({ value: null, missing: 'invalid' });
  });
  it('reads discrete and range user-missing declarations', () => {
    expect(isUserMissing('8', info.missingValues)).toBe(true);
    expect(isUserMissing('89', info.missingValues)).toBe(false);
    expect(isUserMissing('90', info.missingValues)).toBe(true);
  });
});

const fixture = resolve(REPO_ROOT, '../shared/fixtures/third-party/spss/spss25-user-defined-missing-values.sav');
if (!existsSync(fixture)) console.warn(`[skip] SPSS fixture not found at ${fixture}: its normalise test is skipped`);

describe.skipIf(!existsSync(fixture))('SPSS user-missing from a real SPSS 25 file', () => {
  it('turns the declared user-missing value 1 into a missing answer, not the scale point 1', async () => {
    const table = await readExport({ path: fixture, sourceId: 'spss' });
    const column = table.columns.findIndex((c) => c.key !== '');
    const columnInfo = spssColumnInfo(table, column);
    expect(columnInfo).toBeDefined();
    const recodeSpss = spssAwareRecoder(columnInfo, recode);
    const cells = table.rows.map((row) => row[column]);
    expect(cells).toContain('1');
    expect(recodeSpss('1')).toEqual({ value: null, missing: 'not_applicable' });
    expect(recode('1')).toEqual({ value: 1, missing: null });
  });
});
