/**
 * The curriculum report (2–4 A4 pages), in the main report's layout and faces
 * (stages/render/pdf/page-layout.ts, draw-table.ts, draw-svg.ts, draw-markdown.ts):
 *
 *   page 1  institution, programme, country, region basis · top action · demand-vs-coverage chart
 *   page 2  ranked action list (the rows of comparison.csv, rounded with stages/render/format.ts)
 *   page 3  how to read it · limits of the data (on page 2 when a short action list leaves room)
 *
 * Reproducible byte for byte, as assembleReport: the same document set-up, date rule and running
 * headers (stages/render/pdf/page-layout.ts), pages buffered and numbered at the end.
 *
 * Tagged PDF/UA-1 (stages/render/pdf/structure.ts): the institution is the H1, the page titles H2,
 * "How the profile was mapped" H3, "How to read it" and "Limits of the data" H2; the chart is a
 * Figure whose alternative text gives its main values (stages/render/figure-alt-text.ts).
 */
import type { Competency, WaveConfig } from '../../../contracts/types.ts';
import type { CurriculumComparison, CurriculumRow } from '../compare-curriculum.ts';
import { countryDisplayName } from '../../../contracts/countries/regions.ts';
import { translator, type Translator } from '../../../stages/render/i18n/translator.ts';
import { drawMarkdown } from '../../../stages/render/pdf/draw-markdown.ts';
import { drawSvg } from '../../../stages/render/pdf/draw-svg.ts';
import { drawTable } from '../../../stages/render/pdf/draw-table.ts';
import { COLOURS, CONTENT_BOTTOM, CONTENT_WIDTH, FONTS, PAGE, createReportDocument, drawRunningHeaders, ensureSpace, reportDate } from '../../../stages/render/pdf/page-layout.ts';
import { tagContent, tagHeading } from '../../../stages/render/pdf/structure.ts';
import { renderSpecToSvg } from '../../../stages/render/render-figure.ts';
import { buildCurriculumChart } from './curriculum-chart.ts';
import { curriculumChartAltText } from '../../../stages/render/figure-alt-text.ts';
import type { FrameworkActions } from '../compare-curriculum.ts';
import type { UnitActionRow } from '../framework-profile.ts';
import { unitNoun } from '../../../stages/render/figures/framework-figures.ts';
import { basisSentences, howToReadMarkdown, limitsMarkdown, topActionSentence, type CurriculumTextContext } from './curriculum-text.ts';

export interface CurriculumReportInput {
  comparison: CurriculumComparison;
  config: WaveConfig;
  competencies: readonly Competency[];
  scale: { min: number; max: number };
}

/** The action-list cells of one row; the same rounding as every table of the main report. */
export function actionListCells(row: CurriculumRow, minN: number, tr: Translator = translator()): string[] {
  const { t } = tr;
  const number = (value: number | null) => (value === null ? '–' : tr.estimate(value));
  const demand =
    row.demandMean === null
      ? '–'
      : `${tr.estimate(row.demandMean)}${row.demandCiLow !== null && row.demandCiHigh !== null ? ` (${tr.interval(row.demandCiLow, row.demandCiHigh)})` : ''}`;
  const notes = [row.demandLowReliability ? t('note.lowReliability') : '', row.note === 'not_rated' ? t('curriculum.note.notRated') : '', row.note === 'demand_suppressed' ? t('note.suppressed') : ''].filter(Boolean);
  return [
    row.rank === null ? '' : tr.integer(row.rank),
    row.label,
    demand,
    row.demandN === null ? '' : tr.count(row.demandN, minN),
    row.basis ? tr.region(row.basis) : '–',
    number(row.coverage),
    number(row.gap),
    number(row.priority),
    row.peerPercentile === null ? '–' : tr.integer(Math.round(row.peerPercentile)),
    notes.join(', '),
  ];
}

