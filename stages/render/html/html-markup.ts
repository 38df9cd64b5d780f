/**
 * Small, escaping HTML builders for the interactive report: text and attributes are always
 * escaped here, so no caller concatenates raw strings into the page.
 */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const SCRIPT_JSON_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * A JSON value safe inside `<script type="application/json">`: `<`, `>`, `&` and the line
 * separators U+2028/2029 escaped as \u sequences, in one pass over the text (report.html's data is
 * megabytes).
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => SCRIPT_JSON_ESCAPES[character]!);
}

/** A script's source safe inside `<script>`: no `</script` can close the element early. */
export function scriptForInline(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** A stable id fragment from any text (`Latin America & Caribbean` → `latin-america-caribbean`). */
export function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
}

export interface HtmlColumn {
  header: string;
  numeric?: boolean;
}

export interface HtmlTableOptions {
  id: string;
  caption: string;
  columns: HtmlColumn[];
  rows: string[][];
  /** Per row, the region it belongs to (the region selector hides other regions' rows). */
  rowRegions?: string[];
  /** Per row, the competency label (the competency search hides rows that do not match). */
  rowCompetencies?: string[];
  /** Per row, true when the row shows only with a region selected (e.g. a region's own top 15). */
  rowRegionOnly?: boolean[];
  /** Text of the CSV download button (the report's language); default English. */
  downloadLabel?: string;
}

/**
 * A sortable, downloadable data table: every header is a button (keyboard-usable) and carries
 * aria-sort; a CSV button below downloads the rows as shown. Sorting and filtering run in the
 * page script (stages/render/html/report-page.js), keyed on the data-* attributes written here.
 */
export function htmlTable(options: HtmlTableOptions): string {
  const head = options.columns
    .map((column, index) => `<th scope="col" aria-sort="none"${column.numeric ? ' class="num"' : ''}><button type="button" data-sort-column="${index}">${escapeHtml(column.header)}<span class="sort-mark" aria-hidden="true"></span></button></th>`)
    .join('');
  const body = options.rows
    .map((row, rowIndex) => {
      const attributes = [
        options.rowRegions ? ` data-region="${escapeHtml(options.rowRegions[rowIndex]!)}"` : '',
        options.rowCompetencies ? ` data-competency="${escapeHtml(options.rowCompetencies[rowIndex]!)}"` : '',
        options.rowRegionOnly?.[rowIndex] ? ' data-region-only="true" hidden' : '',
      ].join('');
      const cells = row.map((cell, index) => `<td${options.columns[index]?.numeric ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`).join('');
      return `<tr${attributes}>${cells}</tr>`;
    })
    .join('\n');
  return [
    `<div class="table-wrap" id="${escapeHtml(options.id)}">`,
    `<table class="data-table" data-table-name="${escapeHtml(options.id)}">`,
    `<caption>${escapeHtml(options.caption)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${body}\n</tbody>`,
    `</table>`,
    `<p class="table-actions"><button type="button" class="download-csv" data-download-table="${escapeHtml(options.id)}">${escapeHtml(options.downloadLabel ?? 'Download table as CSV')}</button> <span class="row-count" aria-live="polite"></span></p>`,
    `</div>`,
  ].join('\n');
}

/**
 * The Markdown subset docs/methods.md uses (as stages/render/pdf/draw-markdown.ts): headings, paragraphs,
 * lists, fenced code; inline marks dropped. Headings start at `<h3>` (the chapter is an `<h2>`) and
 * never skip a level.
 */
export function markdownToHtml(markdown: string): string {
  const plain = (text: string) =>
    escapeHtml(
      text
        .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
        .replace(/\*\*([^*]+)\*\*/g, '$1')
        .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1$2')
        .replace(/`([^`]+)`/g, '$1'),
    );
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  let lastLevel = 2;
  const flush = () => {
    if (paragraph.length) out.push(`<p>${plain(paragraph.join(' '))}</p>`);
    if (list.length) out.push(`<ul>${list.map((item) => `<li>${plain(item)}</li>`).join('')}</ul>`);
    paragraph = [];
    list = [];
  };
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.startsWith('```')) {
      flush();
      const code: string[] = [];
      while (++index < lines.length && !lines[index]!.startsWith('```')) code.push(lines[index]!);
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const level = Math.min(6, Math.max(3, Math.min(lastLevel + 1, heading[1]!.length + 2)));
      lastLevel = level;
      out.push(`<h${level}>${plain(heading[2]!)}</h${level}>`);
      continue;
    }
    const bullet = /^\s*(?:[-*]|\d+\.)\s+(.*)$/.exec(line);
    if (bullet) {
      if (paragraph.length) flush();
      list.push(bullet[1]!);
      continue;
    }
    if (line.trim() === '') flush();
    else if (list.length && /^\s+/.test(line)) list[list.length - 1] += ` ${line.trim()}`;
    else {
      if (list.length) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return out.join('\n');
}
