/** The attention-check rule through the stages: its column is kept by normalise's column filter. */
import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../../commands/run-command.ts';
import { REPO_ROOT } from '../../runner/context.ts';
import { parseOwnCsv } from '../../io/csv-read.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import type { Codebook } from '../../contracts/types.ts';

describe('attention checks in a wave run', () => {
  const dir = useTempDir();
  it('excludes the respondents whose answer is not a passing one, with their reason', async () => {
    const waveDir = join(dir, 'wave');
    cpSync(join(REPO_ROOT, 'data/raw/2022'), waveDir, { recursive: true });
    const codebookFile = join(waveDir, 'codebook.json');
    const codebook = JSON.parse(readFileSync(codebookFile, 'utf8')) as Codebook;
    // Use the organisation-type question as a stand-in check: only "SME" passes.
    const industry = codebook.sources.find((s) => s.source === 'industry-qualtrics')!;
    industry.attentionChecks = [{ column: industry.columns.organisationType!, pass: ['SME'] }];
    writeFileSync(codebookFile, JSON.stringify(codebook));
    await runCommand({ config: join(waveDir, 'wave.json'), out: join(dir, 'out'), log: () => {}, only: ['ingest', 'normalise'] });
    const { header, records } = parseOwnCsv(readFileSync(join(dir, 'out/2022/quality/audit.csv'), 'utf8'));
    const reasons = records.map((r) => r[header.indexOf('reasons')]);
    const failed = reasons.filter((r) => r.split(';').includes('failed_attention_check')).length;
    const respondents = parseOwnCsv(readFileSync(join(dir, 'out/2022/normalised/respondents.csv'), 'utf8'));
    const orgType = respondents.header.indexOf('organisation_type');
    const population = respondents.header.indexOf('population');
    const keptIndustry = respondents.records.filter((r) => r[population] === 'industry');
    expect(failed).toBeGreaterThan(100);
    expect(keptIndustry.length).toBeGreaterThan(20);
    expect(keptIndustry.every((r) => r[orgType] === 'SME')).toBe(true);
  });
});
