/**
 * The `skillgap` command line: every command is declared here, with a lazily loaded handler that
 * takes a typed options object and returns data (so the API and notebooks call the same handlers).
 * This file holds the one error boundary: ValidationError and WriteError → exit 1, UsageError → exit 2,
 * anything else is a bug → exit 3 with the message to report. Progress goes to stderr; `--json`
 * prints the handler's result on stdout.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, ValidationError, WriteError, EXIT } from '../contracts/errors.ts';
import type { StageName } from '../runner/run.ts';

type Values = Record<string, string | boolean | string[] | undefined>;

interface CommandDeclaration {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Whether positional arguments are accepted. */
  positionals?: boolean;
  handler: (values: Values, positionals: string[]) => Promise<unknown>;
}

const waveOptions = {
  wave: { type: 'string' },
  config: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
} as const;

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const list = (value: unknown) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : undefined);
const waveArgs = (values: Values) => ({ wave: str(values.wave), config: str(values.config), out: str(values.out), lang: str(values.lang) });

function stageCommand(stage: StageName): CommandDeclaration {
  return {
    summary: `run only the ${stage} stage (skipped when up to date; --force reruns it)`,
    usage: `skillgap ${stage} [--wave ID] [--config FILE] [--out DIR] [--lang en|fr|es|pt] [--force] [--wait] [--json]`,
    options: { ...waveOptions, force: { type: 'boolean' }, wait: { type: 'boolean' } },
    handler: async (values) => {
      const { runCommand } = await import('./run-command.ts');
      return runCommand({ ...waveArgs(values), force: values.force === true, wait: values.wait === true, only: [stage] });
    },
  };
}

