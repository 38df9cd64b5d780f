/**
 * The conventions every `skillgap` command keeps, checked by spawning the command line as a user
 * does: --help on every command and subcommand (exit 0, nothing run), --version, one --json result
 * shape on success and on failure (validated against the JSON Schema below, which the README
 * documents), --config and --out meaning the same for every command, `status` and `figures` working
 * on the last run's wave and naming it, and `run` ending with the report's path.
 */
import { describe, expect, it, beforeAll, vi, afterEach } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { COMMANDS, main } from '../../commands/cli.ts';
import { REPO_ROOT } from '../../runner/context.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

interface CliResult { code: number | null; stdout: string; stderr: string }

/** Spawns bin/skillgap.js (asynchronously, so independent commands run side by side). */
function skillgap(args: string[], cwd = REPO_ROOT): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/skillgap.js'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The --json result shape, as the README documents it. */
const RESULT_SCHEMA = {
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['ok', 'command', 'wave', 'result', 'warnings'],
      properties: {
        ok: { const: true },
        command: { type: 'string', minLength: 1 },
        wave: { type: ['string', 'null'] },
        result: {},
        warnings: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['message'],
            properties: { message: { type: 'string' }, code: { type: 'string' }, file: { type: 'string' }, row: { type: 'integer' }, column: { type: 'string' } },
          },
        },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['ok', 'command', 'error', 'exitCode'],
      properties: {
        ok: { const: false },
        command: { type: ['string', 'null'] },
        exitCode: { enum: [1, 2, 3] },
        error: {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'message'],
          properties: {
            kind: { enum: ['validation', 'usage', 'write', 'bug'] },
            message: { type: 'string', minLength: 1 },
            file: { type: 'string' },
            row: { type: 'integer' },
            column: { type: 'string' },
            problems: { type: 'array', items: { type: 'object', required: ['message'] } },
          },
        },
      },
    },
  ],
};
const validateResult = new Ajv({ allErrors: true }).compile(RESULT_SCHEMA);

/** Parses a --json stdout, checks it against the schema and that a failure carries the process's exit code. */
function jsonResult(run: CliResult) {
  const parsed = JSON.parse(run.stdout) as { ok: boolean; command: string | null; wave?: string | null; result?: any; warnings?: any[]; error?: any; exitCode?: number };
  expect(validateResult(parsed), JSON.stringify(validateResult.errors)).toBe(true);
  expect(parsed.ok ? 0 : parsed.exitCode).toBe(run.code);
  return parsed;
}

const WAVE_2022 = join(REPO_ROOT, 'data/raw/2022/wave.json');
const WAVE_2023 = join(REPO_ROOT, 'data/raw/2023/wave.json');
const HUST = join(REPO_ROOT, 'data/templates/curriculum-profile.example-hust.csv');