const unitName = (row: UnitActionRow) => (row.unit === row.name ? row.name : `${row.unit} ${row.name}`);

/** The actions ranked per unit of the chosen framework, and how the profile was mapped (framework-profile.ts). */
function drawFrameworkActions(
  doc: PDFKit.PDFDocument, actions: FrameworkActions, minN: number, heading: (text: string, size?: number) => void, paragraph: (text: string, options?: { muted?: boolean; size?: number }) => void,
  tr: Translator = translator(),
): void {
  const { t } = tr;
  const number = (value: number | null) => (value === null ? '–' : tr.estimate(value));
  const unit = unitNoun(tr, actions, false);
  doc.addPage();
  heading(t('curriculum.unitActions', { unit, framework: actions.name }));
  paragraph(`${actions.version}. ${actions.how}`, { muted: true, size: 9 });
  drawTable(
    doc,
    [
      { header: t('curriculum.col.rank'), width: 0.07, align: 'right' },
      { header: unit[0]!.toUpperCase() + unit.slice(1), width: 0.24 },
      { header: t('curriculum.col.demand'), width: 0.19, align: 'right' },
      { header: t('col.n'), width: 0.06, align: 'right' },
      { header: t('curriculum.col.basis'), width: 0.09 },
      { header: t('curriculum.col.coverage'), width: 0.11, align: 'right' },
      { header: t('col.gap'), width: 0.07, align: 'right' },
      { header: t('curriculum.col.priority'), width: 0.09, align: 'right' },
      { header: t('col.note'), width: 0.08 },
    ],
    actions.rows.map((row) => [
      row.rank === null ? '' : tr.integer(row.rank),
      unitName(row),
      row.demandMean === null ? '–' : `${tr.estimate(row.demandMean)}${row.demandCiLow !== null && row.demandCiHigh !== null ? ` (${tr.interval(row.demandCiLow, row.demandCiHigh)})` : ''}`,
      row.demandN === null ? '' : tr.count(row.demandN, minN),
      row.basis ? tr.region(row.basis) : '–',
      number(row.coverage),
      number(row.gap),
      number(row.priority),
      row.note === 'not_rated' ? t('curriculum.note.notRated') : row.note === 'demand_suppressed' ? `n < ${tr.integer(minN)}` : row.note === 'no_competency' ? t('curriculum.note.noData') : '',
    ]),
  );
  paragraph(t('curriculum.noDataNote'), { muted: true, size: 8.5 });
  if (actions.crosswalk.length > 0) {
    ensureSpace(doc, 120);
    heading(t('curriculum.mapped'), 12);
    drawTable(
      doc,
      [
        { header: t('col.competency'), width: 0.3 },
        { header: t('curriculum.col.coverage'), width: 0.12, align: 'right' },
        { header: t('curriculum.col.from'), width: 0.58 },
      ],
      actions.crosswalk.map((note) => [note.competency, number(note.coverage), note.how]),
    );
  }
}

