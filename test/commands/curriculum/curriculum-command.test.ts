/**
 * `skillgap curriculum` end to end on the 2022 sample wave: the PDF is read back (pdfjs-dist), its
 * top action equals the top row of comparison.csv, the institution's name beyond Latin-1 reads back
 * exactly, the PDF is byte-reproducible, and an education-export row serves as a profile.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { curriculumCommand } from '../../../commands/curriculum-command.ts';
import { REPO_ROOT } from '../../../runner/context.ts';
import { UsageError, ValidationError } from '../../../contracts/errors.ts';
import { parseOwnCsv } from '../../../io/csv-read.ts';
import { formatEstimate, formatInterval } from '../../../stages/render/format.ts';
import { assembleCurriculumReport } from '../../../stages/render/curriculum/assemble-curriculum-report.ts';
import { loadWave, loadFramework } from '../../../contracts/config.ts';
import { readPdf } from '../../helpers/read-pdf.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const flat = (text: string) => text.replace(/\s+/g, ' ');
const HUST = join(REPO_ROOT, 'data', 'templates', 'curriculum-profile.example-hust.csv');
const LODZ = join(REPO_ROOT, 'data', 'templates', 'curriculum-profile.example-lodz.json');
const EDUCATION_EXPORT = join(REPO_ROOT, 'data', 'raw', '2022', 'education-limesurvey.csv');

describe('curriculumCommand', async () => {
  const dir = useTempDir('skillgap-curriculum-');
  const quiet = () => {};
  const base = { wave: '2022', pipelineOut: join(dir, 'pipeline'), log: quiet };
  const result = await curriculumCommand({ ...base, profile: HUST });
  const csv = parseOwnCsv(readFileSync(result.files.csv, 'utf8'));
  const column = (name: string) => csv.header.indexOf(name);
  const top = csv.records[0]!;
  const pdfBytes = readFileSync(result.files.pdf);
  const pdf = await readPdf(pdfBytes);

  it('writes the three files to out/<wave>/curriculum/<slug>/ and a 2–4 page PDF', () => {
    expect(result.outDir).toBe(join(dir, 'pipeline', '2022', 'curriculum', 'truong-dai-hoc-bach-khoa-ha-noi-ky-su-an-toan-khong-gian-so-cyber-security'));
    expect(pdf.pageCount).toBe(result.pages);
    expect(pdf.pageCount).toBeGreaterThanOrEqual(2);
    expect(pdf.pageCount).toBeLessThanOrEqual(4);
    expect(csv.records).toHaveLength(26);
    expect(result.comparison.regionChain).toEqual(['Asia', 'Global']);
  });

  it('puts the top row of the CSV as the top action of the PDF, with the same numbers', () => {
    expect(top[column('rank')]).toBe('1');
    const label = top[column('label')]!;
    const number = (name: string) => formatEstimate(Number(top[column(name)]));
    const sentence = `Top action: ${label} (demand ${number('demand_mean')}, coverage ${number('coverage')}, gap ${number('gap')}, priority ${number('priority')}).`;
    expect(flat(pdf.pages[0]!)).toContain(sentence);
    // First row of the ranked action list on page 2: rank, competency, demand with its CI, n, basis.
    const interval = formatInterval(Number(top[column('demand_ci_low')]), Number(top[column('demand_ci_high')]));
    expect(flat(pdf.pages[1]!)).toContain(`1 ${label} ${number('demand_mean')} (${interval}) ${top[column('demand_n')]} ${top[column('basis')]}`);
    // …and it is the competency with the largest priority in the JSON as well.
    const json = JSON.parse(readFileSync(result.files.json, 'utf8'));
    const best = [...json.rows].sort((a: { priority: number }, b: { priority: number }) => b.priority - a.priority)[0];
    expect(best.competency).toBe(top[column('competency')]);
  });

  it('shows the institution name beyond Latin-1 exactly', () => {
    expect(pdf.pages[0]).toContain('Trường Đại học Bách khoa Hà Nội');
    expect(pdf.pages[0]).toContain('Kỹ sư An toàn không gian số');
    expect(pdf.info.Title).toBe('Curriculum and industry demand: Trường Đại học Bách khoa Hà Nội');
    expect(String(pdf.info.CreationDate)).toBe('D:20221201000000Z');
  });

  it('is reproducible: same inputs, same bytes', async () => {
    const again = await curriculumCommand({ ...base, profile: HUST, out: join(dir, 'again') });
    expect(readFileSync(again.files.pdf).equals(pdfBytes)).toBe(true);
    expect(readFileSync(again.files.csv, 'utf8')).toBe(readFileSync(result.files.csv, 'utf8'));
    const wave = loadWave(REPO_ROOT, '2022');
    const direct = await assembleCurriculumReport({ comparison: result.comparison, config: wave.config, competencies: loadFramework(REPO_ROOT).competencies, scale: { min: 1, max: 5 } });
    expect(direct.equals(pdfBytes)).toBe(true);
  });

  it('reads the Polish JSON example and a --region override', async () => {
    const polish = await curriculumCommand({ ...base, profile: LODZ, region: 'global', out: join(dir, 'lodz') });
    expect(polish.comparison.regionChain).toEqual(['Global']);
    expect(polish.comparison.rows.every((row) => row.basis === 'Global' || row.basis === '')).toBe(true);
    const read = await readPdf(readFileSync(polish.files.pdf));
    expect(read.pages[0]).toContain('Politechnika Łódzka');
    await expect(curriculumCommand({ ...base, profile: LODZ, region: 'Atlantis', out: join(dir, 'x') })).rejects.toThrow(UsageError);
  });

  it('takes a row of the education export as the profile, leaving the respondent out of its peers', async () => {
    // Record 3 of the file is response id 2 (Israel, so Asia): communication "Partly covered", teamwork "Well covered".
    const fromRow = await curriculumCommand({ ...base, profile: EDUCATION_EXPORT, profileRow: 3, out: join(dir, 'row') });
    expect(fromRow.comparison.institution).toBe('Education respondent 2 (education-limesurvey)');
    expect(fromRow.comparison.country).toBe('IL');
    const row = (comparison: typeof fromRow.comparison, id: string) => comparison.rows.find((item) => item.competency === id)!;
    expect(row(fromRow.comparison, 'communication').coverage).toBe(3);
    expect(row(fromRow.comparison, 'teamwork').coverage).toBe(4);
    expect(row(fromRow.comparison, 'critical-thinking').note).toBe('not_rated');
    // Same region (Asia) as the Hanoi profile, which is no respondent: one peer fewer.
    expect(row(fromRow.comparison, 'communication').peerN).toBe(row(result.comparison, 'communication').peerN! - 1);
    const byId = await curriculumCommand({ ...base, profile: EDUCATION_EXPORT, profileResponse: '2', out: join(dir, 'row') });
    expect(byId.comparison).toEqual(fromRow.comparison);
    await expect(curriculumCommand({ ...base, profile: EDUCATION_EXPORT, out: join(dir, 'x') })).rejects.toThrow(UsageError);
  });

  it('rejects a bad profile with ValidationError listing every problem', async () => {
    const bad = join(dir, 'bad.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, 'item,value\ninstitution,Test\ncloud-security,8\nquantum,3\n');
    const error = await curriculumCommand({ ...base, profile: bad, out: join(dir, 'bad') }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems.map((problem) => [problem.where.row, problem.where.column])).toEqual([
      [undefined, undefined],
      [3, 'value'],
      [4, 'item'],
    ]);
  });
});
