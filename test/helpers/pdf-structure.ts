/**
 * Reads a tagged PDF's accessibility structure back with pdf.js (pdfjs-dist) and lists what a
 * PDF/UA-1 checker would reject (docs/accessibility.md says which veraPDF rules this covers):
 *
 * - the catalogue's MarkInfo /Marked is true and /Lang is set (Matterhorn 01-001, 11-001);
 * - headings: the first is H1 and no level is skipped going down (14-002, 14-003);
 * - every Figure has alternative text (13-004);
 * - every Table has TH cells (15-003 in spirit: the header row is tagged, not drawn);
 * - every painting operator (text, path fill or stroke, image, shading) lies inside a marked-content
 *   sequence: tagged content or an Artifact (01-001, "untagged content").
 */
import { OPS, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface StructNode {
  role: string;
  alt?: string;
  lang?: string;
  children?: (StructNode | { type: string; id: string })[];
}

export interface PdfStructure {
  pageCount: number;
  marked: boolean;
  lang: string;
  /** Heading levels (1 for H1 …) in reading order, with their page (1-based). */
  headings: { level: number; page: number }[];
  figures: { page: number; alt: string }[];
  tables: { page: number; headerCells: number; dataCells: number }[];
  /** Every structure role met, with how often (over pages: an element on two pages counts twice). */
  roles: Map<string, number>;
  /** Painting operators outside any marked-content sequence. */
  untagged: { page: number; operator: string }[];
  /** Artifact marked-content sequences on each page (index 0 = page 1). */
  artifactsPerPage: number[];
}

const PAINT_OPERATORS = new Map<number, string>([
  [OPS.showText, 'Tj'],
  [OPS.showSpacedText, 'TJ'],
  [OPS.nextLineShowText, "'"],
  [OPS.nextLineSetSpacingShowText, '"'],
  [OPS.paintImageXObject, 'Do (image)'],
  [OPS.paintImageMaskXObject, 'Do (mask)'],
  [OPS.paintInlineImageXObject, 'BI'],
  [OPS.shadingFill, 'sh'],
]);
const PATH_PAINTS = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

/**
 * pdf.js returns, per page, the elements with content there with their whole subtrees (a table
 * that runs over three pages comes back whole with each), listing marked content only for the
 * page asked. An element is therefore counted on the page that holds its first marked content
 * (its first leaf's), so each element counts once.
 */
function startsHere(node: StructNode): boolean {
  const [first] = node.children ?? [];
  if (first === undefined) return false;
  return 'role' in first ? startsHere(first) : true;
}

function collect(node: StructNode, page: number, out: PdfStructure): void {
  for (const child of node.children ?? []) if ('role' in child) collect(child, page, out);
  if (!startsHere(node)) return;
  out.roles.set(node.role, (out.roles.get(node.role) ?? 0) + 1);
  const heading = /^H([1-6])$/.exec(node.role);
  if (heading) out.headings.push({ level: Number(heading[1]), page });
  if (node.role === 'Figure') out.figures.push({ page, alt: node.alt ?? '' });
  if (node.role === 'Table') {
    const cells = { headerCells: 0, dataCells: 0 };
    const count = (child: StructNode) => {
      if (child.role === 'TH') cells.headerCells++;
      if (child.role === 'TD') cells.dataCells++;
      for (const grandchild of child.children ?? []) if ('role' in grandchild) count(grandchild);
    };
    count(node);
    out.tables.push({ page, ...cells });
  }
}

export async function readPdfStructure(bytes: Uint8Array): Promise<PdfStructure> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const markInfo = await document.getMarkInfo();
  const { info } = (await document.getMetadata()) as unknown as { info: Record<string, unknown> };
  const out: PdfStructure = {
    pageCount: document.numPages,
    marked: markInfo?.Marked === true,
    lang: String(info.Language ?? ''),
    headings: [],
    figures: [],
    tables: [],
    roles: new Map(),
    untagged: [],
    artifactsPerPage: [],
  };
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const tree = (await page.getStructTree()) as StructNode | null;
    if (tree) for (const child of tree.children ?? []) if ('role' in child) collect(child, number, out);
    const { fnArray, argsArray } = await page.getOperatorList();
    let depth = 0;
    out.artifactsPerPage.push(0);
    fnArray.forEach((fn, index) => {
      if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) {
        depth++;
        if (argsArray[index]?.[0] === 'Artifact') out.artifactsPerPage[number - 1]!++;
      } else if (fn === OPS.endMarkedContent) depth--;
      else if (depth === 0) {
        const paint = fn === OPS.constructPath && PATH_PAINTS.has(argsArray[index]?.[0]) ? 'path' : PAINT_OPERATORS.get(fn);
        if (paint) out.untagged.push({ page: number, operator: paint });
      }
    });
  }
  await document.destroy();
  return out;
}

/** What a PDF/UA-1 check would reject, in words; [] when the structure passes every check above. */
export function structureProblems(structure: PdfStructure): string[] {
  const problems: string[] = [];
  if (!structure.marked) problems.push('MarkInfo /Marked is not true');
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(structure.lang)) problems.push(`document language "${structure.lang}" is not a BCP 47 tag`);
  if (structure.headings.length === 0) problems.push('no heading');
  let previous = 0;
  for (const heading of structure.headings) {
    if (heading.level > previous + 1) problems.push(`H${heading.level} on page ${heading.page} follows H${previous || '(none)'}: a level is skipped`);
    previous = heading.level;
  }
  for (const figure of structure.figures) if (figure.alt.trim() === '') problems.push(`Figure on page ${figure.page} has no alternative text`);
  for (const table of structure.tables) if (table.headerCells === 0) problems.push(`Table on page ${table.page} has no TH cells`);
  for (const operation of structure.untagged) problems.push(`untagged ${operation.operator} on page ${operation.page}`);
  return problems;
}
