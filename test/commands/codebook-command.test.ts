import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebookInitCommand } from '../../commands/codebook-command.ts';
import { REPO_ROOT } from '../../runner/context.ts';
import { UsageError, ValidationError } from '../../contracts/errors.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { skillgap } from '../pipeline/fault-helpers.ts';

const wave2023 = join(REPO_ROOT, 'data', 'raw', '2023');

describe.skipIf(!existsSync(wave2023))('codebookInitCommand', () => {
  const dir = useTempDir();

  it('writes a draft codebook with its review list to <--out>/codebook.json and a summary to the log', async () => {
    const lines: string[] = [];
    const out = join(dir, 'draft', 'codebook.json');
    const result = await codebookInitCommand({ from: join(wave2023, 'industry-qualtrics.csv'), out: join(dir, 'draft'), log: (line) => lines.push(line) });
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

describe('codebook init --out is a folder, as for every command', () => {
  const dir = useTempDir('codebook-out-');
  const from = join(wave2023, 'industry-qualtrics.csv');

  it('refuses a file name or an existing file with the folder to give instead, before reading any export', async () => {
    // The export does not exist: a refusal that came after reading it would be a ValidationError.
    const absent = join(dir, 'absent.csv');
    await expect(codebookInitCommand({ from: absent, out: join(dir, 'wave', 'codebook.json'), log: () => {} }))
      .rejects.toThrow(new UsageError(`--out names a folder, as for every command (the draft is written to <folder>/codebook.json), but ${join(dir, 'wave', 'codebook.json')} looks like a file name: give its folder instead, e.g. --out ${join(dir, 'wave')}`));
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    await expect(codebookInitCommand({ from: absent, out: file, log: () => {} })).rejects.toThrow(/but .*a-file is a file: give its folder instead, e\.g\. --out /);
    expect(existsSync(join(dir, 'wave'))).toBe(false);
  });

  it.skipIf(!existsSync(wave2023))('keeps an existing codebook.json unless --force', async () => {
    const folder = join(dir, 'reviewed');
    mkdirSync(folder);
    writeFileSync(join(folder, 'codebook.json'), '{"reviewed": true}\n');
    await expect(codebookInitCommand({ from, out: folder, log: () => {} })).rejects.toThrow(/codebook\.json exists: codebook init does not overwrite a codebook.*add --force/);
    expect(readFileSync(join(folder, 'codebook.json'), 'utf8')).toBe('{"reviewed": true}\n');
    const lines: string[] = [];
    await codebookInitCommand({ from, out: folder, force: true, log: (line) => lines.push(line) });
    expect(JSON.parse(readFileSync(join(folder, 'codebook.json'), 'utf8')).sources[0].items).toHaveLength(52);
    expect(lines.at(-1)).toContain(`draft written to ${join(folder, 'codebook.json')}`);
  }, 120_000);

  it('on the command line: --help says DIR, a file name exits 2 with the message (--json failure shape)', async () => {
    const [help, refused] = await Promise.all([
      skillgap(['codebook', 'init', '--help']),
      skillgap(['codebook', 'init', '--from', join(dir, 'absent.csv'), '--out', join(dir, 'draft.json'), '--json']),
    ]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/\[--out DIR \[--force\]\]/);
    expect(help.stdout).toMatch(/--out DIR +write the draft to <DIR>\/codebook\.json/);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, command: 'codebook init', exitCode: 2, error: { kind: 'usage', message: expect.stringMatching(/--out names a folder.*e\.g\. --out /) } });
  }, 120_000);
});
