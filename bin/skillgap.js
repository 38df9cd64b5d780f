#!/usr/bin/env node
// Entry point of the `skillgap` command. Runs the CLI compiled by bin/compiled-cli.js (built at
// `npm ci`, rebuilt here when a source file changed); if it cannot be built, registers the
// TypeScript loader (tsx, from the npm registry) and runs commands/cli.ts directly.
import { loadCompiledCli } from './compiled-cli.js';

let cli = await loadCompiledCli();
if (!cli) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../commands/cli.ts');
}
process.exitCode = await cli.main(process.argv.slice(2));
