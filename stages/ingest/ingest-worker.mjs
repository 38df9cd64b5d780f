// Worker-thread entry of the ingest stage: registers the TypeScript loader (as bin/skillgap.js
// does; a worker does not inherit it), ingests one export and posts the result back. Errors go back
// as plain data (name, message, problems) so the main thread can rethrow a ValidationError as one.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
try {
  const { ingestSource } = await import('./ingest-source.ts');
  parentPort.postMessage({ ok: true, result: await ingestSource(workerData) });
} catch (error) {
  parentPort.postMessage({
    ok: false,
    error: { name: error?.name ?? 'Error', message: error?.message ?? String(error), problems: error?.problems, file: error?.file, code: error?.code, stack: error?.stack },
  });
}
