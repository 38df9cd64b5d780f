/**
 * Reading the committed notebooks (nbformat 4) and turning their code cells into one TypeScript
 * module, for the notebook test's fallback runner (used where Jupyter and the tslab kernel are not
 * installed, as in CI).
 *
 * In the module, each cell follows the previous one in order, so a name defined in one cell is
 * seen by the next, as in the kernel; top-level await works because the module is ESM. Two things
 * differ from tslab and are bridged here: `import … from 'tslab'` becomes the recording stub the
 * runner installs (so what a notebook displays can be checked), and `require` (which tslab cells
 * have, being CommonJS) is made with createRequire. Before each cell a marker records its number,
 * so a failure names the cell.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface NotebookCell {
  cell_type: 'code' | 'markdown' | 'raw';
  id?: string;
  metadata: Record<string, unknown>;
  source: string | string[];
  execution_count?: number | null;
  outputs?: unknown[];
}

export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: { kernelspec?: { name: string; display_name?: string; language?: string }; [key: string]: unknown };
  cells: NotebookCell[];
}

export const cellSource = (cell: NotebookCell) => (Array.isArray(cell.source) ? cell.source.join('') : cell.source);

export function readNotebook(path: string): Notebook {
  return JSON.parse(readFileSync(path, 'utf8')) as Notebook;
}

/** The notebooks of a folder, in file-name order (01-…, 02-…). */
export function notebookFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.ipynb')).sort().map((name) => join(dir, name));
}

/** `import * as tslab from 'tslab'` / `import { display } from 'tslab'` → the runner's stub. */
const TSLAB_IMPORT = /^import\s+(\*\s+as\s+\w+|\{[^}]*\})\s+from\s+['"]tslab['"];?[ \t]*$/gm;

export function composeModule(notebook: Notebook): string {
  const lines = [
    "import { createRequire } from 'node:module';",
    'const require = createRequire(import.meta.url);',
    'const __notebook = (globalThis as any).__skillgapNotebook;',
  ];
  notebook.cells.forEach((cell, index) => {
    if (cell.cell_type !== 'code') return;
    const source = cellSource(cell).replace(TSLAB_IMPORT, (_match, binding: string) =>
      binding.startsWith('*') ? `const ${binding.replace(/^\*\s+as\s+/, '')} = __notebook.tslab;` : `const ${binding} = __notebook.tslab;`,
    );
    lines.push(`__notebook.enterCell(${index});`, source, ';');
  });
  return lines.join('\n') + '\n';
}
