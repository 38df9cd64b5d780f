/**
 * The fallback runner's child process: `node bin/run-ts.js run-notebook-cells.ts MODULE REPORT`.
 * Installs a stub of tslab's display API that records what the notebook shows, imports the
 * module composed from the notebook's cells (which runs them in order), and writes a JSON report:
 * whether every cell ran, which cell failed with which error, and what was displayed.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface Shown {
  cell: number;
  kind: string;
  length: number;
  head: string;
}

const [modulePath, reportPath] = process.argv.slice(2);
const shown: Shown[] = [];
let currentCell = -1;
const record = (kind: string) => (content: string | Uint8Array) => {
  const text = typeof content === 'string' ? content : `<${content.length} bytes>`;
  shown.push({ cell: currentCell, kind, length: content.length, head: text.slice(0, 200) });
};
const display = Object.fromEntries(
  ['html', 'svg', 'markdown', 'text', 'png', 'jpeg', 'gif', 'pdf', 'javascript', 'latex'].map((kind) => [kind, record(kind)]),
);
(globalThis as Record<string, unknown>).__skillgapNotebook = {
  enterCell: (index: number) => { currentCell = index; },
  tslab: { display, newDisplay: () => display, versions: { tslab: 'stub', typescript: 'stub', node: process.versions.node } },
};

let error: string | null = null;
try {
  await import(pathToFileURL(modulePath).href);
} catch (caught) {
  error = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught);
}
writeFileSync(reportPath, JSON.stringify({ ok: error === null, failedCell: error === null ? null : currentCell, lastCell: currentCell, error, shown }, null, 1));
