/**
 * The import graph of the source folders, parsed with TypeScript's own pre-processor
 * (ts.preProcessFile: static imports, re-exports and import() calls), and the layer rules of
 * docs/architecture.md. Used by layers.test.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const SOURCE_FOLDERS = ['contracts', 'io', 'stages', 'runner', 'commands', 'tools', 'api'];

/** Repo-relative path (with /) → the repo-relative files it imports. */
export type ImportGraph = Map<string, string[]>;

function sourceFiles(root: string, folder: string): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(root, path);
    return /\.(ts|mts|mjs|js)$/.test(name) && !name.endsWith('.d.ts') ? [path.split('\\').join('/')] : [];
  });
}

/**
 * The relative imports of every source file (package imports left out): all of them (`imports`,
 * for the layer rules) and those that exist at run time (`runtime`: no `import type`, for circles).
 */
export function importGraph(root: string, extraFiles: ReadonlyMap<string, string> = new Map()): { imports: ImportGraph; runtime: ImportGraph } {
  const files = [...SOURCE_FOLDERS.flatMap((folder) => sourceFiles(root, folder)), 'index.ts', ...extraFiles.keys()];
  const imports: ImportGraph = new Map();
  const runtime: ImportGraph = new Map();
  const target = (file: string, specifier: string) => relative(root, resolve(root, dirname(file), specifier)).split('\\').join('/');
  const isRelative = (specifier: string) => specifier.startsWith('./') || specifier.startsWith('../');
  for (const file of new Set(files)) {
    const text = extraFiles.get(file) ?? readFileSync(join(root, file), 'utf8');
    const all = ts.preProcessFile(text, true, true).importedFiles.map((imported) => imported.fileName).filter(isRelative);
    const typeOnly = new Set<string>();
    const valueUsed = new Set<string>();
    for (const statement of ts.createSourceFile(file, text, ts.ScriptTarget.Latest).statements) {
      if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
        const specifier = statement.moduleSpecifier.text;
        const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined;
        const onlyTypes = ts.isExportDeclaration(statement)
          ? statement.isTypeOnly
          : clause !== undefined && (clause.isTypeOnly || (!clause.name && clause.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((element) => element.isTypeOnly)));
        (onlyTypes ? typeOnly : valueUsed).add(specifier);
      }
    }
    imports.set(file, [...new Set(all.map((specifier) => target(file, specifier)))]);
    runtime.set(file, [...new Set(all.filter((specifier) => valueUsed.has(specifier) || !typeOnly.has(specifier)).map((specifier) => target(file, specifier)))]);
  }
  return { imports, runtime };
}

/** The layer of a file: contracts, io and the reference data (data/*.json) at the bottom, one layer per stage, runner and commands, tools and api on top. */
export function layerOf(file: string): { rank: number; name: string } {
  const [top, second] = file.split('/');
  if (top === 'contracts' || top === 'io' || top === 'data') return { rank: 0, name: 'contracts+io' };
  if (top === 'stages') return { rank: 1, name: `stages/${second}` };
  if (top === 'runner') return { rank: 2, name: 'runner' };
  if (top === 'commands') return { rank: 3, name: 'commands' };
  return { rank: 4, name: top === 'index.ts' ? 'api' : top };
}

/**
 * Why an import breaks the layers, or null. contracts and io import only each other; a stage
 * imports contracts, io and its own folder; the runner imports no stage and no command; commands
 * import anything below them; tools, api and index.ts may import anything.
 */
export function layerViolation(from: string, to: string): string | null {
  const a = layerOf(from);
  const b = layerOf(to);
  if (a.rank === 1 && b.rank === 1 && a.name !== b.name) return `${from} (${a.name}) imports ${to} of another stage (${b.name})`;
  if (b.rank > a.rank) return `${from} (${a.name}) imports ${to} from a layer above (${b.name})`;
  if (a.name === 'runner' && b.rank === 1) return `${from} (runner) imports the stage file ${to}: the runner is given the stages`;
  return null;
}

export function layerViolations(graph: ImportGraph): string[] {
  const problems: string[] = [];
  for (const [from, targets] of graph) for (const to of targets) {
    const problem = layerViolation(from, to);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Every import circle (strongly connected component of more than one file, or a file importing itself), Tarjan's algorithm. */
export function importCircles(graph: ImportGraph): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indices.get(next)!));
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) circles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return circles;
}
