// Worker-thread entry of `skillgap profiles`, run through the tinypool pool of
// profiles-command.ts: registers the TypeScript loader (a worker does not inherit it) and renders
// a share of the units, returning their bytes; the main thread writes the files. Errors come back
// as plain data in the result.
import { register } from 'tsx/esm/api';

register();
const { renderProfile } = await import('../stages/render/profiles/render-profile.ts');

export default async function renderShare({ input, units }) {
  try {
    const profiles = [];
    for (const unit of units) profiles.push(await renderProfile(input, unit));
    return { ok: true, profiles };
  } catch (error) {
    return { ok: false, error: { name: error?.name ?? 'Error', message: error?.message ?? String(error), stack: error?.stack } };
  }
}
