/**
 * README "Running a new wave", followed literally by a new user with two exports of their own:
 * a Qualtrics CSV (3 header rows) and a LimeSurvey CSV with code headings and answer codes
 * (`Q3[SQ001]` … answered `A1` … `A5`, LimeSurvey's default "answer codes" export). The exports
 * are the 2023 sample wave's, the LimeSurvey one re-exported with answer codes (each scale label
 * written as A<value>, "don't know"-type answers as no answer), so the result must equal the 2023
 * wave's: the steps are README's —
 *   1. exports and a wave.json in one folder (anywhere: --config),
 *   2. `codebook init --config … --dimension Q3=importance --dimension Q4=coverage --accept-guesses --out <the wave's folder>` (writes codebook.json there),
 *   3. `validate --config …`,
 *   4. `run --config …` (here ingest, normalise and analyse; render is covered by end-to-end.test.ts).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { codebookInitCommand } from '../../commands/codebook-command.ts';
import { runCommand } from '../../commands/run-command.ts';
import { validateCommand } from '../../commands/validate-command.ts';
import { REPO_ROOT } from '../../runner/context.ts';
import { parseOwnCsv } from '../../io/csv-read.ts';
import type { Codebook } from '../../contracts/types.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const quiet = () => {};
const sample = join(REPO_ROOT, 'data', 'raw', '2023');

/** The 2023 LimeSurvey export as LimeSurvey writes it with "answer codes": every rating label becomes A<value>. */
function answerCodeExport(): string {
  const committed = JSON.parse(readFileSync(join(sample, 'codebook.json'), 'utf8')) as Codebook;
  const items = new Set(committed.sources.find((source) => source.source === 'education-limesurvey')!.items.map((item) => item.column));
  const [header, ...records] = Papa.parse<string[]>(readFileSync(join(sample, 'education-limesurvey.csv'), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
  const lines = [header.map(quote).join(',')];
  for (const record of records) {
    lines.push(record.map((cell, index) => {
      if (!items.has(header[index]) || cell === '') return quote(cell);
      const value = committed.scale.labels[cell];
      return quote(value !== undefined ? `A${value}` : '');
    }).join(','));
  }
  return lines.join('\n') + '\n';
}

describe('README "Running a new wave" with a Qualtrics CSV and a LimeSurvey code-heading export with answer codes', () => {
  const dir = useTempDir('skillgap-new-wave-');
  const waveDir = join(dir, 'my-wave');
  const config = join(waveDir, 'wave.json');
  const out = join(dir, 'out');
  let drafted: Awaited<ReturnType<typeof codebookInitCommand>>;

  beforeAll(async () => {
    mkdirSync(waveDir, { recursive: true });
    cpSync(join(sample, 'industry-qualtrics.csv'), join(waveDir, 'industry-qualtrics.csv'));
    writeFileSync(join(waveDir, 'education-limesurvey.csv'), answerCodeExport());
    const sampleConfig = JSON.parse(readFileSync(join(sample, 'wave.json'), 'utf8'));
    // README step 1: the wave config, as the README's example shows it.
    writeFileSync(config, JSON.stringify({
      wave: '2099', title: 'My wave', reportDate: '2099-12-01',
      sources: [
        { id: 'industry-qualtrics', file: 'industry-qualtrics.csv', population: 'industry' },
        { id: 'education-limesurvey', file: 'education-limesurvey.csv', population: 'education' },
      ],
      codebook: 'codebook.json', regionScheme: 'un-m49-region',
      quality: sampleConfig.quality, suppression: sampleConfig.suppression, analysis: sampleConfig.analysis,
    }, null, 2));
    drafted = await codebookInitCommand({
      config, dimensions: ['Q3=importance', 'Q4=coverage'], acceptGuesses: true, out: waveDir, log: quiet,
    });
  });

  it('codebook init drafts one codebook for both exports, the answer codes A1…A5 as the scale', () => {
    expect(drafted.wave).toBe('2099');
    expect(drafted.sources.map((source) => [source.source, source.items.length])).toEqual([['industry-qualtrics', 52], ['education-limesurvey', 52]]);
    expect(drafted.scale).toMatchObject({ min: 1, max: 5, labels: { A1: 1, A2: 2, A3: 3, A4: 4, A5: 5, 'Very well prepared': 5 } });
    // Same mapping as the sample wave's hand-made codebook.
    const committed = JSON.parse(readFileSync(join(sample, 'codebook.json'), 'utf8')) as Codebook;
    for (const source of committed.sources) {
      const mine = drafted.sources.find((entry) => entry.source === source.source)!;
      expect(new Set(mine.items.map((item) => JSON.stringify(item)))).toEqual(new Set(source.items.map((item) => JSON.stringify(item))));
      expect(mine.columns.respondentId).toBe(source.columns.respondentId);
      expect(mine.columns.country).toBe(source.columns.country);
    }
    // Everything the reviewer must check is listed: the accepted positional guesses and every placed code with its count.
    expect(drafted.review.filter((entry) => entry.note.startsWith('ACCEPTED'))).toHaveLength(52);
    expect(drafted.review.some((entry) => entry.reason === 'scale_label' && /^answer label "A5" \(\d+ cell\(s\)\) placed at 5/.test(entry.note))).toBe(true);
  });

  it('validate passes and run gives the same estimates as the 2023 sample wave', async () => {
    const validated = await validateCommand({ config, log: quiet });
    expect(validated.files.map((file) => file.format)).toEqual(['qualtrics', 'limesurvey']);
    await runCommand({ config, out, log: quiet, only: ['ingest', 'normalise', 'analyse'] });
    await runCommand({ wave: '2023', out, log: quiet, only: ['ingest', 'normalise', 'analyse'] });
    const estimates = (wave: string) => {
      const { header, records } = parseOwnCsv(readFileSync(join(out, wave, 'analysis', 'estimates.csv'), 'utf8'));
      const keep = ['population', 'region', 'competency', 'measure', 'n', 'mean'].map((name) => header.indexOf(name));
      return records.map((record) => keep.map((index) => record[index]).join('|')).sort();
    };
    const mine = estimates('2099');
    expect(mine.length).toBeGreaterThan(100);
    expect(mine).toEqual(estimates('2023'));
  });
});
