/**
 * The bundled 2022 sample wave (written by the sample generator) must read and be detected like a
 * real export. Counts were checked with Python's csv module (blank rows included).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExport } from '../../../stages/ingest/read-export.ts';
import { repoRoot } from './fixture-helpers.ts';

const waveDir = join(repoRoot, 'data/raw/2022');
const industry = join(waveDir, 'industry-qualtrics.csv');
const education = join(waveDir, 'education-limesurvey.csv');

describe.skipIf(!existsSync(industry))('sample wave 2022: industry Qualtrics export', () => {
  it('is a BOM, CRLF, three-header Qualtrics export with its PII columns dropped', async () => {
    const table = await readExport({ path: industry, sourceId: 'industry-qualtrics' });
    expect(table.format).toBe('qualtrics');
    expect(table.encoding).toBe('utf-8 (BOM)');
    expect(table.headerRows).toBe(3);
    expect(table.rows.length).toBeGreaterThan(0);
    expect(table.droppedPersonalColumns).toContain('IPAddress');
    expect(table.columns.every((column) => column.importId !== undefined)).toBe(true);
    expect(table.rows.every((row) => row.length === table.columns.length)).toBe(true);
  });
});

describe.skipIf(!existsSync(education))('sample wave 2022: education LimeSurvey export', () => {
  it('is a LimeSurvey code-header export with ipaddr and refurl dropped', async () => {
    const table = await readExport({ path: education, sourceId: 'education-limesurvey' });
    expect(table.format).toBe('limesurvey');
    expect(table.headerRows).toBe(1);
    expect(table.columns.some((column) => /^Q\d+\[SQ\d+\]$/.test(column.key))).toBe(true);
    expect(table.droppedPersonalColumns).toEqual(['ipaddr', 'refurl']);
    expect(table.rows.length).toBeGreaterThan(0);
  });
});
