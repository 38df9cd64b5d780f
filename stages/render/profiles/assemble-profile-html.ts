/**
 * One profile as an HTML page, built from the interactive report's parts (stages/render/html/): its
 * stylesheet, figure markup, sortable and downloadable tables and page script (report-page.js:
 * embeds the figures with tooltips, fills each figure's data table, SVG / PNG / spec downloads).
 * The scripts and fonts, the same for every profile, are written once to profiles/assets/ and
 * linked relatively, so a wave's many pages stay small and still open offline from disk.
 */
import { translator } from '../i18n/translator.ts';
import { escapeHtml, htmlTable, jsonForScript } from '../html/html-markup.ts';
import { figureMarkup, PAGE_CSS, PAGE_SCRIPT_KEYS, withRecordTooltips, type HtmlReportAssets, type PageFigure } from '../html/assemble-html-report.ts';
import type { ReportInput } from '../report-input.ts';
import { profileText, type ProfileTextKey } from './profile-text.ts';
import type { ProfileContent } from './profile-content.ts';

/** Files of profiles/assets/, shared by every profile page. */
export function profileAssetFiles(assets: HtmlReportAssets): Record<string, string> {
  return {
    'vega.min.js': assets.vegaJs,
    'vega-lite.min.js': assets.vegaLiteJs,
    'vega-embed.min.js': assets.vegaEmbedJs,
    'report-page.js': assets.pageJs,
    'profile.css': [
      `@font-face { font-family: 'DejaVu Sans'; font-weight: 400; src: url(data:font/ttf;base64,${assets.fontRegularBase64}) format('truetype'); }`,
      `@font-face { font-family: 'DejaVu Sans'; font-weight: 700; src: url(data:font/ttf;base64,${assets.fontBoldBase64}) format('truetype'); }`,
      PAGE_CSS,
      'header { position: static; }',
    ].join('\n'),
  };
}

/** `assetsPath`: the folder of the shared assets relative to the page (`../assets`). */
export function assembleProfileHtml(input: ReportInput, content: ProfileContent, options: { assetsPath: string; pdfName: string }): string {
  const minN = input.config.suppression.minN;
  const tr = translator(input.config.language);
  const text = (key: ProfileTextKey, params: Record<string, string | number> = {}) => profileText(tr, key, params);
  const figures: PageFigure[] = [];
  const body = content.sections.map((section) => {
    const sectionFigures = section.figures.map((figure) => ({
      id: figure.id,
      title: figure.title,
      caption: text('figureDataTable'),
      alt: figure.alt,
      spec: withRecordTooltips(figure.spec, tr),
    }));
    figures.push(...sectionFigures);
    const paragraphs = section.id === 'caveats' ? `<ul>${section.intro.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>` : section.intro.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');
    return [
      `<section id="${section.id}" aria-labelledby="${section.id}-title">`,
      `<h2 id="${section.id}-title">${escapeHtml(section.heading)}</h2>`,
      paragraphs,
      ...sectionFigures.map((figure) => figureMarkup(figure, 3, tr)),
      ...section.tables.map((table) => htmlTable({ downloadLabel: tr.t('html.downloadCsv'), id: table.id, caption: table.caption, columns: table.columns.map((column) => ({ header: column.header, numeric: column.numeric })), rows: table.rows })),
      `</section>`,
    ].join('\n');
  });
  // The page script's own strings and number format in the profile's language, as the report gives them.
  const pageData = {
    minN,
    regions: [],
    lang: tr.tag,
    decimal: tr.lang === 'en' ? '.' : tr.vegaNumberLocale.decimal,
    text: Object.fromEntries(PAGE_SCRIPT_KEYS.map((key) => [key.slice('page.'.length), tr.t(key)])),
    figures: Object.fromEntries(figures.map((figure) => [figure.id, { title: figure.title, spec: figure.spec, byRegion: null }])),
  };
  const asset = (name: string) => `${options.assetsPath}/${name}`;
  return `<!doctype html>
<html lang="${escapeHtml(tr.tag)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(content.title)}</title>
<link rel="stylesheet" href="${escapeHtml(asset('profile.css'))}">
</head>
<body>
<a class="skip-link" href="#main">${escapeHtml(text('htmlSkipLink'))}</a>
<header>
<h1>${escapeHtml(content.heading)}</h1>
${content.lead.map((line) => `<p class="subtitle">${escapeHtml(line)}</p>`).join('\n')}
<p class="subtitle"><a href="${escapeHtml(options.pdfName)}">${escapeHtml(text('htmlPdfLink'))}</a></p>
</header>
<nav aria-label="${escapeHtml(text('htmlContents'))}">
<h2 class="nav-title" id="contents-title">${escapeHtml(text('htmlContents'))}</h2>
<ol>${content.sections.map((section) => `<li><a href="#${section.id}">${escapeHtml(section.heading)}</a></li>`).join('')}</ol>
</nav>
<main id="main" tabindex="-1">
${body.join('\n')}
</main>
<footer><p>${escapeHtml(text('htmlFooter', { wave: input.config.wave, pdf: options.pdfName }))}</p></footer>
<script type="application/json" id="report-data">${jsonForScript(pageData)}</script>
<script src="${escapeHtml(asset('vega.min.js'))}"></script>
<script src="${escapeHtml(asset('vega-lite.min.js'))}"></script>
<script src="${escapeHtml(asset('vega-embed.min.js'))}"></script>
<script src="${escapeHtml(asset('report-page.js'))}"></script>
</body>
</html>
`;
}
