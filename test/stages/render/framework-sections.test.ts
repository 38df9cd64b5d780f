/**
 * The framework sections on real runs of the 2022 sample wave (into temporary folders):
 * - the numbers the report prints for every framework equal analysis/framework-estimates.csv;
 * - the figures' data equal the CSV, suppressed cells carry no value;
 * - `skillgap figures --only <framework figure>` draws it;
 * - a wave pointing at its own framework file (wave.json → frameworks) gets a report in that
 *   framework's units only.
 */
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runWave } from '../../../api/run-wave.ts';
import { figuresCommand } from '../../../commands/figures-command.ts';
import { REPO_ROOT } from '../../../runner/context.ts';
import { numberCell, parseOwnCsv } from '../../../io/csv-read.ts';
import { FRAMEWORK_ESTIMATE_COLUMNS } from '../../../stages/analyse/describe-framework-tables.ts';
import { formatEstimate, formatInterval } from '../../../stages/render/format.ts';
import { formatRank } from '../../../stages/render/framework-sections.ts';
import { readPdf } from '../../helpers/read-pdf.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

type CsvRow = Record<(typeof FRAMEWORK_ESTIMATE_COLUMNS)[number], string>;

function readFrameworkCsv(file: string): CsvRow[] {
  const { header, records } = parseOwnCsv(readFileSync(file, 'utf8'));
  expect(header).toEqual([...FRAMEWORK_ESTIMATE_COLUMNS]);
  return records.map((record) => Object.fromEntries(header.map((name, index) => [name, record[index]])) as CsvRow);
}