describe('--help and --version', () => {
  const empty = useTempDir('skillgap-help-');

  it('prints the usage of every command and subcommand, exit 0, without running anything', async () => {
    const names = Object.keys(COMMANDS);
    expect(names).toEqual(expect.arrayContaining(['run', 'ingest', 'normalise', 'analyse', 'render', 'status', 'figures', 'validate', 'codebook init', 'compare', 'curriculum', 'generate-samples']));
    // Run from an empty folder: a command that ran would create out/ (or data files) there.
    const runs = await Promise.all(names.map((name) => skillgap([...name.split(' '), name === 'run' ? '-h' : '--help'], empty)));
    names.forEach((name, i) => {
      const run = runs[i]!;
      expect(run.code, `${name} --help`).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^usage: skillgap ${name}\\b`));
      for (const option of Object.keys(COMMANDS[name]!.options)) expect(run.stdout, `${name} --help names --${option}`).toContain(`--${option}`);
      // --out is a folder for every command that has it (codebook init's too: <DIR>/codebook.json).
      if ('out' in COMMANDS[name]!.options) {
        expect(run.stdout, `${name}: --out DIR`).toMatch(/\n {2}--out DIR {2,}/);
        expect(run.stdout, `${name}: no --out FILE`).not.toMatch(/--out FILE/);
      }
      expect(run.stdout).toContain('--help');
    });
    expect(readdirSync(empty)).toEqual([]);
  });

  it('prints the help of a command with subcommands, and `help <command>` is the same as `<command> --help`', async () => {
    const [group, helpRun, runHelp, bare, unknown] = await Promise.all([
      skillgap(['codebook', '--help'], empty), skillgap(['help', 'run'], empty), skillgap(['run', '--help'], empty), skillgap(['codebook'], empty), skillgap(['codebook', 'frobnicate'], empty),
    ]);
    expect(group.code).toBe(0);
    expect(group.stdout).toMatch(/^usage: skillgap codebook <subcommand>/);
    expect(group.stdout).toMatch(/\n {2}init {2,}draft a codebook/);
    expect(helpRun.code).toBe(0);
    expect(helpRun.stdout).toBe(runHelp.stdout);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/"codebook" needs a subcommand: "codebook init"/);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown subcommand "codebook frobnicate"/);
  });

  it('prints the version of package.json with --version and -V', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const [long, short, json] = await Promise.all([skillgap(['--version'], empty), skillgap(['-V'], empty), skillgap(['--version', '--json'], empty)]);
    expect(long).toMatchObject({ code: 0, stdout: `${version}\n` });
    expect(short).toMatchObject({ code: 0, stdout: `${version}\n` });
    expect(jsonResult(json)).toEqual({ ok: true, command: 'version', wave: null, result: { version }, warnings: [] });
  });
});

describe('--json on failure', () => {
  const dir = useTempDir('skillgap-json-fail-');

  it('gives every command the same failure shape for bad usage, exit 2', async () => {
    const names = Object.keys(COMMANDS);
    const runs = await Promise.all(names.map((name) => skillgap([...name.split(' '), '--no-such-option', '--json'], dir)));
    names.forEach((name, i) => {
      const result = jsonResult(runs[i]!);
      expect(result).toMatchObject({ ok: false, command: name, error: { kind: 'usage' }, exitCode: 2 });
      expect(result.error.message).toMatch(/--no-such-option/);
    });
    const unknown = jsonResult(await skillgap(['frobnicate', '--json'], dir));
    expect(unknown).toMatchObject({ ok: false, command: 'frobnicate', error: { kind: 'usage', message: expect.stringMatching(/unknown command "frobnicate"/) }, exitCode: 2 });
  });

  it('names the file and column of bad input (validation, exit 1) and the file of a failed write (write, exit 1)', async () => {
    const waveDir = join(dir, 'broken');
    cpSync(join(REPO_ROOT, 'data/raw/2022'), waveDir, { recursive: true });
    const file = join(waveDir, 'education-limesurvey.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"country"', '"land"'));
    const notAFolder = join(dir, 'not-a-folder');
    writeFileSync(notAFolder, 'a file where the out folder should be\n');
    const [validate, curriculum, write] = await Promise.all([
      skillgap(['validate', '--config', join(waveDir, 'wave.json'), '--json'], dir),
      skillgap(['curriculum', '--profile', join(dir, 'no-such-profile.csv'), '--config', WAVE_2022, '--out', join(dir, 'out'), '--json'], dir),
      skillgap(['run', '--wave', '2022', '--out', notAFolder, '--json'], dir),
    ]);
    const validation = jsonResult(validate);
    expect(validation).toMatchObject({ ok: false, command: 'validate', error: { kind: 'validation' }, exitCode: 1 });
    const problems = validation.error.problems ?? [validation.error];
    expect(problems).toContainEqual(expect.objectContaining({ file: expect.stringMatching(/education-limesurvey\.csv$/), column: 'country' }));
    expect(jsonResult(curriculum)).toMatchObject({ ok: false, command: 'curriculum', exitCode: expect.any(Number) });
    expect(jsonResult(write)).toMatchObject({ ok: false, command: 'run', error: { kind: 'write', file: join(notAFolder, '2022') }, exitCode: 1 });
  });

  describe('an internal error', () => {
    afterEach(() => {
      vi.restoreAllMocks();
      delete COMMANDS['test-bug'];
    });

    it('is kind "bug" with exit 3, and never a stack trace', async () => {
      COMMANDS['test-bug'] = { summary: 'fails as a bug would', usage: 'skillgap test-bug', options: { json: { type: 'boolean' } }, handler: async () => ((undefined as unknown as { x: number }).x, { wave: null, result: null }) };
      const stdout: string[] = [];
      const stderr: string[] = [];
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
      const code = await main(['test-bug', '--json']);
      vi.restoreAllMocks();
      expect(code).toBe(3);
      expect(jsonResult({ code, stdout: stdout.join(''), stderr: '' })).toMatchObject({ ok: false, command: 'test-bug', error: { kind: 'bug', message: expect.stringMatching(/undefined/) }, exitCode: 3 });
      expect(stderr.join('')).toMatch(/internal error: .*\nThis is a bug in skillgap/);
      expect(stderr.join('')).not.toMatch(/\n\s+at /);
    });
  });
});

describe('one wave run, then every command on it', () => {
  const home = useTempDir('skillgap-cli-home-');
  const elsewhere = useTempDir('skillgap-cli-elsewhere-');
  const out = join(home, 'out');
  let run: CliResult;

  beforeAll(async () => {
    // As `npm start` does, from the folder the user is in: no --out, so the wave goes to ./out/2022.
    run = await skillgap(['run', '--wave', '2022', '--json'], home);
  }, 300_000);

  it('run: the --json result, the last run recorded, and the path of the report as the last line', () => {
    const result = jsonResult(run);
    expect(result).toMatchObject({ ok: true, command: 'run', wave: '2022' });
    expect(result.result.stages.map((s: { stage: string; ran: boolean }) => [s.stage, s.ran])).toEqual([['ingest', true], ['normalise', true], ['analyse', true], ['render', true]]);
    expect(result.result.report).toEqual({ pdf: join(out, '2022', 'report.pdf'), html: join(out, '2022', 'report.html') });
    expect(readFileSync(join(out, '2022', 'report.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Every warning of the stages that ran is in the manifest, and the result lists the same ones.
    const manifest = JSON.parse(readFileSync(join(out, '2022', 'manifest.json'), 'utf8')) as { stages: Record<string, { warnings: unknown[] }> };
    expect(result.warnings).toEqual(Object.values(manifest.stages).flatMap((stage) => stage.warnings));
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('report: out/2022/report.pdf (and out/2022/report.html)');
    expect(JSON.parse(readFileSync(join(out, '.last-run.json'), 'utf8'))).toEqual({ wave: '2022', config: null, command: 'run' });
  });

  it('status and figures use the last run\'s wave by default and name it', async () => {
    // The newest wave under data/raw is 2023: the default must come from out/.last-run.json, not from there.
    const [statusText, statusJson, figures] = await Promise.all([
      skillgap(['status'], home),
      skillgap(['status', '--json'], home),
      skillgap(['figures', '--only', 'gap-heatmap', '--format', 'vl', '--json'], home),
    ]);
    expect(statusText.code).toBe(0);
    expect(statusText.stderr).toMatch(/^status of wave 2022 \(the last run's, from out\/\.last-run\.json/m);
    expect(statusText.stderr).toMatch(/^render: up to date/m);
    expect(jsonResult(statusJson)).toMatchObject({ ok: true, command: 'status', wave: '2022', result: { waveFrom: 'last-run' } });
    expect(figures.stderr).toMatch(/^figures of wave 2022 \(the last run's/m);
    expect(jsonResult(figures)).toMatchObject({ ok: true, command: 'figures', wave: '2022', result: { waveFrom: 'last-run', figures: ['gap-heatmap'] } });
    // Without a record, they say they took the newest wave under data/raw.
    const fresh = await skillgap(['status', '--json'], elsewhere);
    expect(jsonResult(fresh)).toMatchObject({ ok: true, wave: '2023', result: { waveFrom: 'newest' } });
    expect(fresh.stderr).toMatch(/^status of wave 2023 \(the newest under data\/raw: no run recorded/m);
  });

  it('status, figures, the stages and validate take the wave given by --config, and --out as the base folder', async () => {
    const [status2023, figures2022, analyse, validate] = await Promise.all([
      skillgap(['status', '--config', WAVE_2023, '--out', out, '--json'], elsewhere),
      skillgap(['figures', '--config', WAVE_2022, '--out', out, '--only', 'ipa-quadrants', '--format', 'svg', '--wait', '--json'], elsewhere),
      skillgap(['analyse', '--config', WAVE_2022, '--out', out, '--wait', '--json'], elsewhere),
      skillgap(['validate', '--config', WAVE_2022, '--json'], elsewhere),
    ]);
    expect(jsonResult(status2023)).toMatchObject({ ok: true, command: 'status', wave: '2023', result: { waveFrom: 'option', outDir: join(out, '2023') } });
    expect(jsonResult(figures2022)).toMatchObject({ ok: true, command: 'figures', wave: '2022', result: { waveFrom: 'option', figures: ['ipa-quadrants'] } });
    expect(existsSync(join(out, '2022', 'figures', 'ipa-quadrants.svg'))).toBe(true);
    const stage = jsonResult(analyse);
    expect(stage).toMatchObject({ ok: true, command: 'analyse', wave: '2022', warnings: [] });
    expect(stage.result.stages).toEqual([{ stage: 'analyse', ran: false, reason: 'up to date' }]);
    const validation = jsonResult(validate);
    expect(validation).toMatchObject({ ok: true, command: 'validate', wave: '2022' });
    expect(validation.result.files.map((f: { sourceId: string }) => f.sourceId)).toEqual(['industry-qualtrics', 'education-limesurvey']);
    expect(validation.warnings).toEqual(validation.result.files.flatMap((f: { file: string; warnings: string[] }) => f.warnings.map((message) => ({ message, file: f.file }))));
    // Nothing was written where the commands ran.
    expect(readdirSync(elsewhere)).toEqual([]);
    // The last run stays the one of `run` (the stage command ran the same wave).
    expect(JSON.parse(readFileSync(join(out, '.last-run.json'), 'utf8'))).toMatchObject({ wave: '2022', config: WAVE_2022, command: 'analyse' });
  });

  it('curriculum --config … --out DIR uses the wave under DIR and never writes ./out', async () => {
    const before = JSON.parse(readFileSync(join(out, '2022', 'manifest.json'), 'utf8')) as { stages: Record<string, { wallSeconds: number }> };
    const cwd = join(elsewhere, 'curriculum-cwd');
    mkdirSync(cwd);
    const curriculum = await skillgap(['curriculum', '--profile', HUST, '--config', WAVE_2022, '--out', out, '--json'], cwd);
    const result = jsonResult(curriculum);
    expect(result).toMatchObject({ ok: true, command: 'curriculum', wave: '2022' });
    expect(result.result.outDir.startsWith(join(out, '2022', 'curriculum') + '/')).toBe(true);
    expect(readFileSync(result.result.files.pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(readdirSync(cwd)).toEqual([]);
    // The wave's analysis under --out was up to date: no stage reran (their records are unchanged).
    const after = JSON.parse(readFileSync(join(out, '2022', 'manifest.json'), 'utf8')) as typeof before;
    for (const stage of ['ingest', 'normalise', 'analyse'] as const) expect(after.stages[stage]!.wallSeconds).toBe(before.stages[stage]!.wallSeconds);
  });

  it('compare takes its two waves by --config, and codebook init prints only the result with --json', async () => {
    const [compare, codebook] = await Promise.all([
      skillgap(['compare', '--config', WAVE_2022, '--config', WAVE_2023, '--json'], home),
      skillgap(['codebook', 'init', '--from', join(REPO_ROOT, 'data/raw/2022/industry-qualtrics.csv'), '--json'], elsewhere),
    ]);
    const compared = jsonResult(compare);
    expect(compared).toMatchObject({ ok: true, command: 'compare', wave: '2022,2023', result: { previousWave: '2022', wave: '2023', dir: join(out, 'compare', '2022-2023') } });
    // The warnings are in the envelope only, not twice.
    expect(compared.result).not.toHaveProperty('warnings');
    expect(readFileSync(join(out, 'compare', '2022-2023', 'wave-change.csv'), 'utf8').split('\n').length - 2).toBe(compared.result.changes);
    // compare brings both waves up to date but is not a run: the last run stays 2022.
    expect(JSON.parse(readFileSync(join(out, '.last-run.json'), 'utf8')).wave).toBe('2022');
    const drafted = jsonResult(codebook);
    expect(drafted).toMatchObject({ ok: true, command: 'codebook init', wave: null, result: { wave: 'draft' } });
    expect(drafted.result.sources[0].items.length).toBeGreaterThan(0);
    const mixed = jsonResult(await skillgap(['compare', '--waves', '2022,2023', '--config', WAVE_2022, '--json'], elsewhere));
    expect(mixed).toMatchObject({ ok: false, command: 'compare', error: { kind: 'usage', message: expect.stringMatching(/either as --waves A,B or as two --config/) }, exitCode: 2 });
  }, 300_000);
});
