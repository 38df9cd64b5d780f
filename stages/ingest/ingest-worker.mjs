// Worker-thread entry of the ingest stage, run through the tinypool pool of ingest-stage.ts (one
// export per task): registers the TypeScript loader (as bin/skillgap.js does; a worker does not
// inherit it) and ingests one export. Errors come back as plain data (name, message, problems) in
// the result, so the main thread can rethrow a ValidationError as one.
import { register } from 'tsx/esm/api';

register();
const { ingestSource } = await import('./ingest-source.ts');

export default async function ingest(job) {
  try {
    return { ok: true, result: await ingestSource(job) };
  } catch (error) {
    return {
      ok: false,
      error: { name: error?.name ?? 'Error', message: error?.message ?? String(error), problems: error?.problems, file: error?.file, code: error?.code, stack: error?.stack },
    };
  }
}
