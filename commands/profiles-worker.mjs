// Worker-thread entry of `skillgap profiles`: registers the TypeScript loader (a worker does not
// inherit it), renders its share of the units and posts each profile's bytes back as it is done;
// the main thread writes the files. Errors go back as plain data.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
try {
  const { renderProfile } = await import('../stages/render/profiles/render-profile.ts');
  for (const unit of workerData.units) {
    const profile = await renderProfile(workerData.input, unit);
    parentPort.postMessage({ ok: true, profile });
  }
  parentPort.postMessage({ ok: true, done: true });
} catch (error) {
  parentPort.postMessage({ ok: false, error: { name: error?.name ?? 'Error', message: error?.message ?? String(error), stack: error?.stack } });
}
