/**
 * The logical structure of a tagged report (PDF/UA-1, ISO 14289-1), built with pdfkit's
 * structure tree while the page is drawn:
 *
 *   Document ─┬─ H1 … H3 · P · Code          one element per drawn block (`tagContent`)
 *             ├─ Table ─ TR ─ TH (Scope Column) / TD
 *             ├─ L ─ LI ─ Lbl · LBody
 *             ├─ Figure (Alt, BBox)          the chart's vector content inside it
 *             └─ Sect ─ H1 · TOC ─ TOCI      (a reserved place filled later: the contents page)
 *   running headers, footers, page numbers, rules, row shading, repeated table headers: Artifact
 *
 * Every painting operator lies in exactly one marked-content sequence, either tagged (an MCID
 * owned by a structure element) or an Artifact. A marked-content sequence never spans an explicit
 * `doc.addPage()` (callers make room first); pdfkit carries it over the pages a long text flows
 * onto by itself (`continueOnNewPage`).
 *
 * The open containers are kept per document in a WeakMap keyed by the document, so the drawing
 * primitives keep their `(doc, …)` signatures; a document not made by createReportDocument (or
 * made untagged) has no entry and everything below just draws.
 */
type StructureElement = PDFKit.PDFStructureElement;

/** pdfkit 0.20's structure-element options; @types/pdfkit 0.17 lacks scope, bbox and placement. */
export interface StructureOptions {
  alt?: string;
  lang?: string;
  /** Table header cells: which cells the header applies to. */
  scope?: 'Column' | 'Row' | 'Both';
  /** Top-left page coordinates [x1, y1, x2, y2], as pdfkit takes them. */
  bbox?: [number, number, number, number];
  placement?: 'Block' | 'Inline';
}

interface DocumentStructure {
  /** Open containers, innermost last; the first is the Document element. */
  open: StructureElement[];
  /** Level of the last heading drawn (0 before any), so Markdown headings nest below it. */
  headingLevel: number;
}

const structures = new WeakMap<PDFKit.PDFDocument, DocumentStructure>();

/** Starts the structure tree of a document created with `tagged: true`. */
export function beginDocumentStructure(doc: PDFKit.PDFDocument): void {
  const root = doc.struct('Document');
  doc.addStructure(root);
  structures.set(doc, { open: [root], headingLevel: 0 });
}

export function isTagged(doc: PDFKit.PDFDocument): boolean {
  return structures.has(doc);
}

function newElement(doc: PDFKit.PDFDocument, structure: DocumentStructure, type: string, options: StructureOptions): StructureElement {
  const element = doc.struct(type, options as PDFKit.Mixins.StructureElementOptions);
  structure.open[structure.open.length - 1]!.add(element);
  return element;
}

/** Draws `draw`'s content as one structure element of `type` (H1, P, TH, TD, Lbl, Figure …) in the open container. */
export function tagContent(doc: PDFKit.PDFDocument, type: string, draw: () => void, options: StructureOptions = {}): void {
  const structure = structures.get(doc);
  if (!structure) {
    draw();
    return;
  }
  const element = newElement(doc, structure, type, options);
  const content = doc.markStructureContent(type);
  draw();
  closeMarkedContent(doc, type);
  element.add(content);
  element.end();
}

/** A heading H1–H6; remembers its level for `headingLevel`. */
export function tagHeading(doc: PDFKit.PDFDocument, level: number, draw: () => void): void {
  const structure = structures.get(doc);
  const clamped = Math.min(6, Math.max(1, Math.round(level)));
  if (structure) structure.headingLevel = clamped;
  tagContent(doc, `H${clamped}`, draw);
}

/** The level of the last heading drawn, 0 before any (or when the document is not tagged). */
export function headingLevel(doc: PDFKit.PDFDocument): number {
  return structures.get(doc)?.headingLevel ?? 0;
}

/** Draws decoration, running headers, page numbers, repeated table headers as an Artifact (not read aloud). */
export function markArtifact(doc: PDFKit.PDFDocument, draw: () => void, options: { type?: 'Pagination' | 'Layout'; attached?: ('Top' | 'Bottom')[] } = {}): void {
  if (!structures.has(doc)) {
    draw();
    return;
  }
  doc.markContent('Artifact', { type: options.type ?? 'Layout', ...(options.attached ? { attached: options.attached } : {}) });
  draw();
  closeMarkedContent(doc, 'Artifact');
}

/** Opens a container element (Table, TR, L, LI, Sect …) in the open container; `endStructure` closes it. */
export function beginStructure(doc: PDFKit.PDFDocument, type: string, options: StructureOptions = {}): void {
  const structure = structures.get(doc);
  if (structure) structure.open.push(newElement(doc, structure, type, options));
}

export function endStructure(doc: PDFKit.PDFDocument): void {
  const structure = structures.get(doc);
  if (!structure) return;
  if (structure.open.length <= 1) throw new Error('endStructure without an open structure element');
  structure.open.pop()!.end();
}

/** A container around what `build` draws. */
export function withStructure(doc: PDFKit.PDFDocument, type: string, build: () => void, options: StructureOptions = {}): void {
  beginStructure(doc, type, options);
  build();
  endStructure(doc);
}

/** A container placed in reading order now and filled later (the contents page, drawn when page numbers are known). */
export interface ReservedStructure {
  element: StructureElement | undefined;
}

export function reserveStructure(doc: PDFKit.PDFDocument, type: string): ReservedStructure {
  const structure = structures.get(doc);
  return { element: structure ? newElement(doc, structure, type, {}) : undefined };
}

export function fillReservedStructure(doc: PDFKit.PDFDocument, reserved: ReservedStructure, build: () => void): void {
  const structure = structures.get(doc);
  if (!structure || !reserved.element) {
    build();
    return;
  }
  structure.open.push(reserved.element);
  build();
  structure.open.pop();
  reserved.element.end();
}

/**
 * Ends the marked-content sequence `tag` opened on this page. Throws (a bug in the caller) when
 * the drawing started a page with `doc.addPage()` inside the sequence: its content on the new page
 * would be untagged and the EMC unbalanced.
 */
function closeMarkedContent(doc: PDFKit.PDFDocument, tag: string): void {
  const markings = (doc.page as unknown as { markings: { tag: string }[] }).markings;
  if (markings.length === 0 || markings[markings.length - 1]!.tag !== tag) {
    throw new Error(`tagged PDF: the "${tag}" content was interrupted by doc.addPage(); make room (ensureSpace) before drawing it`);
  }
  doc.endMarkedContent();
}
