/**
 * The API on a real run of the 2022 sample wave into a temporary folder: loadWave reads back what
 * the stages wrote, and toDataFrame of each table has the same rows and values as its CSV file
 * read with papaparse (the acceptance test).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { answerCount, buildFigureSpec, loadWave, renderFigureSvg, runStage, runWave, toDataFrame, type WaveData } from '../../index.ts';
import { estimatesToCsv } from '../../io/table-files.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { differencesFromCsv } from './data-frame-equals-csv.ts';

describe('loadWave and toDataFrame on a run of the 2022 sample wave', () => {
  const out = useTempDir('skillgap-api-');
  const waveOut = join(out, '2022');
  let wave: WaveData;
  beforeAll(async () => {
    await runWave({ wave: '2022', out });
    wave = loadWave({ wave: '2022', out });
  }, 600_000);

  const csv = (file: string) => readFileSync(join(waveOut, file), 'utf8');
  const csvRecords = (file: string) => Papa.parse<string[]>(csv(file), { skipEmptyLines: true }).data.slice(1);

  it('loads as many rows as each file has', () => {
    expect(wave.wave).toBe('2022');
    expect(wave.respondents).toHaveLength(csvRecords('normalised/respondents.csv').length);
    expect(answerCount(wave.answers)).toBe(csvRecords('normalised/answers.csv').length);
    expect(wave.audit).toHaveLength(csvRecords('quality/audit.csv').length);
    expect(wave.estimates).toHaveLength(csvRecords('analysis/estimates.csv').length);
    expect(wave.tests).toHaveLength(csvRecords('analysis/tests.csv').length);
    expect(wave.rankings).toHaveLength(csvRecords('analysis/rankings.csv').length);
    expect(wave.respondents.length).toBeGreaterThan(100);
    expect(wave.audit.filter((row) => row.status === 'kept')).toHaveLength(wave.respondents.length);
  });

  it.each([
    ['estimates', 'analysis/estimates.csv'],
    ['tests', 'analysis/tests.csv'],
    ['rankings', 'analysis/rankings.csv'],
    ['respondents', 'normalised/respondents.csv'],
    ['audit', 'quality/audit.csv'],
    ['answers', 'normalised/answers.csv'],
  ] as const)('toDataFrame(%s) has the rows and values of %s', (table, file) => {
    const frame = toDataFrame(wave[table]);
    expect(differencesFromCsv(frame, csv(file))).toEqual([]);
  });

  it('round-trips: the loaded estimates written again give the same CSV bytes', () => {
    expect(estimatesToCsv(wave.estimates)).toBe(csv('analysis/estimates.csv'));
  });

  it('keeps suppressed cells as NaN and their flag, as the CSV has them', () => {
    const frame = toDataFrame(wave.estimates);
    const suppressed = wave.estimates.findIndex((row) => row.suppressed);
    expect(suppressed).toBeGreaterThanOrEqual(0);
    const row = frame.iloc({ rows: [suppressed] }).values[0] as unknown[];
    expect(Number.isNaN(row[frame.columns.indexOf('mean')])).toBe(true);
    expect(row[frame.columns.indexOf('flag')]).toMatch(/^suppressed_/);
  });

  it('builds and renders a report figure identical to the one the render stage wrote', async () => {
    const spec = await buildFigureSpec('gap-heatmap', wave);
    expect(JSON.parse(csv('figures/gap-heatmap.vl.json'))).toEqual(JSON.parse(JSON.stringify(spec)));
    expect(await renderFigureSvg(spec)).toBe(csv('figures/gap-heatmap.svg'));
  });

  it('runs one stage through the runner: skipped when up to date, rerun when forced', async () => {
    expect((await runStage('analyse', { wave: '2022', out })).stages).toEqual([{ stage: 'analyse', ran: false, reason: 'up to date' }]);
    const forced = await runStage('analyse', { wave: '2022', out, force: true });
    expect(forced.stages.map((s) => [s.stage, s.ran, s.reason])).toEqual([['analyse', true, 'forced']]);
    expect(csv('analysis/estimates.csv')).toBe(estimatesToCsv(wave.estimates));
  });

  it('says which command to run when a wave has not been run into the folder', () => {
    expect(() => loadWave({ wave: '2023', out })).toThrow(/wave 2023 has not been run into .*skillgap run --wave 2023/);
  });

  it('loads a wave whose answers were written wide (no answers.csv) from the binary answer cache', () => {
    const long = join(waveOut, 'normalised/answers.csv');
    renameSync(long, `${long}.aside`);
    try {
      const wide = loadWave({ wave: '2022', out });
      expect(answerCount(wide.answers)).toBe(answerCount(wave.answers));
      expect(Buffer.from(wide.answers.codes).equals(Buffer.from(wave.answers.codes))).toBe(true);
    } finally {
      renameSync(`${long}.aside`, long);
    }
  });

  it('refuses an unknown stage', async () => {
    await expect(runStage('publish' as never, { wave: '2022', out })).rejects.toThrow(/unknown stage "publish"/);
  });
});
