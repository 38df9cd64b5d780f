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
 */
import type { Competency, WaveConfig } from '../../../contracts/types.ts';
import type { CurriculumComparison, CurriculumRow } from '../../../commands/curriculum/compare-curriculum.ts';
import { countryDisplayName } from '../../normalise/regions.ts';
import { formatCount, formatEstimate, formatInterval } from '../format.ts';
import { drawMarkdown } from '../pdf/draw-markdown.ts';
import { drawSvg } from '../pdf/draw-svg.ts';
import { drawTable } from '../pdf/draw-table.ts';
import { COLOURS, CONTENT_BOTTOM, CONTENT_WIDTH, FONTS, PAGE, createReportDocument, drawRunningHeaders, ensureSpace, reportDate } from '../pdf/page-layout.ts';
import { renderSpecToSvg } from '../render-figure.ts';
import { buildCurriculumChart } from './curriculum-chart.ts';
import type { FrameworkActions } from '../../../commands/curriculum/compare-curriculum.ts';
import type { UnitActionRow } from '../../../commands/curriculum/framework-profile.ts';
import { basisSentences, howToReadMarkdown, limitsMarkdown, topActionSentence, type CurriculumTextContext } from './curriculum-text.ts';

export interface CurriculumReportInput {
  comparison: CurriculumComparison;
  config: WaveConfig;
  competencies: readonly Competency[];
  scale: { min: number; max: number };
}

/** The action-list cells of one row; the same rounding as every table of the main report. */
export function actionListCells(row: CurriculumRow, minN: number): string[] {
  const number = (value: number | null) => (value === null ? '–' : formatEstimate(value));
  const demand =
    row.demandMean === null
      ? '–'
      : `${formatEstimate(row.demandMean)}${row.demandCiLow !== null && row.demandCiHigh !== null ? ` (${formatInterval(row.demandCiLow, row.demandCiHigh)})` : ''}`;
  const notes = [row.demandLowReliability ? 'low rel.' : '', row.note === 'not_rated' ? 'not rated' : '', row.note === 'demand_suppressed' ? 'suppr.' : ''].filter(Boolean);
  return [
    row.rank === null ? '' : String(row.rank),
    row.label,
    demand,
    row.demandN === null ? '' : formatCount(row.demandN, minN),
    row.basis || '–',
    number(row.coverage),
    number(row.gap),
    number(row.priority),
    row.peerPercentile === null ? '–' : String(Math.round(row.peerPercentile)),
    notes.join(', '),
  ];
}

const unitName = (row: UnitActionRow) => (row.unit === row.name ? row.name : `${row.unit} ${row.name}`);

/** The actions ranked per unit of the chosen framework, and how the profile was mapped (framework-profile.ts). */
function drawFrameworkActions(
  doc: PDFKit.PDFDocument, actions: FrameworkActions, minN: number, heading: (text: string, size?: number) => void, paragraph: (text: string, options?: { muted?: boolean; size?: number }) => void,
): void {
  const number = (value: number | null) => (value === null ? '–' : formatEstimate(value));
  doc.addPage();
  heading(`Actions per ${actions.unitLabel}: ${actions.name}`);
  paragraph(`${actions.version}. ${actions.how}`, { muted: true, size: 9 });
  drawTable(
    doc,
    [
      { header: 'Rank', width: 0.07, align: 'right' },
      { header: actions.unitLabel[0]!.toUpperCase() + actions.unitLabel.slice(1), width: 0.24 },
      { header: 'Demand (95% CI)', width: 0.19, align: 'right' },
      { header: 'n', width: 0.06, align: 'right' },
      { header: 'Basis', width: 0.09 },
      { header: 'Coverage', width: 0.11, align: 'right' },
      { header: 'Gap', width: 0.07, align: 'right' },
      { header: 'Priority', width: 0.09, align: 'right' },
      { header: 'Note', width: 0.08 },
    ],
    actions.rows.map((row) => [
      row.rank === null ? '' : String(row.rank),
      unitName(row),
      row.demandMean === null ? '–' : `${formatEstimate(row.demandMean)}${row.demandCiLow !== null && row.demandCiHigh !== null ? ` (${formatInterval(row.demandCiLow, row.demandCiHigh)})` : ''}`,
      row.demandN === null ? '' : formatCount(row.demandN, minN),
      row.basis || '–',
      number(row.coverage),
      number(row.gap),
      number(row.priority),
      row.note === 'not_rated' ? 'not rated' : row.note === 'demand_suppressed' ? `n < ${minN}` : row.note === 'no_competency' ? 'no data' : '',
    ]),
  );
  paragraph('“no data”: no competency of the survey maps to this unit, so industry demand cannot be estimated for it.', { muted: true, size: 8.5 });
  if (actions.crosswalk.length > 0) {
    ensureSpace(doc, 120);
    heading('How the profile was mapped to competencies', 12);
    drawTable(
      doc,
      [
        { header: 'Competency', width: 0.3 },
        { header: 'Coverage', width: 0.12, align: 'right' },
        { header: 'From', width: 0.58 },
      ],
      actions.crosswalk.map((note) => [note.competency, number(note.coverage), note.how]),
    );
  }
}

