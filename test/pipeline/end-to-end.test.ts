/**
 * The whole pipeline on the bundled 2022 sample wave, into a temporary folder, as `npm start` runs
 * it: every output is written, the PDF reads back with the largest gap in it, a second run skips
 * every stage, and changing a raw export reruns from ingest.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { runCommand } from '../../commands/run-command.ts';
import { REPO_ROOT } from '../../runner/context.ts';
import { parseOwnCsv } from '../../io/csv-read.ts';
import { readPdf } from '../helpers/read-pdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import type { CompetencyFramework } from '../../contracts/types.ts';
import { createContext } from '../../runner/context.ts';
import { buildReportInput } from '../../stages/render/render-run.ts';
import { writeExecutiveSummary } from '../../stages/render/executive-summary.ts';

const quiet = () => {};

/** The part of datapackage-js (npm `datapackage`, no typings) used here. */
interface FrictionlessResource {
  name: string;
  descriptor: { path: string; schema: { primaryKey: string[]; missingValues: string[] } };
  read(options: { keyed: boolean }): Promise<unknown[]>;
}
interface FrictionlessPackageClass {
  load(descriptor: string): Promise<{ valid: boolean; errors: unknown[]; resources: FrictionlessResource[]; getResource(name: string): FrictionlessResource | null }>;
}

