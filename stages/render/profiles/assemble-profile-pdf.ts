/**
 * One profile as a PDF of 2–4 A4 pages, built only from the report's PDF primitives
 * (stages/render/pdf/: page-layout, draw-markdown, draw-table, draw-svg), so whatever those primitives
 * add (tagging, fonts) the profiles get too:
 *
 *   page 1  heading, who answered, gaps against Global (chart)
 *   page 2  gaps table, top training needs with rank sets (table)
 *   page 3  answer distributions (industry, education)
 *   page 4  the training-need ranking chart and the caveats of small numbers
 *
 * Byte-reproducible as the report: dates from the wave config, no clock.
 */
import { drawMarkdown } from '../pdf/draw-markdown.ts';
import { drawSvg } from '../pdf/draw-svg.ts';
import { drawTable } from '../pdf/draw-table.ts';
import { createReportDocument, drawRunningHeaders, reportDate } from '../pdf/page-layout.ts';
import type { ReportInput } from '../report-input.ts';
import { translator } from '../i18n/translator.ts';
import { profileText } from './profile-text.ts';
import type { ProfileContent, ProfileTable } from './profile-content.ts';

/** Largest heights (points) of the charts, so each page holds what the plan above puts on it. */
const GAPS_CHART_HEIGHT = 500;
const ANSWERS_CHART_HEIGHT = 320;
const NEEDS_CHART_HEIGHT = 430;

/** One paragraph of the Markdown the primitive prints (our texts hold no Markdown marks; line breaks would split it). */
const paragraph = (text: string) => text.replace(/\s*\n\s*/g, ' ');

export async function assembleProfilePdf(input: ReportInput, content: ProfileContent, svgOf: (figureId: string) => Promise<string>): Promise<Buffer> {
  const tr = translator(input.config.language);
  const { doc, finished } = createReportDocument({
    title: content.title,
    subject: profileText(tr, 'documentSubject', { unit: content.name, wave: input.config.wave }),
    keywords: 'cybersecurity, skills gap, education, industry, survey, profile',
    date: reportDate(input.config),
    lang: tr.tag,
  });
  const section = (id: string) => content.sections.find((candidate) => candidate.id === id)!;
  const table = (data: ProfileTable) => drawTable(doc, data.columns.map((column) => ({ header: column.header, width: column.width, align: column.numeric ? 'right' : 'left' })), data.rows);
  const text = (lines: string[]) => drawMarkdown(doc, lines.map(paragraph).join('\n\n'));

  const gaps = section('gaps');
  drawMarkdown(doc, `# ${paragraph(content.heading)}`);
  text(content.lead);
  drawMarkdown(doc, `## ${paragraph(gaps.heading)}`);
  text(gaps.intro);
  for (const figure of gaps.figures) drawSvg(doc, await svgOf(figure.id), GAPS_CHART_HEIGHT, figure.alt);

  doc.addPage();
  for (const data of gaps.tables) table(data);
  const needs = section('needs');
  drawMarkdown(doc, `## ${paragraph(needs.heading)}`);
  text(needs.intro);
  for (const data of needs.tables) table(data);

  const answers = section('answers');
  if (answers.figures.length > 0 || answers.intro.length > 1) {
    doc.addPage();
    drawMarkdown(doc, `## ${paragraph(answers.heading)}`);
    text(answers.intro);
    for (const figure of answers.figures) drawSvg(doc, await svgOf(figure.id), ANSWERS_CHART_HEIGHT, figure.alt);
  }

  doc.addPage();
  for (const figure of needs.figures) drawSvg(doc, await svgOf(figure.id), NEEDS_CHART_HEIGHT, figure.alt);
  const caveats = section('caveats');
  drawMarkdown(doc, `## ${paragraph(caveats.heading)}`);
  drawMarkdown(doc, caveats.intro.map((line) => `- ${paragraph(line)}`).join('\n'));

  drawRunningHeaders(doc, profileText(tr, 'runningHeader', { unit: content.name }), input.config.wave, 0, tr);
  doc.end();
  return finished;
}
