/**
 * The bundled sample waves carry their planted truth (data/raw/<wave>/truth.json). Run through the
 * whole pipeline, the analysis must recover the planted gaps and top-5 competencies, and none of
 * the planted personal data may reach any output file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../../commands/run-command.ts';
import { REPO_ROOT } from '../../runner/context.ts';
import { parseOwnCsv } from '../../io/csv-read.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { readPdf } from '../helpers/read-pdf.ts';

interface Truth {
  competencies: { id: string; gapPreparedness: Record<string, number>; gapCurriculum: Record<string, number>; gapEducation: Record<string, number> }[];
  topMwds: Record<string, string[]>;
  personalData: Record<string, string[]>;
  dirt: Record<string, { dataRows: number; cleanRows: number }>;
}

const readTruth = (wave: string) => JSON.parse(readFileSync(join(REPO_ROOT, 'data/raw', wave, 'truth.json'), 'utf8')) as Truth;

function readTable(file: string): Record<string, string>[] {
  const { header, records } = parseOwnCsv(readFileSync(file, 'utf8'));
  return records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe.each(['2022', '2023'])('sample wave %s', (wave) => {
  const out = useTempDir();
  const truth = readTruth(wave);
  beforeAll(async () => {
    // 2023 compares with 2022, so its run needs 2022's analysis in the same out folder.
    if (wave === '2023') await runCommand({ wave: '2022', out, log: () => {} });
    await runCommand({ wave, out, log: () => {} });
  });

  it('accounts for every input row and keeps exactly the clean ones', () => {
    const audit = readTable(join(out, wave, 'quality/audit.csv'));
    const dataRows = Object.values(truth.dirt).reduce((sum, d) => sum + d.dataRows, 0);
    const cleanRows = Object.values(truth.dirt).reduce((sum, d) => sum + d.cleanRows, 0);
    expect(audit).toHaveLength(dataRows);
    expect(audit.filter((a) => a.status === 'kept')).toHaveLength(cleanRows);
    expect(audit.filter((a) => a.status === 'excluded').every((a) => a.reasons !== '')).toBe(true);
  });

  it('publishes the final weight of every kept respondent (analysis/respondent-weights.csv), and intervals within the scale', () => {
    const respondents = readTable(join(out, wave, 'normalised/respondents.csv'));
    const weights = readTable(join(out, wave, 'analysis/respondent-weights.csv'));
    expect(weights).toHaveLength(respondents.length);
    expect(new Set(weights.map((row) => row.respondent_id))).toEqual(new Set(respondents.map((row) => row.respondent_id)));
    // The sample waves have no margins: the final weight is the export's weight (no weight above the cap).
    const exportWeight = new Map(respondents.map((row) => [row.respondent_id, Number(row.weight)]));
    for (const row of weights) expect(Number(row.final_weight)).toBe(exportWeight.get(row.respondent_id));
    const estimates = readTable(join(out, wave, 'analysis/estimates.csv')).filter((e) => e.suppressed === 'false');
    for (const row of estimates) {
      const [low, high] = row.measure.startsWith('gap') ? [-4, 4] : [1, 5];
      expect(Number(row.ci_low)).toBeGreaterThanOrEqual(low);
      expect(Number(row.ci_high)).toBeLessThanOrEqual(high);
      expect(['t', 'zero_se_wilson']).toContain(row.ci_method);
    }
  });

  it('recovers the planted global gaps within 0.25 scale points', () => {
    const estimates = readTable(join(out, wave, 'analysis/estimates.csv')).filter((e) => e.region === 'Global');
    const measures = { gap_preparedness: 'gapPreparedness', gap_curriculum: 'gapCurriculum', gap_education: 'gapEducation' } as const;
    let checked = 0;
    for (const competency of truth.competencies) {
      for (const [measure, key] of Object.entries(measures)) {
        const row = estimates.find((e) => e.competency === competency.id && e.measure === measure);
        expect(row, `${competency.id} ${measure}`).toBeDefined();
        expect(Math.abs(Number(row!.mean) - competency[key].Global), `${competency.id} ${measure}`).toBeLessThan(0.25);
        checked++;
      }
    }
    expect(checked).toBe(truth.competencies.length * 3);
  });

  it('puts the planted top-5 competencies on top of the global ranking', () => {
    const rankings = readTable(join(out, wave, 'analysis/rankings.csv')).filter((r) => r.region === 'Global');
    const top5 = rankings.filter((r) => Number(r.rank) <= 5).map((r) => r.competency).sort();
    expect(top5).toEqual([...truth.topMwds.Global].sort());
  });

  it('lets no planted personal data reach any output file', async () => {
    const files = filesUnder(join(out, wave));
    expect(files.length).toBeGreaterThan(20);
    // PDF streams are compressed, so the report is checked through its extracted text and metadata;
    // PNGs are rasters of the SVGs checked here, with no text layer.
    const readable = async (file: string) => {
      if (file.endsWith('.pdf')) {
        const pdf = await readPdf(readFileSync(file));
        return pdf.text + JSON.stringify(pdf.info);
      }
      return file.endsWith('.png') ? '' : readFileSync(file, 'utf8');
    };
    const planted = Object.values(truth.personalData).flat();
    expect(planted.length).toBeGreaterThan(100);
    // Names are matched as whole words; the rest (IPs, e-mails, phones, GPS, references) as substrings.
    const names = new Set([...(truth.personalData.firstNames ?? []), ...(truth.personalData.lastNames ?? [])]);
    for (const file of files) {
      const text = await readable(file);
      for (const value of planted) {
        const found = names.has(value) ? new RegExp(`\\b${value}\\b`).test(text) : text.includes(value);
        expect(found, `${value} found in ${file}`).toBe(false);
      }
    }
  });
});