describe('skillgap run on the 2022 sample wave', () => {
  const out = useTempDir();
  const waveOut = join(out, '2022');
  let first: Awaited<ReturnType<typeof runCommand>>;
  beforeAll(async () => {
    first = await runCommand({ wave: '2022', out, log: quiet });
  }, 300_000); // a full run, framework roll-ups and chapter included, on a loaded machine

  it('runs the four stages and writes every output', () => {
    expect(first.stages.map((s) => [s.stage, s.ran])).toEqual([
      ['ingest', true], ['normalise', true], ['analyse', true], ['render', true],
    ]);
    // each stage reports the process's RSS high-water mark at its end: present, plausible, never falling
    const marks = first.stages.map((s) => s.peakRssMb ?? 0);
    expect(Math.min(...marks)).toBeGreaterThan(20);
    expect(marks).toEqual([...marks].sort((a, b) => a - b));
    for (const file of [
      'manifest.json', 'report.pdf', 'normalised/respondents.csv', 'normalised/answers.csv', 'quality/audit.csv',
      'analysis/estimates.csv', 'analysis/tests.csv', 'analysis/rankings.csv', 'analysis/datapackage.json',
      'figures/gap-heatmap.vl.json', 'figures/gap-heatmap.svg', 'figures/gap-heatmap.png',
    ]) expect(existsSync(join(waveOut, file)), file).toBe(true);
  });

  it('analysis/datapackage.json is a valid Frictionless tabular data package: its files exist, every row fits its Table Schema and primary key', async () => {
    // datapackage-js, the Frictionless Data JavaScript library: the descriptor against the
    // tabular-data-package profile (JSON Schema), then each resource read and cast by tableschema-js,
    // which also refuses a repeated primary key.
    const { Package } = createRequire(import.meta.url)('datapackage') as { Package: FrictionlessPackageClass };
    const descriptorPath = join(waveOut, 'analysis', 'datapackage.json');
    const descriptor = JSON.parse(readFileSync(descriptorPath, 'utf8'));
    const dataPackage = await Package.load(descriptorPath);
    expect(dataPackage.errors.map(String)).toEqual([]);
    expect(dataPackage.valid).toBe(true);
    expect(descriptor.resources.map((resource: { path: string }) => resource.path).sort()).toEqual(
      readdirSync(join(waveOut, 'analysis')).filter((file) => file.endsWith('.csv')).sort(),
    );
    for (const resource of dataPackage.resources) {
      expect(resource.descriptor.schema.primaryKey.length, resource.name).toBeGreaterThan(0);
      expect(resource.descriptor.schema.missingValues).toEqual(['']);
      const rows = await resource.read({ keyed: true });
      expect(rows.length, resource.name).toBe(parseOwnCsv(readFileSync(join(waveOut, 'analysis', resource.descriptor.path), 'utf8')).records.length);
    }
    // The check can fail: a repeated estimates row breaks the primary key.
    const copy = join(out, 'broken-package');
    cpSync(join(waveOut, 'analysis'), copy, { recursive: true });
    const estimates = readFileSync(join(copy, 'estimates.csv'), 'utf8').split('\n');
    writeFileSync(join(copy, 'estimates.csv'), [...estimates.slice(0, 2), estimates[1], ...estimates.slice(2)].join('\n'));
    const broken = (await Package.load(join(copy, 'datapackage.json'))).getResource('estimates')!;
    await expect(broken.read({ keyed: true })).rejects.toThrow(/unique constraint/i);
  }, 120_000);

  it('keeps a manifest with input hashes, package versions and rows per stage', () => {
    const manifest = JSON.parse(readFileSync(join(waveOut, 'manifest.json'), 'utf8'));
    expect(manifest.inputs.map((i: { file: string }) => i.file)).toContain('data/raw/2022/industry-qualtrics.csv');
    expect(manifest.inputs.every((i: { sha256: string }) => /^[0-9a-f]{64}$/.test(i.sha256))).toBe(true);
    expect(manifest.packageVersions.pdfkit).toBe('0.20.2');
    const audit = parseOwnCsv(readFileSync(join(waveOut, 'quality/audit.csv'), 'utf8')).records;
    expect(manifest.stages.ingest.rowsOut).toBe(audit.length);
    expect(manifest.stages.normalise.rowsOut).toBe(audit.filter((row) => row[3] === 'kept').length);
    for (const stage of ['ingest', 'normalise', 'analyse', 'render']) expect(manifest.stages[stage].wallSeconds).toBeGreaterThan(0);
  });

  it('writes a PDF whose text names the competency with the largest global preparedness gap', async () => {
    const { header, records } = parseOwnCsv(readFileSync(join(waveOut, 'analysis/estimates.csv'), 'utf8'));
    const col = (name: string) => header.indexOf(name);
    const gaps = records.filter((r) => r[col('region')] === 'Global' && r[col('measure')] === 'gap_preparedness' && r[col('mean')] !== '');
    const largest = gaps.reduce((a, b) => (Number(b[col('mean')]) > Number(a[col('mean')]) ? b : a));
    const framework = JSON.parse(readFileSync(join(REPO_ROOT, 'data/competencies.json'), 'utf8')) as CompetencyFramework;
    const label = framework.competencies.find((c) => c.id === largest[col('competency')])!.label;
    const pdf = await readPdf(readFileSync(join(waveOut, 'report.pdf')));
    expect(pdf.pageCount).toBeGreaterThanOrEqual(4);
    expect(pdf.text.replace(/\s+/g, ' ')).toContain(label);
    expect(pdf.text).toContain('Türkiye');
    expect(pdf.text).toContain("Côte d'Ivoire");
  });

  it('quotes in the executive summary only numbers that are in the analysis outputs', async () => {
    const table = (file: string) => {
      const { header, records } = parseOwnCsv(readFileSync(join(waveOut, file), 'utf8'));
      return records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    };
    // The summary speaks of the region and Global estimates; the country rows (country as a domain) follow them in the file.
    const estimates = table('analysis/estimates.csv').filter((e) => e.country === '');
    const rankings = table('analysis/rankings.csv');
    const respondents = table('normalised/respondents.csv');
    const summary = writeExecutiveSummary(await buildReportInput(createContext({ wave: '2022', out, log: quiet })));
    const pdf = await readPdf(readFileSync(join(waveOut, 'report.pdf')));
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    const summaryPage = flat(pdf.pages.find((page) => page.includes('Executive summary') && !page.includes('Contents'))!);
    for (const paragraph of summary.paragraphs) expect(summaryPage).toContain(flat(paragraph));
    expect(summary.quoted.length).toBeGreaterThan(8);
    for (const quoted of summary.quoted) {
      const gap = /^(.+) gap (.+)$/.exec(quoted.what);
      const mwds = /^MWDS (.+)$/.exec(quoted.what);
      let source: number;
      if (gap) {
        const row = estimates.find((e) => e.region === gap[1] && e.competency === gap[2] && e.measure === 'gap_preparedness')!;
        source = Number(row.mean);
      } else if (mwds) source = Number(rankings.find((r) => r.region === 'Global' && r.competency === mwds[1])!.mwds);
      else if (quoted.what === 'industry respondents' || quoted.what === 'education respondents') {
        source = respondents.filter((r) => `${r.population} respondents` === quoted.what).length;
      } else if (quoted.what === 'countries') source = new Set(respondents.map((r) => r.country).filter((country) => country !== '')).size; // unknown country is not a country (issue 12)
      else if (quoted.what === 'estimates') source = estimates.length;
      else if (quoted.what.endsWith(' suppressions')) {
        const flags = { 'primary suppressions': ['suppressed_small_n', 'suppressed_low_effective_n'], 'secondary suppressions': ['suppressed_secondary'], 'derived suppressions': ['suppressed_derived'] }[quoted.what]!;
        source = estimates.filter((e) => e.suppressed === 'true' && flags.includes(e.flag)).length;
      }
      else throw new Error(`untraced number in the executive summary: ${quoted.what}`);
      expect(quoted.value, quoted.what).toBe(source);
      expect(summaryPage).toContain(quoted.text);
    }
  });

  it('skips every stage on a second run, and says so', async () => {
    const lines: string[] = [];
    const second = await runCommand({ wave: '2022', out, log: (line) => lines.push(line) });
    expect(second.stages.every((s) => !s.ran)).toBe(true);
    expect(lines.filter((l) => /up to date, skipped/.test(l))).toHaveLength(4);
  });
});

describe('staleness from content hashes', () => {
  const dir = useTempDir();
  const waveDir = join(dir, 'wave');
  const out = join(dir, 'out');
  beforeAll(() => cpSync(join(REPO_ROOT, 'data/raw/2022'), waveDir, { recursive: true }));

  it('reruns from ingest when a raw export changes, and only the stages after a changed stage', async () => {
    const config = join(waveDir, 'wave.json');
    await runCommand({ config, out, log: quiet });
    const file = join(waveDir, 'education-limesurvey.csv');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/Very important/, 'Very  important')); // same meaning, different bytes
    const again = await runCommand({ config, out, log: quiet });
    expect(again.stages[0]).toMatchObject({ stage: 'ingest', ran: true, reason: expect.stringContaining('input changed: ') });
    expect(again.stages.map((s) => s.ran)).toEqual([true, true, true, true]);
    const forced = await runCommand({ config, out, log: quiet, force: true });
    expect(forced.stages.every((s) => s.ran && s.reason === 'forced')).toBe(true);
  }, 300_000); // three full runs, each with the framework roll-ups and their report chapter
});
