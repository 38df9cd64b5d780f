/**
 * The `skillgap` command line: every command is declared here, with a lazily loaded handler that
 * takes a typed options object and returns data (so the API and notebooks call the same handlers).
 * This file holds the one error boundary: ValidationError and WriteError → exit 1, UsageError → exit 2,
 * anything else is a bug → exit 3 with the message to report. Progress goes to stderr.
 *
 * Conventions every command keeps:
 *   --help, -h          the command's usage and options on stdout, exit 0; nothing runs
 *   --version, -V       the version from package.json
 *   --wave ID           the wave under data/raw/<ID>/
 *   --config FILE       the wave given by its wave.json, anywhere (instead of --wave)
 *   --out DIR           the base output folder: the wave's outputs are under <DIR>/<wave>/ (default out/)
 *   --json              one result on stdout, the same shape for every command, success or failure:
 *     { "ok": true,  "command", "wave", "result", "warnings": [{ "message", "code"?, "file"?, "row"?, "column"? }] }
 *     { "ok": false, "command", "error": { "kind": "validation|usage|write|bug", "message", "file"?, "row"?, "column"?, "problems"? }, "exitCode" }
 */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, ValidationError, WriteError, EXIT, type InputLocation } from '../contracts/errors.ts';
import * as messages from '../contracts/messages/cli.ts';
import type { StageName } from '../runner/run.ts';

type Values = Record<string, string | boolean | string[] | undefined>;

/** A warning in the --json result: a recoverable problem the command went on with. */
export interface CommandWarning extends InputLocation {
  message: string;
  code?: string;
}

/** What a handler returns: the wave it worked on (null when none), its result, its warnings. */
interface CommandOutcome {
  wave: string | null;
  result: unknown;
  warnings?: CommandWarning[];
}

export type JsonResult =
  | { ok: true; command: string; wave: string | null; result: unknown; warnings: CommandWarning[] }
  | { ok: false; command: string | null; error: { kind: 'validation' | 'usage' | 'write' | 'bug'; message: string; problems?: (InputLocation & { message: string })[] } & InputLocation; exitCode: number };

interface CommandDeclaration {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** One line per option for --help (the options every command shares are described in SHARED_OPTION_HELP). */
  optionHelp?: Record<string, string>;
  /** Whether positional arguments are accepted. */
  positionals?: boolean;
  handler: (values: Values, positionals: string[], io: { json: boolean }) => Promise<CommandOutcome>;
}

const SHARED_OPTION_HELP: Record<string, string> = {
  wave: '--wave ID        the wave under data/raw/<ID>/ (default: the newest there)',
  config: '--config FILE    the wave given by its wave.json, anywhere (instead of --wave)',
  out: '--out DIR        base output folder: the wave\'s outputs are under <DIR>/<wave>/ (default: out/)',
  force: '--force          rerun every stage, up to date or not',
  wait: '--wait           when another run is writing the wave, wait for it instead of exiting 2',
  json: '--json           print one machine-readable result on stdout (the shape is in the README)',
  lang: '--lang LANG      language of the outputs: en, fr, es or pt (default: wave.json\'s "language", else en)',
};
const LAST_RUN_WAVE_HELP = '--wave ID        the wave under data/raw/<ID>/ (default: the wave of the last run, from <out>/.last-run.json)';

const waveOptions = {
  wave: { type: 'string' },
  config: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
} as const;

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const list = (value: unknown) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : undefined);
const strings = (value: unknown) => (Array.isArray(value) ? value.map(String) : undefined);
const waveArgs = (values: Values) => ({ wave: str(values.wave), config: str(values.config), out: str(values.out), lang: str(values.lang) });

async function runOutcome(values: Values, only?: StageName[]): Promise<CommandOutcome> {
  const { runCommand } = await import('./run-command.ts');
  const { warnings, ...result } = await runCommand({ ...waveArgs(values), force: values.force === true, wait: values.wait === true, ...(only ? { only } : {}) });
  return { wave: result.wave, result, warnings };
}