export const COMMANDS: Record<string, CommandDeclaration> = {
  run: {
    summary: 'run ingest → normalise → analyse → render, skipping stages that are up to date',
    usage: 'skillgap run [--wave ID] [--config FILE] [--out DIR] [--lang en|fr|es|pt] [--force] [--wait] [--json]',
    options: { ...waveOptions, force: { type: 'boolean' }, wait: { type: 'boolean' } },
    handler: async (values) => {
      const { runCommand } = await import('./run-command.ts');
      return runCommand({ ...waveArgs(values), force: values.force === true, wait: values.wait === true });
    },
  },
  ingest: stageCommand('ingest'),
  normalise: stageCommand('normalise'),
  analyse: stageCommand('analyse'),
  render: stageCommand('render'),
  status: {
    summary: 'say which stages would run, and why',
    usage: 'skillgap status [--wave ID] [--config FILE] [--out DIR] [--lang en|fr|es|pt] [--json]',
    options: waveOptions,
    handler: async (values) => {
      const { statusCommand } = await import('./run-command.ts');
      return statusCommand(waveArgs(values));
    },
  },
  figures: {
    summary: 'regenerate figures from the cached analysis',
    usage: 'skillgap figures [--wave ID] [--only id,…] [--format svg,png,vl] [--out DIR] [--lang en|fr|es|pt] [--wait] [--json]',
    options: { ...waveOptions, only: { type: 'string' }, format: { type: 'string' }, wait: { type: 'boolean' } },
    handler: async (values) => {
      const { figuresCommand } = await import('./figures-command.ts');
      return figuresCommand({ ...waveArgs(values), only: list(values.only), formats: list(values.format), wait: values.wait === true });
    },
  },
  validate: {
    summary: "check a wave's exports (or single files) before running: format, rows, unmapped columns, unknown labels, out-of-range values",
    usage: 'skillgap validate [--wave ID] [--config FILE] [--input FILE …] [--json]',
    options: { wave: { type: 'string' }, config: { type: 'string' }, input: { type: 'string', multiple: true }, json: { type: 'boolean' } },
    handler: async (values) => {
      const { validateCommand } = await import('./validate-command.ts');
      const inputs = Array.isArray(values.input) ? values.input : undefined;
      return validateCommand({ wave: str(values.wave), config: str(values.config), inputs });
    },
  },
  'codebook init': {
    summary: 'draft a codebook from an export by matching question text to the competency framework (a draft to review)',
    usage: 'skillgap codebook init (--from FILE [--population industry|education] [--source ID] | --wave ID | --config FILE) [--dimension Q4=coverage …] [--accept-guesses] [--out FILE]',
    options: {
      from: { type: 'string' }, wave: { type: 'string' }, config: { type: 'string' }, population: { type: 'string' }, source: { type: 'string' }, out: { type: 'string' },
      'accept-guesses': { type: 'boolean' }, dimension: { type: 'string', multiple: true },
    },
    handler: async (values) => {
      const { codebookInitCommand } = await import('./codebook-command.ts');
      return codebookInitCommand({
        from: str(values.from), wave: str(values.wave), config: str(values.config), population: str(values.population), source: str(values.source), out: str(values.out),
        acceptGuesses: values['accept-guesses'] === true, dimensions: Array.isArray(values.dimension) ? values.dimension.map(String) : undefined,
      });
    },
  },
  compare: {
    summary: 'change of every gap between two waves, with CIs and tests, and movements in the top ranks',
    usage: 'skillgap compare --waves 2022,2023 [--out DIR] [--json]',
    options: { waves: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
    handler: async (values) => {
      const { compareCommand } = await import('./compare-command.ts');
      return compareCommand({ waves: list(values.waves) ?? [], out: str(values.out) });
    },
  },
  curriculum: {
    summary: 'compare a curriculum profile with industry demand in its region (PDF, CSV, JSON)',
    usage: 'skillgap curriculum --profile FILE [--profile-row N | --profile-response ID] [--wave ID] [--config FILE] [--region auto|NAME] [--framework ID] [--out DIR] [--lang en|fr|es|pt] [--wait] [--json]',
    options: {
      ...waveOptions,
      profile: { type: 'string' }, 'profile-row': { type: 'string' }, 'profile-response': { type: 'string' }, region: { type: 'string' }, framework: { type: 'string' },
      wait: { type: 'boolean' },
    },
    handler: async (values) => {
      const { curriculumCommand } = await import('./curriculum-command.ts');
      return curriculumCommand({
        wave: str(values.wave), config: str(values.config), out: str(values.out),
        profile: str(values.profile), profileRow: str(values['profile-row']), profileResponse: str(values['profile-response']),
        region: str(values.region), framework: str(values.framework), wait: values.wait === true, lang: str(values.lang),
      });
    },
  },
  'generate-samples': {
    summary: 'regenerate the bundled sample waves (data/raw/2022, data/raw/2023) from their seeds',
    usage: 'skillgap generate-samples',
    options: {},
    handler: async () => {
      const { writeSampleWaves } = await import('../tools/generate/write-sample-waves.ts');
      const written = writeSampleWaves();
      process.stderr.write(`generate-samples: wrote ${written.length} files\n`);
      return { files: written };
    },
  },
};

function helpText(): string {
  const lines = ['usage: skillgap <command> [options]', '', 'commands:'];
  for (const [name, command] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(16)} ${command.summary}`);
  lines.push('', 'exit codes: 0 success, 1 bad input data, 2 bad usage, 3 internal error (please report it)');
  return lines.join('\n');
}

/** Runs one command line; returns the exit code. Never throws. */
export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  try {
    let [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      process.stdout.write(helpText() + '\n');
      return name ? EXIT.ok : EXIT.badUsage;
    }
    // Two-word commands: `codebook init`.
    if (rest.length > 0 && COMMANDS[`${name} ${rest[0]}`]) {
      name = `${name} ${rest[0]}`;
      rest = rest.slice(1);
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command "${name}"\n\n${helpText()}`);
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(`usage: ${command.usage}\n${command.summary}\n`);
      return EXIT.ok;
    }
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: command.options, allowPositionals: command.positionals ?? false, strict: true });
    } catch (error) {
      throw new UsageError(`${(error as Error).message}\nusage: ${command.usage}`);
    }
    const result = await command.handler(parsed.values as Values, parsed.positionals);
    if (json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return EXIT.ok;
  } catch (error) {
    return reportError(error, json);
  }
}

function reportError(error: unknown, json: boolean): number {
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
  if (json) process.stdout.write(JSON.stringify({ error: { exitCode: code, message } }) + '\n');
  return code;
}
