/**
 * The worker threads asked for in SKILLGAP_WORKERS: a whole number from 1 up (1 = no worker threads,
 * everything in the main thread), or undefined when the variable is unset or not such a number, and
 * each stage then decides by the size of its work. Read by the ingest stage (threads for the exports)
 * and the analyse stage (its one worker thread); the outputs are the same bytes whatever it says
 * (test/pipeline/workers.test.ts).
 */
export function requestedWorkers(env: Record<string, string | undefined> = process.env): number | undefined {
  const requested = Number(env.SKILLGAP_WORKERS);
  return Number.isInteger(requested) && requested >= 1 ? requested : undefined;
}