function stageCommand(stage: StageName): CommandDeclaration {
  return {
    summary: `run only the ${stage} stage (skipped when up to date; --force reruns it)`,
    usage: `skillgap ${stage} [--wave ID | --config FILE] [--out DIR] [--lang en|fr|es|pt] [--force] [--wait] [--json]`,
    options: { ...waveOptions, force: { type: 'boolean' }, wait: { type: 'boolean' } },
    handler: (values) => runOutcome(values, [stage]),
  };
}

export const COMMANDS: Record<string, CommandDeclaration> = {
  run: {
    summary: 'run ingest → normalise → analyse → render, skipping stages that are up to date',
    usage: 'skillgap run [--wave ID | --config FILE] [--out DIR] [--lang en|fr|es|pt] [--force] [--wait] [--json]',
    options: { ...waveOptions, force: { type: 'boolean' }, wait: { type: 'boolean' } },
    handler: (values) => runOutcome(values),
  },
  ingest: stageCommand('ingest'),
  normalise: stageCommand('normalise'),
  analyse: stageCommand('analyse'),
  render: stageCommand('render'),
  status: {
    summary: 'say which stages would run, and why (for the wave of the last run unless told otherwise)',
    usage: 'skillgap status [--wave ID | --config FILE] [--out DIR] [--lang en|fr|es|pt] [--json]',
    options: waveOptions,
    optionHelp: { wave: LAST_RUN_WAVE_HELP },
    handler: async (values) => {
      const { statusCommand } = await import('./run-command.ts');
      const result = await statusCommand(waveArgs(values));
      return { wave: result.wave, result };
    },
  },
  figures: {
    summary: 'regenerate figures from the cached analysis (for the wave of the last run unless told otherwise)',
    usage: 'skillgap figures [--wave ID | --config FILE] [--only id,…] [--format svg,png,vl] [--out DIR] [--lang en|fr|es|pt] [--wait] [--json]',
    options: { ...waveOptions, only: { type: 'string' }, format: { type: 'string' }, wait: { type: 'boolean' } },
    optionHelp: {
      wave: LAST_RUN_WAVE_HELP,
      only: '--only ID,…      only these figures (ids as in <out>/<wave>/figures/index.json)',
      format: '--format F,…     only these formats: svg, png, vl (Vega-Lite spec)',
    },
    handler: async (values) => {
      const { figuresCommand } = await import('./figures-command.ts');
      const result = await figuresCommand({ ...waveArgs(values), only: list(values.only), formats: list(values.format), wait: values.wait === true });
      return { wave: result.wave, result };
    },
  },
  profiles: {
    summary: 'one profile (PDF and HTML) per region, and per country with at least k respondents, from the cached analysis',
    usage: 'skillgap profiles [--wave ID] [--level region|country] [--only NAME,…] [--config FILE] [--out DIR] [--lang en|fr|es|pt] [--wait] [--json]',
    options: { wave: waveOptions.wave, config: waveOptions.config, out: waveOptions.out, json: waveOptions.json, lang: waveOptions.lang, level: { type: 'string' }, only: { type: 'string' }, wait: { type: 'boolean' } },
    optionHelp: {
      level: '--level LEVEL    region or country (default: both)',
      only: '--only NAME,…    only these units (names, ISO codes or slugs)',
    },
    handler: async (values) => {
      const { profilesCommand } = await import('./profiles-command.ts');
      const result = await profilesCommand({ ...waveArgs(values), level: str(values.level), only: list(values.only), wait: values.wait === true });
      return { wave: result.wave, result };
    },
  },
  validate: {
    summary: "check a wave's exports (or single files) before running: format, rows, unmapped columns, unknown labels, out-of-range values",
    usage: 'skillgap validate [--wave ID | --config FILE] [--input FILE …] [--json]',
    options: { wave: { type: 'string' }, config: { type: 'string' }, input: { type: 'string', multiple: true }, json: { type: 'boolean' } },
    optionHelp: { input: '--input FILE     check this file (repeatable); with --wave or --config, against the codebook source it fits best' },
    handler: async (values) => {
      const { validateCommand } = await import('./validate-command.ts');
      const result = await validateCommand({ wave: str(values.wave), config: str(values.config), inputs: strings(values.input) });
      const warnings = result.files.flatMap((file) => file.warnings.map((message) => ({ message, file: file.file })));
      return { wave: result.wave ?? null, result, warnings };
    },
  },
  'codebook init': {
    summary: 'draft a codebook from an export by matching question text to the competency framework (a draft to review)',
    usage: 'skillgap codebook init (--from FILE [--population industry|education] [--source ID] | --wave ID | --config FILE) [--dimension Q4=coverage …] [--accept-guesses] [--out DIR [--force]] [--json]',
    options: {
      from: { type: 'string' }, wave: { type: 'string' }, config: { type: 'string' }, population: { type: 'string' }, source: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' },
      'accept-guesses': { type: 'boolean' }, dimension: { type: 'string', multiple: true }, json: { type: 'boolean' },
    },
    optionHelp: {
      from: '--from FILE      draft from this one export',
      wave: '--wave ID        draft from every export of data/raw/<ID>/wave.json',
      population: '--population P   with --from: industry or education (default: guessed from the answers)',
      source: '--source ID      with --from: the source id written into the draft (default: the file name)',
      dimension: '--dimension Q=D  the dimension of question Q (importance, preparedness, coverage) when the export does not say it (repeatable)',
      'accept-guesses': '--accept-guesses put low-confidence guesses into the codebook too (they stay in the review list, marked ACCEPTED)',
      out: '--out DIR        write the draft to <DIR>/codebook.json, e.g. the wave\'s folder next to its wave.json (a folder, as for every command); default: stdout',
      force: '--force          with --out: overwrite an existing <DIR>/codebook.json (kept otherwise: it may hold your review)',
    },
    handler: async (values, _positionals, io) => {
      const { codebookInitCommand } = await import('./codebook-command.ts');
      const result = await codebookInitCommand({
        from: str(values.from), wave: str(values.wave), config: str(values.config), population: str(values.population), source: str(values.source), out: str(values.out), force: values.force === true,
        acceptGuesses: values['accept-guesses'] === true, dimensions: strings(values.dimension),
        // With --json the draft is in the result; stdout holds only the result.
        ...(io.json ? { write: () => {} } : {}),
      });
      return { wave: str(values.wave) || str(values.config) ? result.wave : null, result };
    },
  },
  compare: {
    summary: 'change of every gap between two waves, with CIs and tests, and movements in the top ranks',
    usage: 'skillgap compare (--waves A,B | --config A/wave.json --config B/wave.json) [--out DIR] [--json]',
    options: { waves: { type: 'string' }, config: { type: 'string', multiple: true }, out: { type: 'string' }, json: { type: 'boolean' } },
    optionHelp: {
      waves: '--waves A,B      two waves under data/raw/, earlier first',
      config: '--config FILE    a wave given by its wave.json; twice, earlier wave first (instead of --waves)',
      out: '--out DIR        base output folder: the waves\' outputs are under <DIR>/<wave>/, the comparison under <DIR>/compare/<A>-<B>/ (default: out/)',
    },
    handler: async (values) => {
      const { compareCommand } = await import('./compare-command.ts');
      const { warnings, ...result } = await compareCommand({ waves: list(values.waves), configs: strings(values.config), out: str(values.out) });
      return { wave: `${result.previousWave},${result.wave}`, result, warnings: warnings.map((message) => ({ message })) };
    },
  },
  curriculum: {
    summary: 'compare a curriculum profile with industry demand in its region (PDF, CSV, JSON)',
    usage: 'skillgap curriculum --profile FILE [--profile-row N | --profile-response ID] [--wave ID | --config FILE] [--region auto|NAME] [--framework ID] [--out DIR] [--lang en|fr|es|pt] [--wait] [--json]',
    options: {
      ...waveOptions,
      profile: { type: 'string' }, 'profile-row': { type: 'string' }, 'profile-response': { type: 'string' }, region: { type: 'string' }, framework: { type: 'string' },
      wait: { type: 'boolean' },
    },
    optionHelp: {
      profile: '--profile FILE   the curriculum profile: CSV or JSON, or an education export with --profile-row / --profile-response',
      'profile-row': '--profile-row N  the export row to use (record number, 1 = the first header line)',
      'profile-response': '--profile-response ID  the export row to use, by response id',
      region: '--region R       auto (the region of the institution\'s country, the default), Global, or a region of the wave\'s scheme',
      framework: '--framework ID   also rank the actions per unit of this framework (csec2017, cybok, ecsf, nice)',
      out: '--out DIR        base output folder: the wave\'s outputs are used (and brought up to date) under <DIR>/<wave>/, the comparison goes to <DIR>/<wave>/curriculum/<institution-programme>/ (default: out/)',
    },
    handler: async (values) => {
      const { curriculumCommand } = await import('./curriculum-command.ts');
      const result = await curriculumCommand({
        wave: str(values.wave), config: str(values.config), pipelineOut: str(values.out),
        profile: str(values.profile), profileRow: str(values['profile-row']), profileResponse: str(values['profile-response']),
        region: str(values.region), framework: str(values.framework), wait: values.wait === true, lang: str(values.lang),
      });
      return { wave: result.wave, result };
    },
  },
  'generate-samples': {
    summary: 'regenerate the bundled sample waves (data/raw/2022, data/raw/2023) from their seeds',
    usage: 'skillgap generate-samples [--json]',
    options: { json: { type: 'boolean' } },
    handler: async () => {
      const { writeSampleWaves } = await import('../tools/generate/write-sample-waves.ts');
      const written = writeSampleWaves();
      process.stderr.write(`generate-samples: wrote ${written.length} files\n`);
      return { wave: null, result: { files: written } };
    },
  },
};

