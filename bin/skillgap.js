#!/usr/bin/env node
// Entry point of the `skillgap` command: registers the TypeScript loader (tsx, from the npm
// registry) and hands over to the one CLI file. No build step is needed after `npm ci`.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../commands/cli.ts');
process.exitCode = await main(process.argv.slice(2));
