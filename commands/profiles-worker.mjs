// Worker-thread entry of `skillgap profiles`, run through the tinypool pool of
// profiles-command.ts: loads render-profile.ts (bundled, or the TypeScript through tsx:
// io/import-for-worker.mjs) and renders a share of the units, returning their bytes; the main
// thread writes the files. Errors come back as plain data in the result.
import { importForWorker } from '../io/import-for-worker.mjs';

const { renderProfile } = await importForWorker(new URL('../stages/render/profiles/render-profile.ts', import.meta.url));

export default async function renderShare({ input, units }) {
  try {
    const profiles = [];
    for (const unit of units) profiles.push(await renderProfile(input, unit));
    return { ok: true, profiles };
  } catch (error) {
    return { ok: false, error: { name: error?.name ?? 'Error', message: error?.message ?? String(error), stack: error?.stack } };
  }
}
