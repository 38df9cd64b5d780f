/**
 * The fuzzer's child process: runs `skillgap ingest` then `skillgap normalise` (the CLI's own
 * entry point and error boundary, commands/cli.ts) on each case the parent sends over IPC, and
 * answers with the exit code and what the CLI wrote to stderr. One process serves many cases so
 * that the TypeScript loader starts once; the parent kills it when a case overruns its time bound.
 */
import { main } from '../../commands/cli.ts';

interface CaseMessage {
  config: string;
  out: string;
}

/** What the CLI writes to stderr during a case (progress, warnings, the error), capped so a flood is seen but not kept. */
let captured = '';
let capturedBytes = 0;
const CAPTURE_LIMIT = 1 << 20;
const originalWrite = process.stderr.write.bind(process.stderr);
process.stderr.write = ((chunk: string | Uint8Array) => {
  const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  capturedBytes += text.length;
  if (captured.length < CAPTURE_LIMIT) captured += text.slice(0, CAPTURE_LIMIT - captured.length);
  return true;
}) as typeof process.stderr.write;

process.on('message', async (message: CaseMessage) => {
  captured = '';
  capturedBytes = 0;
  let code = await main(['ingest', '--config', message.config, '--out', message.out]);
  if (code === 0) code = await main(['normalise', '--config', message.config, '--out', message.out]);
  process.send!({ code, stderr: captured, stderrBytes: capturedBytes });
});

process.on('uncaughtException', (error) => {
  originalWrite(`fuzz case runner: uncaught ${String(error)}\n`);
  process.exit(70);
});
process.send!({ ready: true });