/** Two-word commands (`codebook init`) by their first word. */
function subcommandsOf(group: string): string[] {
  return Object.keys(COMMANDS).filter((name) => name.startsWith(`${group} `)).map((name) => name.slice(group.length + 1));
}

export function version(): string {
  // package.json sits one folder above this file's folder.
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

function helpText(): string {
  const lines = ['usage: skillgap <command> [options]', '       skillgap <command> --help', '       skillgap --version', '', 'commands:'];
  for (const [name, command] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(16)} ${command.summary}`);
  lines.push('', 'exit codes: 0 success, 1 bad input data, 2 bad usage, 3 internal error (please report it)');
  return lines.join('\n');
}

function groupHelpText(group: string): string {
  const lines = [`usage: skillgap ${group} <subcommand> [options]`, '', 'subcommands:'];
  for (const sub of subcommandsOf(group)) lines.push(`  ${sub.padEnd(16)} ${COMMANDS[`${group} ${sub}`]!.summary}`);
  lines.push('', `options of a subcommand: skillgap ${group} <subcommand> --help`);
  return lines.join('\n');
}

/** The command's usage, summary and every option it takes. */
export function commandHelpText(name: string): string {
  const command = COMMANDS[name]!;
  const lines = [`usage: ${command.usage}`, '', command.summary, '', 'options:'];
  for (const option of Object.keys(command.options)) {
    const text = command.optionHelp?.[option] ?? SHARED_OPTION_HELP[option];
    if (text) lines.push(`  ${text}`);
  }
  lines.push('  -h, --help       print this help and exit', '', 'exit codes: 0 success, 1 bad input data, 2 bad usage, 3 internal error (please report it)');
  return lines.join('\n');
}

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h';

/** Runs one command line; returns the exit code. Never throws. */
export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  let commandName: string | null = argv[0] && !argv[0].startsWith('-') ? argv[0] : null;
  const succeed = (command: string, outcome: CommandOutcome, text?: string) => {
    if (json) {
      const result: JsonResult = { ok: true, command, wave: outcome.wave, result: outcome.result, warnings: outcome.warnings ?? [] };
      process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    } else if (text !== undefined) process.stdout.write(text + '\n');
    return EXIT.ok;
  };
  try {
    let [name, ...rest] = argv;
    if (name === '--version' || name === '-V') return succeed('version', { wave: null, result: { version: version() } }, version());
    if (name === 'help' && rest[0] && !rest[0].startsWith('-')) [name, ...rest] = [...rest, '--help'];
    if (!name || isHelp(name) || name === 'help') {
      if (!name) {
        process.stderr.write(helpText() + '\n');
        return EXIT.badUsage;
      }
      return succeed('help', { wave: null, result: { help: helpText() } }, helpText());
    }
    const subcommands = subcommandsOf(name);
    if (subcommands.length > 0) {
      // A command with subcommands (`codebook init`): its own help, or the subcommand.
      const sub = rest[0];
      if (sub === undefined || sub.startsWith('-')) {
        if (rest.some(isHelp)) return succeed(name, { wave: null, result: { help: groupHelpText(name) } }, groupHelpText(name));
        throw new UsageError(`${messages.missingSubcommand(name, subcommands)}\n\n${groupHelpText(name)}`);
      }
      if (!subcommands.includes(sub)) throw new UsageError(`${messages.unknownSubcommand(name, sub, subcommands)}\n\n${groupHelpText(name)}`);
      name = `${name} ${sub}`;
      rest = rest.slice(1);
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`${messages.unknownCommand(name)}\n\n${helpText()}`);
    commandName = name;
    if (rest.some(isHelp)) return succeed(name, { wave: null, result: { help: commandHelpText(name) } }, commandHelpText(name));
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: command.options, allowPositionals: command.positionals ?? false, strict: true });
    } catch (error) {
      throw new UsageError(`${(error as Error).message}\nusage: ${command.usage}\n(skillgap ${name} --help lists every option)`);
    }
    return succeed(name, await command.handler(parsed.values as Values, parsed.positionals, { json }));
  } catch (error) {
    return reportError(error, json, commandName);
  }
}

function reportError(error: unknown, json: boolean, command: string | null): number {
  const code = error instanceof ValidationError || error instanceof WriteError ? EXIT.badData : error instanceof UsageError ? EXIT.badUsage : EXIT.bug;
  const message = error instanceof Error ? error.message : String(error);
  if (code === EXIT.bug) {
    process.stderr.write(`skillgap: internal error: ${message}\nThis is a bug in skillgap; please report it with the command you ran and this message.\n`);
    if (process.env.SKILLGAP_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  } else if (error instanceof WriteError) {
    process.stderr.write(`skillgap: ${message}\n`);
  } else {
    process.stderr.write(`skillgap: ${code === EXIT.badData ? 'bad input' : 'usage'}: ${message}\n`);
  }
  if (json) process.stdout.write(JSON.stringify(failure(error, message, code, command), null, 2) + '\n');
  return code;
}

/** The --json result of a failed command: the kind of error, where it is, the exit code. */
function failure(error: unknown, message: string, exitCode: number, command: string | null): JsonResult {
  if (error instanceof ValidationError) {
    const problems = error.problems.map((problem) => ({ message: problem.message, ...locationOf(problem.where) }));
    const where = problems.length === 1 ? locationOf(error.problems[0]!.where) : {};
    return { ok: false, command, error: { kind: 'validation', message, ...where, ...(problems.length > 1 ? { problems } : {}) }, exitCode };
  }
  if (error instanceof WriteError) return { ok: false, command, error: { kind: 'write', message, file: error.file }, exitCode };
  return { ok: false, command, error: { kind: error instanceof UsageError ? 'usage' : 'bug', message }, exitCode };
}

/** Only the location fields that are set (JSON has no undefined). */
function locationOf(where: InputLocation): InputLocation {
  return {
    ...(where.file !== undefined ? { file: where.file } : {}),
    ...(where.row !== undefined ? { row: where.row } : {}),
    ...(where.column !== undefined ? { column: where.column } : {}),
  };
}
