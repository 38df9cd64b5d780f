import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebookInitCommand } from '../../commands/codebook-command.ts';
import { REPO_ROOT } from '../../runner/context.ts';
import { UsageError, ValidationError } from '../../contracts/errors.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const wave2023 = join(REPO_ROOT, 'data', 'raw', '2023');

describe.skipIf(!existsSync(wave2023))('codebookInitCommand', () => {
  const dir = useTempDir();

  it('writes a draft codebook with its review list to --out and a summary to the log', async () => {
    const lines: string[] = [];
    const out = join(dir, 'draft.json');
    const result = await codebookInitCommand({ from: join(wave2023, 'industry-qualtrics.csv'), out, log: (line) => lines.push(line) });
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written).toEqual(JSON.parse(JSON.stringify(result)));
    expect(written.sources[0].source).toBe('industry-qualtrics');
    expect(written.sources[0].items).toHaveLength(52);
    expect(written.sources[0].items[0]).toEqual({ column: 'Q3_1', competency: 'communication', dimension: 'importance' });
    // Nothing to review but the answer labels placed on the scale, each with its count (counted
    // with Python's csv module over Q3_*/Q4_* of the export: "Very well prepared" 579 cells, "Don't know" 1,164).
    expect(written.review.filter((entry: { reason: string }) => entry.reason !== 'scale_label')).toEqual([]);
    const notes = written.review.map((entry: { note: string }) => entry.note);
    expect(notes).toHaveLength(11);
    expect(notes).toContain('answer label "Very well prepared" (579 cell(s)) placed at 5 as a known scale wording: check it');
    expect(notes).toContain('answer label "Don\'t know" (1164 cell(s)) placed as missing (dont_know) as a known missing-answer label: check it');
    expect(written.draft.population).toBe('industry');
    expect(lines[0]).toContain('52 of 52 rating column(s) mapped');
    // Personal data never reaches the draft.
    expect(readFileSync(out, 'utf8')).not.toMatch(/IPAddress|RecipientEmail|@/);
  });

  it('writes to stdout (here: the injected writer) without --out, with every code-heading column in review', async () => {
    let text = '';
    const result = await codebookInitCommand({ from: join(wave2023, 'education-limesurvey.csv'), population: 'education', write: (chunk) => (text += chunk), log: () => {} });
    const review = JSON.parse(text).review as { reason: string }[];
    expect(review.filter((entry) => entry.reason === 'low_confidence')).toHaveLength(52);
    expect(review.filter((entry) => entry.reason !== 'low_confidence').every((entry) => entry.reason === 'scale_label')).toBe(true);
    expect(result.sources[0].items).toEqual([]);
    expect(result.review[0]).toMatchObject({ column: 'Q3[SQ001]', reason: 'low_confidence', guess: { competency: 'communication', dimension: 'importance' } });
  });

  it('rejects a bad --population and a missing file', async () => {
    await expect(codebookInitCommand({ from: 'x.csv', population: 'students' })).rejects.toBeInstanceOf(UsageError);
    await expect(codebookInitCommand({})).rejects.toBeInstanceOf(UsageError);
    await expect(codebookInitCommand({ from: join(dir, 'absent.csv'), log: () => {} })).rejects.toBeInstanceOf(ValidationError);
    await expect(codebookInitCommand({ config: join(dir, 'no-such-wave.json'), log: () => {} })).rejects.toThrow(/write wave.json first/);
    await expect(codebookInitCommand({ from: join(wave2023, 'industry-qualtrics.csv'), dimensions: ['Q4=skill'], log: () => {} })).rejects.toBeInstanceOf(UsageError);
  });
});
