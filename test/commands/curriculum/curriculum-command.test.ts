/**
 * `skillgap curriculum` end to end on the 2022 sample wave: the PDF is read back (pdfjs-dist), its
 * top action equals the top row of comparison.csv, the institution's name beyond Latin-1 reads back
 * exactly, the PDF is byte-reproducible, it is tagged PDF/UA-1 (structure read back, the chart's
 * alt text quoting comparison.csv), and an education-export row serves as a profile.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { curriculumCommand } from '../../../commands/curriculum-command.ts';
import { REPO_ROOT } from '../../../runner/context.ts';
import { UsageError, ValidationError } from '../../../contracts/errors.ts';
import { parseOwnCsv } from '../../../io/csv-read.ts';
import { formatEstimate, formatInterval } from '../../../stages/render/format.ts';
import { assembleCurriculumReport } from '../../../commands/curriculum/report/assemble-curriculum-report.ts';
import { loadWave, loadFramework } from '../../../contracts/config.ts';
import { readPdf } from '../../helpers/read-pdf.ts';
import { readPdfStructure, structureProblems } from '../../helpers/pdf-structure.ts';
import { curriculumChartAltText } from '../../../stages/render/figure-alt-text.ts';
import { translator } from '../../../stages/render/i18n/translator.ts';
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

  it('is tagged PDF/UA-1: structure checks pass, the chart a Figure whose alt text quotes comparison.csv', async () => {
    const structure = await readPdfStructure(pdfBytes);
    expect(structureProblems(structure)).toEqual([]);
    const levels = structure.headings.map((heading) => heading.level);
    expect(levels[0]).toBe(1);
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    expect(levels.filter((level) => level === 2).length).toBeGreaterThanOrEqual(3); // action list, how to read it, limits
    expect(structure.tables.length).toBeGreaterThanOrEqual(1);
    expect(structure.roles.get('LI')).toBeGreaterThanOrEqual(12);
    const alt = curriculumChartAltText(result.comparison);
    expect(structure.figures.map((figure) => figure.alt)).toEqual([alt.text]);
    // Each quoted demand or coverage is the CSV's value of that competency.
    for (const number of alt.quoted) {
      const [kind, competency] = number.what.split(' ');
      const row = csv.records.find((record) => record[column('competency')] === competency)!;
      expect(number.value, number.what).toBe(Number(row[column(kind === 'demand' ? 'demand_mean' : 'coverage')]));
    }
    expect(alt.quoted).toHaveLength(4);
    expect(alt.text).toContain(`Largest difference: ${csv.records.filter((record) => record[column('coverage')] !== '' && record[column('demand_mean')] !== '').sort((a, b) => Number(b[column('gap')]) - Number(a[column('gap')]))[0]![column('label')]}`);
  });

  it('writes the chart’s alt text in French with --lang fr, quoting comparison.csv with the decimal comma', async () => {
    const french = await curriculumCommand({ ...base, profile: HUST, lang: 'fr', out: join(dir, 'fr') });
    const structure = await readPdfStructure(readFileSync(french.files.pdf));
    expect(structure.lang).toBe('fr-FR');
    const [figure] = structure.figures;
    expect(structure.figures).toHaveLength(1);
    expect(figure!.alt).toBe(curriculumChartAltText(french.comparison, translator('fr')).text);
    expect(figure!.alt).toMatch(/^Graphique à points de la demande de l’industrie/);
    for (const words of ['Dot chart', 'Largest difference', 'confidence intervals', 'against']) expect(figure!.alt).not.toContain(words);
    // The largest difference, from the French comparison.csv (same numbers, French labels), printed "4,47"-style.
    const frenchCsv = parseOwnCsv(readFileSync(french.files.csv, 'utf8'));
    const at = (name: string) => frenchCsv.header.indexOf(name);
    const largest = frenchCsv.records.filter((record) => record[at('coverage')] !== '' && record[at('demand_mean')] !== '').sort((a, b) => Number(b[at('gap')]) - Number(a[at('gap')]))[0]!;
    const comma = (value: string) => Number(value).toFixed(2).replace('.', ',');
    expect(figure!.alt).toContain(`Plus grande différence : ${largest[at('label')]}, demande ${comma(largest[at('demand_mean')]!)} contre couverture ${comma(largest[at('coverage')]!)}.`);
    expect(figure!.alt.match(/\d\.\d\d(?!\d)/g) ?? []).toEqual([]);
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