export async function assembleCurriculumReport(input: CurriculumReportInput): Promise<Buffer> {
  const { comparison, config } = input;
  const date = reportDate(config);
  const minN = config.suppression.minN;
  const tr = translator(config.language);
  const { t } = tr;
  const context: CurriculumTextContext = {
    language: config.language,
    minN,
    lowReliabilityN: config.suppression.lowReliabilityN,
    scale: input.scale,
    regionScheme: config.regionScheme,
    wave: config.wave,
  };
  const title = t('curriculum.title', { institution: comparison.institution });
  const { doc, finished } = createReportDocument({
    title,
    subject: t('curriculum.subject', { wave: config.wave }),
    keywords: t('curriculum.keywords'),
    date,
    lang: tr.tag,
  });
  // The type size says the level: 18 pt the report's title (H1), 16 pt a page's title (H2), smaller a section of it (H3).
  const heading = (text: string, size = 16) => {
    doc.font(FONTS.bold).fontSize(size).fillColor(COLOURS.heading);
    tagHeading(doc, size >= 18 ? 1 : size >= 16 ? 2 : 3, () => doc.text(text, PAGE.marginSide, doc.y, { width: CONTENT_WIDTH }));
    doc.moveDown(0.5);
  };
  const paragraph = (text: string, options: { muted?: boolean; size?: number; bold?: boolean } = {}) => {
    doc.font(options.bold ? FONTS.bold : FONTS.regular).fontSize(options.size ?? 10).fillColor(options.muted ? COLOURS.muted : COLOURS.text);
    tagContent(doc, 'P', () => doc.text(text, PAGE.marginSide, doc.y, { width: CONTENT_WIDTH }));
    doc.moveDown(0.4);
  };

  // Page 1: who, where, the top action and the chart.
  heading(comparison.institution, 18);
  if (comparison.programme) paragraph(comparison.programme, { size: 12 });
  paragraph(t('curriculum.meta', { country: tr.country(comparison.country, countryDisplayName(comparison.country)), wave: config.wave, date: tr.lang === 'en' ? config.reportDate : tr.date(config.reportDate) }), { muted: true });
  doc.moveDown(0.3);
  for (const sentence of basisSentences(comparison, context)) paragraph(sentence);
  const top = comparison.rows[0];
  paragraph(topActionSentence(top, config.language), { bold: true });
  const topUnit = comparison.byFramework?.rows[0];
  if (topUnit && topUnit.rank !== null) paragraph(t('curriculum.topUnit', { unit: unitNoun(tr, comparison.byFramework!, false), framework: comparison.byFramework!.name, name: unitName(topUnit), priority: tr.estimate(topUnit.priority!) }), { bold: true });
  doc.moveDown(0.3);
  // The chart takes the rest of the first page (it is scaled down, never up).
  drawSvg(doc, await renderSpecToSvg(buildCurriculumChart(comparison, config)), CONTENT_BOTTOM - doc.y - 4, curriculumChartAltText(comparison, tr).text);

  // Page 2: the ranked action list.
  doc.addPage();
  heading(t('curriculum.actions'));
  paragraph(t('curriculum.actionsNote'), { muted: true, size: 9 });
  drawTable(
    doc,
    [
      // Widths from the DejaVu Sans Bold 8.5 pt header widths plus padding and a few points of slack, so no header or interval breaks inside a word.
      { header: t('curriculum.col.rank'), width: 0.07, align: 'right' },
      { header: t('col.competency'), width: 0.17 },
      { header: t('curriculum.col.demand'), width: 0.19, align: 'right' },
      { header: t('col.n'), width: 0.06, align: 'right' },
      { header: t('curriculum.col.basis'), width: 0.1 },
      { header: t('curriculum.col.coverage'), width: 0.11, align: 'right' },
      { header: t('col.gap'), width: 0.07, align: 'right' },
      { header: t('curriculum.col.priority'), width: 0.09, align: 'right' },
      { header: t('curriculum.col.peer'), width: 0.065, align: 'right' },
      { header: t('col.note'), width: 0.075 },
    ],
    comparison.rows.map((row) => actionListCells(row, minN, tr)),
  );
  paragraph(t('curriculum.actionsFootnote', { lowN: tr.integer(context.lowReliabilityN), minN: tr.integer(minN) }), { muted: true, size: 8.5 });

  if (comparison.byFramework) drawFrameworkActions(doc, comparison.byFramework, minN, heading, paragraph, tr);

  // How to read it, and the limits: below a short action list, else on page 3.
  ensureSpace(doc, 320);
  doc.moveDown(0.5);
  drawMarkdown(doc, howToReadMarkdown(context), { topHeadingLevel: 2 });
  drawMarkdown(doc, limitsMarkdown(context), { topHeadingLevel: 2 });

  drawRunningHeaders(doc, t('curriculum.header'), config.wave, 0, tr);
  doc.end();
  return finished;
}