/** Whether `needles` occur in `text` in this order (the PDF draws a table row by row, cell by cell); line breaks inside a cell are ignored. */
function inOrder(text: string, needles: string[]): boolean {
  let at = 0;
  text = text.replace(/\s+/g, '');
  for (const needle of needles.map((value) => value.replace(/\s+/g, ''))) {
    const found = text.indexOf(needle, at);
    if (found < 0) return false;
    at = found + needle.length;
  }
  return true;
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('framework sections of the 2022 report', () => {
  const out = useTempDir('skillgap-frameworks-');
  let rows: CsvRow[];
  let pdfText: string;
  beforeAll(async () => {
    await runWave({ wave: '2022', out });
    rows = readFrameworkCsv(join(out, '2022', 'analysis', 'framework-estimates.csv'));
    pdfText = squash((await readPdf(readFileSync(join(out, '2022', 'report.pdf')))).text);
  }, 600_000);

  it('writes framework-estimates.csv for the four built-in frameworks, described in datapackage.json', () => {
    expect([...new Set(rows.map((row) => row.framework))]).toEqual(['nice', 'ecsf', 'csec2017', 'cybok']);
    // 7 measures per unit × region (and Global).
    const perFramework = (id: string) => rows.filter((row) => row.framework === id).length;
    const blocks = new Set(rows.map((row) => row.region)).size;
    expect(perFramework('csec2017')).toBe(8 * 7 * blocks);
    expect(perFramework('ecsf')).toBe(11 * 7 * blocks); // the Cybersecurity Educator profile has no competency
    const descriptor = JSON.parse(readFileSync(join(out, '2022', 'analysis', 'datapackage.json'), 'utf8')) as { resources: { name: string; path: string; schema: { fields: { name: string }[] } }[] };
    const resource = descriptor.resources.find((candidate) => candidate.name === 'framework-estimates')!;
    expect(resource.path).toBe('framework-estimates.csv');
    expect(resource.schema.fields.map((field) => field.name)).toEqual([...FRAMEWORK_ESTIMATE_COLUMNS]);
    // Suppressed cells carry no value in the CSV.
    const suppressed = rows.filter((row) => row.suppressed === 'true');
    expect(suppressed.length).toBeGreaterThan(0);
    for (const row of suppressed) expect([row.mean, row.se, row.ci_low, row.ci_high, row.mwds, row.p_value]).toEqual(['', '', '', '', '', '']);
  });

  it('prints, for every framework and unit, the Global MWDS, rank interval and three gaps of framework-estimates.csv', () => {
    const chapter = pdfText.slice(pdfText.lastIndexOf('Results by framework'), pdfText.lastIndexOf('Competency key'));
    for (const [framework, heading] of [['nice', 'NICE Workforce Framework for Cybersecurity'], ['ecsf', 'European Cybersecurity Skills Framework (ECSF)'], ['csec2017', 'Cybersecurity Curricula 2017 (CSEC2017)'], ['cybok', 'Cyber Security Body of Knowledge (CyBOK)']]) {
      expect(chapter).toContain(heading);
      const section = chapter.slice(chapter.indexOf(heading));
      const global = (unit: string, measure: string) => rows.find((row) => row.framework === framework && row.unit === unit && row.region === 'Global' && row.measure === measure)!;
      const gap = (row: CsvRow) => [formatEstimate(numberCell(row.mean)), formatInterval(numberCell(row.ci_low), numberCell(row.ci_high))];
      const ranked = rows
        .filter((row) => row.framework === framework && row.region === 'Global' && row.measure === 'gap_preparedness' && row.rank !== '')
        .sort((a, b) => numberCell(a.rank) - numberCell(b.rank));
      expect(ranked.length).toBeGreaterThan(5);
      const expected = ranked.flatMap((row) => [
        formatEstimate(numberCell(row.mwds)),
        `${formatRank(numberCell(row.rank))} (${formatRank(numberCell(row.rank_ci_low))}–${formatRank(numberCell(row.rank_ci_high))})`,
        ...gap(row), ...gap(global(row.unit, 'gap_curriculum')), ...gap(global(row.unit, 'gap_education')),
      ]);
      expect(inOrder(section, expected), `${framework}: the table does not show the CSV's numbers in rank order`).toBe(true);
    }
    expect(chapter).toContain('No competency of the survey maps to: Cybersecurity Educator');
    expect(chapter).toMatch(/Competencies with no home in CyBOK \(the reason for each is in the crosswalk\): Communication \(oral and written\); Teamwork/);
  });

  it('draws the heatmaps and rankings from the same numbers; suppressed cells show only the marker', () => {
    const figures = join(out, '2022', 'figures');
    for (const framework of ['nice', 'ecsf', 'csec2017', 'cybok']) {
      const cells = JSON.parse(readFileSync(join(figures, `framework-heatmap-${framework}.vl.json`), 'utf8')).data.values as { region: string; unit: string; gap: number | null; n: number | null; suppressed: boolean }[];
      const source = rows.filter((row) => row.framework === framework && row.measure === 'gap_preparedness');
      expect(cells).toHaveLength(source.length);
      cells.forEach((cell, index) => {
        const row = source[index];
        expect(cell.region).toBe(row.region);
        if (row.suppressed === 'true') expect(cell).toMatchObject({ gap: null, n: null, suppressed: true });
        else expect(Math.abs(cell.gap! - numberCell(row.mean))).toBeLessThanOrEqual(0.0005 + 1e-12); // rounded to 3 decimals for the chart
      });
      const ranking = JSON.parse(readFileSync(join(figures, `framework-ranking-${framework}.vl.json`), 'utf8')).data.values as { rank: number; mwdsText: string }[];
      const ranked = source.filter((row) => row.region === 'Global' && row.rank !== '').sort((a, b) => numberCell(a.rank) - numberCell(b.rank));
      expect(ranking.map((row) => row.rank)).toEqual(ranked.map((row) => numberCell(row.rank)));
      expect(ranking[0].mwdsText).toBe(`MWDS ${formatEstimate(numberCell(ranked[0].mwds))}`);
    }
  });

  it('`skillgap figures --only framework-ranking-cybok` draws that figure alone', async () => {
    const result = await figuresCommand({ wave: '2022', out, only: ['framework-ranking-cybok'], formats: ['svg'], log: () => {} });
    expect(result.figures).toEqual(['framework-ranking-cybok']);
    expect(readFileSync(join(out, '2022', 'figures', 'framework-ranking-cybok.svg'), 'utf8')).toContain('<svg');
  });
});

describe('a wave with its own framework file', () => {
  const out = useTempDir('skillgap-custom-framework-');
  const waveDir = useTempDir('skillgap-custom-wave-');
  let rows: CsvRow[];
  let pdfText: string;
  beforeAll(async () => {
    const sampleDir = join(REPO_ROOT, 'data', 'raw', '2022');
    const config = JSON.parse(readFileSync(join(sampleDir, 'wave.json'), 'utf8'));
    config.sources = config.sources.map((source: { file: string }) => ({ ...source, file: join(sampleDir, source.file) }));
    config.codebook = join(sampleDir, config.codebook);
    writeFileSync(join(waveDir, 'national.json'), readFileSync(join(REPO_ROOT, 'data', 'frameworks', 'examples', 'example-national.json')));
    config.frameworks = ['national.json'];
    writeFileSync(join(waveDir, 'wave.json'), JSON.stringify(config));
    await runWave({ config: join(waveDir, 'wave.json'), out });
    rows = readFrameworkCsv(join(out, '2022', 'analysis', 'framework-estimates.csv'));
    pdfText = squash((await readPdf(readFileSync(join(out, '2022', 'report.pdf')))).text);
  }, 600_000);

  it('rolls the results up into that framework only, with its own crosswalk (transversal skills included)', () => {
    expect([...new Set(rows.map((row) => row.framework))]).toEqual(['example-national']);
    expect([...new Set(rows.map((row) => row.unit))]).toEqual(['EX-PRO', 'EX-GOV', 'EX-DEF', 'EX-ENG', 'EX-ASR']);
    const professional = rows.find((row) => row.unit === 'EX-PRO' && row.region === 'Global' && row.measure === 'gap_preparedness')!;
    expect(numberCell(professional.rank)).toBeGreaterThanOrEqual(1);
  });

  it('speaks it in the report and the figures: its name, its units, no built-in framework', () => {
    const chapter = pdfText.slice(pdfText.lastIndexOf('Results by framework'), pdfText.lastIndexOf('Competency key'));
    expect(chapter).toContain('Example national cybersecurity skills framework');
    expect(chapter).toContain('EX-DEF Detection and response');
    expect(chapter).toContain('No competency of the survey maps to: EX-OT Operational technology security');
    expect(chapter).toMatch(/Example NSF: skill areas ranked by need/);
    expect(pdfText).not.toContain('NICE Workforce Framework');
    const figures = readdirSync(join(out, '2022', 'figures')).filter((file) => file.startsWith('framework-') && file.endsWith('.vl.json'));
    expect(figures.sort()).toEqual(['framework-heatmap-example-national.vl.json', 'framework-ranking-example-national.vl.json']);
  });
});
