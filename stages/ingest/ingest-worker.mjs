// Worker-thread entry of the ingest stage, run through the tinypool pool of ingest-stage.ts (one
// export per task): loads ingest-source.ts (bundled, or the TypeScript through tsx:
// io/import-for-worker.mjs) and ingests one export. Errors come back as plain data (name, message, problems) in
// the result, so the main thread can rethrow a ValidationError as one.
import { importForWorker } from '../../io/import-for-worker.mjs';

const { ingestSource } = await importForWorker(new URL('./ingest-source.ts', import.meta.url));

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
