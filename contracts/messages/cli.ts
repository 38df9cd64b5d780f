/**
 * Messages of the command line itself: unknown commands and subcommands, which wave a command
 * works on when none was named (the last run's, recorded in out/.last-run.json), and where the
 * report is.
 */
export const unknownCommand = (name: string) => `unknown command "${name}"`;
export const unknownSubcommand = (group: string, name: string, subcommands: string[]) =>
  `unknown subcommand "${group} ${name}": use ${subcommands.map((sub) => `"${group} ${sub}"`).join(' or ')}`;
export const missingSubcommand = (group: string, subcommands: string[]) =>
  `"${group}" needs a subcommand: ${subcommands.map((sub) => `"${group} ${sub}"`).join(' or ')}`;

/** How a command's wave was chosen, as the command names it. */
export const waveChosen = (wave: string, from: 'option' | 'last-run' | 'newest', lastRunFile: string) =>
  from === 'option'
    ? `wave ${wave}`
    : from === 'last-run'
      ? `wave ${wave} (the last run's, from ${lastRunFile}; name another with --wave ID or --config FILE)`
      : `wave ${wave} (the newest under data/raw: no run recorded in ${lastRunFile}; name another with --wave ID or --config FILE)`;

export const lastRunUnreadable = (file: string, problem: string) =>
  `${file} (the record of the last run) ${problem}: name the wave with --wave ID or --config FILE, or delete the file`;
export const lastRunConfigGone = (file: string, config: string) =>
  `the last run (${file}) used the wave config ${config}, which no longer exists: name the wave with --wave ID or --config FILE`;

export const compareWavesNeeded = () =>
  'compare needs exactly two waves, earlier first: --waves 2022,2023, or --config A/wave.json --config B/wave.json';
export const compareMixed = () => 'give the two waves either as --waves A,B or as two --config FILE options, not both';
export const compareSameWave = (wave: string) => `both waves are "${wave}": compare needs two different waves`;

export const reportWritten = (pdf: string, html: string) => `report: ${pdf} (and ${html})`;
