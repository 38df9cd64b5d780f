/**
 * Measures XLSX ingest (issue 8: "never the whole file in memory").
 *
 *   node bin/run-ts.js tools/bench/xlsx-ingest.ts generate <rows> <file.xlsx>
 *       writes a Google-Forms-shaped workbook (Timestamp as a dated cell, 30 answer columns,
 *       an e-mail column and a comment) with exceljs's streaming WorkbookWriter and shared strings,
 *       as Google Sheets exports it.
 *   /usr/bin/time -v node bin/run-ts.js tools/bench/xlsx-ingest.ts ingest <file.xlsx>
 *       streams the workbook through `streamExport` (what the ingest stage calls), keeping nothing,
 *       and prints rows, wall seconds and the process's peak RSS (process.resourceUsage().maxRSS).
 */
import ExcelJS from 'exceljs';
import { streamExport } from '../../stages/ingest/read-export.ts';

const RATING_LABELS = ['Not at all', 'Slightly', 'Moderately', 'Very', 'Extremely'];
const ANSWER_COLUMNS = 30;

async function generate(rows: number, file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('Form Responses 1');
  const header = ['Timestamp', 'Email Address', ...Array.from({ length: ANSWER_COLUMNS }, (_, index) => `Q${index + 1} [Skill ${index + 1}]`), 'Comments'];
  sheet.addRow(header).commit();
  const start = Date.UTC(2024, 0, 1, 9, 0, 0);
  for (let index = 0; index < rows; index++) {
    const answers = Array.from({ length: ANSWER_COLUMNS }, (_, column) => RATING_LABELS[(index * 7 + column * 3) % RATING_LABELS.length]);
    const row = sheet.addRow([new Date(start + index * 61_000), `person${index}@example.org`, ...answers, index % 10 === 0 ? `comment ${index}` : null]);
    row.getCell(1).numFmt = 'yyyy-mm-dd hh:mm:ss';
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}

async function ingest(file: string): Promise<void> {
  const started = performance.now();
  let rows = 0;
  await streamExport({ path: file, sourceId: 'bench' }, (batch) => {
    rows += batch.length;
  });
  const seconds = (performance.now() - started) / 1000;
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ rows, seconds: Number(seconds.toFixed(2)), peakRssMiB: Math.round(peakMiB) }));
}

const [command, ...args] = process.argv.slice(2);
if (command === 'generate') await generate(Number(args[0]), args[1]);
else if (command === 'ingest') await ingest(args[0]);
else throw new Error('usage: xlsx-ingest.ts generate <rows> <file.xlsx> | ingest <file.xlsx>');