export async function assembleCurriculumReport(input: CurriculumReportInput): Promise<Buffer> {
  const { comparison, config } = input;
  const date = reportDate(config);
  const minN = config.suppression.minN;
  const context: CurriculumTextContext = {
    minN,
    lowReliabilityN: config.suppression.lowReliabilityN,
    scale: input.scale,
    regionScheme: config.regionScheme,
    wave: config.wave,
  };
  const title = `Curriculum and industry demand: ${comparison.institution}`;
  const { doc, finished } = createReportDocument({
    title,
    subject: `Curriculum coverage compared with industry demand, survey wave ${config.wave}`,
    keywords: 'cybersecurity, curriculum, skills gap, education, industry',
    date,
  });
  const heading = (text: string, size = 16) => {
    doc.font(FONTS.bold).fontSize(size).fillColor(COLOURS.heading).text(text, PAGE.marginSide, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.5);
  };
  const paragraph = (text: string, options: { muted?: boolean; size?: number; bold?: boolean } = {}) => {
    doc.font(options.bold ? FONTS.bold : FONTS.regular).fontSize(options.size ?? 10).fillColor(options.muted ? COLOURS.muted : COLOURS.text).text(text, PAGE.marginSide, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.4);
  };

  // Page 1: who, where, the top action and the chart.
  heading(comparison.institution, 18);
  if (comparison.programme) paragraph(comparison.programme, { size: 12 });
  paragraph(`${countryDisplayName(comparison.country)} · survey wave ${config.wave} · report date ${config.reportDate}`, { muted: true });
  doc.moveDown(0.3);
  for (const sentence of basisSentences(comparison, context)) paragraph(sentence);
  const top = comparison.rows[0];
  paragraph(topActionSentence(top), { bold: true });
  const topUnit = comparison.byFramework?.rows[0];
  if (topUnit && topUnit.rank !== null) paragraph(`By ${comparison.byFramework!.unitLabel} of ${comparison.byFramework!.name}: act first on ${unitName(topUnit)} (priority ${formatEstimate(topUnit.priority!)}).`, { bold: true });
  doc.moveDown(0.3);
  // The chart takes the rest of the first page (it is scaled down, never up).
  drawSvg(doc, await renderSpecToSvg(buildCurriculumChart(comparison, config)), CONTENT_BOTTOM - doc.y - 4);

  // Page 2: the ranked action list.
  doc.addPage();
  heading('Ranked action list');
  paragraph('Highest priority first: the competencies industry values most that the programme covers least. Demand is the mean with its 95% CI; n is the number of industry answers behind it.', { muted: true, size: 9 });
  drawTable(
    doc,
    [
      // Widths from the DejaVu Sans Bold 8.5 pt header widths plus padding and a few points of slack, so no header or interval breaks inside a word.
      { header: 'Rank', width: 0.07, align: 'right' },
      { header: 'Competency', width: 0.17 },
      { header: 'Demand (95% CI)', width: 0.19, align: 'right' },
      { header: 'n', width: 0.06, align: 'right' },
      { header: 'Basis', width: 0.1 },
      { header: 'Coverage', width: 0.11, align: 'right' },
      { header: 'Gap', width: 0.07, align: 'right' },
      { header: 'Priority', width: 0.09, align: 'right' },
      { header: 'Peer pct.', width: 0.065, align: 'right' },
      { header: 'Note', width: 0.075 },
    ],
    comparison.rows.map((row) => actionListCells(row, minN)),
  );
  paragraph(
    `Priority = demand × (demand − coverage). Peer pct. = percentile of this coverage among education respondents of the peer region (mid-rank). “low rel.”: fewer than ${context.lowReliabilityN} industry answers. Values from fewer than ${minN} answers are never shown.`,
    { muted: true, size: 8.5 },
  );

  if (comparison.byFramework) drawFrameworkActions(doc, comparison.byFramework, minN, heading, paragraph);

  // How to read it, and the limits: below a short action list, else on page 3.
  ensureSpace(doc, 320);
  doc.moveDown(0.5);
  drawMarkdown(doc, howToReadMarkdown(context));
  drawMarkdown(doc, limitsMarkdown(context));

  drawRunningHeaders(doc, 'skillgap · curriculum comparison', config.wave);
  doc.end();
  return finished;
}
