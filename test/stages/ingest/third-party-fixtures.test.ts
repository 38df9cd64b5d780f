/**
 * Every third-party export in ../shared/fixtures/third-party/ (27 files, SOURCES.md there says
 * where each comes from) is read with the right tool, header rows, row count, encoding and
 * delimiter, with a cell or two checked, the last data row included (so nothing is lost at the end).
 *
 * How the expected row counts were found, independently of this code base:
 *   - CSV: Python 3.11's csv module (`csv.reader` over the file decoded as UTF-8, BOM stripped, or
 *     as cp1252 where UTF-8 fails), counting non-empty records after the tool's header rows;
 *     the trailing blank line of the LimeSurvey files is an empty record, not a row.
 *   - TSV (Google Sheets, no quoting): the file split on CRLF, then on tabs: 1,839 lines of
 *     exactly 52 fields each, one header line.
 *   - XLSX: openpyxl 3.0.9 (`load_workbook(read_only=True)`, `iter_rows`), rows of the first sheet
 *     minus the header row.
 *   - SAV: R 4's foreign::read.spss(to.data.frame = TRUE): nrow() of the data frame.
 * The spot-checked cells were read the same way (by eye in the file for the TSV line 1436).
 */
import { describe, expect, it } from 'vitest';
import { readExport } from '../../../stages/ingest/read-export.ts';
import type { ExportFormat } from '../../../contracts/types.ts';
import { cell, fixture, haveThirdParty } from './fixture-helpers.ts';

interface Expected {
  file: string;
  format: ExportFormat;
  headerRows: number;
  rows: number;
  columns: number;
  encoding: string;
  delimiter: string;
  /** [data row index (0-based), column key, cell]. */
  cells: [number, string, string][];
}

const FIXTURES: Expected[] = [
  // Google Forms / Sheets
  {
    file: 'google-forms/google-forms-sheets-csv-form-responses-spanish-rsurvey2019.csv', format: 'google-forms', headerRows: 1, rows: 338, columns: 52, encoding: 'utf-8', delimiter: ',',
    cells: [[0, 'Timestamp', '12/13/2019 12:02:32'], [337, 'Timestamp', '1/9/2020 20:30:20'], [337, '¿Cómo calificarías tu nivel de experiencia usando R?', 'Inicial']],
  },
  {
    file: 'google-forms/google-forms-sheets-tsv-english-rsurvey2019.tsv', format: 'google-forms', headerRows: 1, rows: 1838, columns: 52, encoding: 'utf-8', delimiter: '\t',
    cells: [
      [0, 'How would you rate your level of experience using R?', 'Expert'],
      [1837, 'Timestamp', '1/9/2020 18:58:43'],
      // File line 16 and line 1436: cells that start with a double quote are text (Google Sheets never quotes).
      [14, 'To help us ensure that you are not a robot, please enter the number of characters in the word "analysis" in the text box below. Please type your answer as a word; for example if you want 3 to be your answer, type "three".', '"Eight"'],
    ],
  },
  {
    file: 'google-forms/google-forms-sheets-xlsx-english-rsurvey2019.xlsx', format: 'google-forms', headerRows: 1, rows: 1838, columns: 52, encoding: 'utf-8', delimiter: '',
    cells: [[0, 'Timestamp', '2019-12-13T09:50:30'], [1837, 'How would you rate your level of experience using R?', 'Intermediate']],
  },
  {
    file: 'google-forms/google-forms-sheets-xlsx-form-responses-1-spanish-rsurvey2019.xlsx', format: 'google-forms', headerRows: 1, rows: 338, columns: 52, encoding: 'utf-8', delimiter: '',
    cells: [[0, 'Timestamp', '2019-12-13T12:02:32'], [337, 'Timestamp', '2020-01-09T20:30:20']],
  },
  // KoboToolbox / ODK
  {
    file: 'kobotoolbox-odk/kobocat-csv-export-2013-all-quoted-trailing-comma.csv', format: 'kobo', headerRows: 1, rows: 4, columns: 23, encoding: 'utf-8', delimiter: ',',
    cells: [[3, 'transport/available_transportation_types_to_referral_facility/ambulance', 'False']],
  },
  {
    file: 'kobotoolbox-odk/kobocat-csv-export-nested-repeats-geopoint.csv', format: 'kobo', headerRows: 1, rows: 2, columns: 22, encoding: 'utf-8', delimiter: ',', // kids' names, address, gps dropped as personal data
    cells: [[0, 'kids/has_kids', '1'], [1, 'kids/has_kids', '1']],
  },
  {
    file: 'kobotoolbox-odk/kobocat-csv-export-repeats-name-column-gps.csv', format: 'kobo', headerRows: 1, rows: 1, columns: 15, encoding: 'utf-8', delimiter: ',', // name, children's names, gps dropped as personal data
    cells: [[0, 'age', '25'], [0, 'picture', 'n/a']],
  },
  {
    file: 'kobotoolbox-odk/kobocat-csv-export-select-multiple-true-false-na.csv', format: 'kobo', headerRows: 1, rows: 1, columns: 26, encoding: 'utf-8', delimiter: ',',
    cells: [[0, 'transport/available_transportation_types_to_referral_facility/bicycle', 'False']],
  },
  {
    file: 'kobotoolbox-odk/kobocat-xlsx-export-transportation.xlsx', format: 'kobo', headerRows: 1, rows: 4, columns: 30, encoding: 'utf-8', delimiter: '',
    cells: [[0, 'transport/available_transportation_types_to_referral_facility', 'none'], [3, 'transport/available_transportation_types_to_referral_facility', 'taxi other']],
  },
  // LimeSurvey
  {
    file: 'limesurvey/limesurvey-csv-code-dot-fulltext-headings-grid.csv', format: 'limesurvey', headerRows: 1, rows: 65, columns: 646, encoding: 'utf-8 (BOM)', delimiter: ',',
    cells: [[0, 'id', '7'], [64, 'id', '71'], [64, 'submitdate', '1980-01-01 00:00:00'], [5, 'LikertTypePage1[1]', '1. Completely disagree'], [1, 'LikertTypePage1[1]', '4. Slightly disagree']],
  },
  {
    file: 'limesurvey/limesurvey-csv-code-headings-anonymised-1980-dates-grid.csv', format: 'limesurvey', headerRows: 1, rows: 65, columns: 646, encoding: 'utf-8 (BOM)', delimiter: ',',
    cells: [[0, 'id', '7'], [64, 'id', '71'], [5, 'LikertTypePage1[1]', 'D4'], [1, 'LikertTypePage1[1]', 'D1']],
  },
  {
    file: 'limesurvey/limesurvey-csv-codes-json-in-cell-other-column-dutch.csv', format: 'limesurvey', headerRows: 1, rows: 65, columns: 27, encoding: 'utf-8', delimiter: ',',
    cells: [[0, 'id', '6'], [64, 'id', '73']],
  },
  {
    file: 'limesurvey/limesurvey-xlsx-export-artifact-evaluation.xlsx', format: 'limesurvey', headerRows: 1, rows: 257, columns: 227, encoding: 'utf-8', delimiter: '',
    cells: [[0, 'id', '4'], [256, 'id', '273'], [256, 'submitdate', '2019-07-09 05:29:33']],
  },
  {
    file: 'limesurvey/limesurvey5-rdata-export-100001-equation-headers-multiselect.csv', format: 'limesurvey', headerRows: 1, rows: 3, columns: 646, encoding: 'utf-8 (BOM)', delimiter: ',',
    cells: [[2, 'Response ID', '3'], [2, 'Date submitted', '2022-03-15 10:53:36']],
  },
  {
    file: 'limesurvey/limesurvey5-rdata-export-998192-bom-fulltext-header.csv', format: 'limesurvey', headerRows: 1, rows: 7, columns: 68, encoding: 'utf-8 (BOM)', delimiter: ',', // address [Street/Number/City] dropped
    cells: [[6, 'Response ID', '9'], [6, 'Start language', 'nl-informal']],
  },
  // Qualtrics
  {
    file: 'qualtrics/qualtrics-3row-labels-preview-and-partial-rows-tutorial.csv', format: 'qualtrics', headerRows: 3, rows: 25, columns: 16, encoding: 'utf-8', delimiter: ',', // name_confidential dropped
    cells: [[0, 'StartDate', '2025-07-01 11:13:44'], [24, 'Progress', '29'], [24, 'Status', 'IP Address']],
  },
  {
    file: 'qualtrics/qualtrics-insights2016-multiselect-binary-columns.csv', format: 'qualtrics', headerRows: 3, rows: 5, columns: 29, encoding: 'utf-8', delimiter: ',',
    cells: [[4, 'ResponseID', 'R_5d5Farh7brTe56d']],
  },
  {
    file: 'qualtrics/qualtrics-insights2016-na-recodes-singlequote-importid.csv', format: 'qualtrics', headerRows: 3, rows: 15, columns: 42, encoding: 'utf-8', delimiter: ',',
    cells: [[14, 'ResponseID', 'R_cMkftXWgl0BWu0Z']],
  },
  {
    file: 'qualtrics/qualtrics-legacy-2row-bom-side-by-side-hash-columns.csv', format: 'qualtrics-legacy', headerRows: 2, rows: 25, columns: 64, encoding: 'utf-8 (BOM)', delimiter: ',',
    cells: [[0, 'ResponseID', 'R_ewCdw76T6j8eNRH'], [24, 'ResponseID', 'R_5zPhB03htvhCfmB']],
  },
  {
    file: 'qualtrics/qualtrics-legacy-export-2header-bom.csv', format: 'qualtrics-legacy', headerRows: 2, rows: 1, columns: 9, encoding: 'utf-8 (BOM)', delimiter: ',',
    cells: [[0, 'ResponseSet', 'Standard-Antwortsatz']],
  },
  {
    file: 'qualtrics/qualtrics-v3-export-3header-importid-german-labels.csv', format: 'qualtrics', headerRows: 3, rows: 1, columns: 13, encoding: 'utf-8', delimiter: ',',
    cells: [[0, 'Q2', 'Hello World!']],
  },
  // SPSS
  {
    file: 'spss/kobocat-onadata-spss-export-children-spssio21.sav', format: 'spss', headerRows: 0, rows: 3, columns: 17, encoding: 'UTF-8', delimiter: '',
    cells: [[0, 'var2', '5'], [2, 'var2', '3']],
  },
  {
    file: 'spss/spss21-multiple-response-sets-simple-alltypes.sav', format: 'spss', headerRows: 0, rows: 6, columns: 12, encoding: 'windows-1252', delimiter: '',
    cells: [[5, 'x', '9'], [5, 'str', 'MORE JUNK']],
  },
  {
    file: 'spss/spss25-user-defined-missing-values.sav', format: 'spss', headerRows: 0, rows: 2, columns: 1, encoding: 'windows-1252', delimiter: '',
    cells: [[1, 'var1', '2']],
  },
  // SurveyMonkey
  {
    file: 'surveymonkey/surveymonkey-2row-header-multiselect-na-starwars.csv', format: 'surveymonkey', headerRows: 2, rows: 1186, columns: 38, encoding: 'windows-1252', delimiter: ',',
    cells: [[1185, 'RespondentID', '3288372923']],
  },
  {
    file: 'surveymonkey/surveymonkey-2row-header-other-specify-sleeping-alone.csv', format: 'surveymonkey', headerRows: 2, rows: 1093, columns: 31, encoding: 'windows-1252', delimiter: ',',
    cells: [[1092, 'StartDate', '7/9/14 17:45']],
  },
  {
    file: 'surveymonkey/surveymonkey-2row-header-steak-risk.csv', format: 'surveymonkey', headerRows: 2, rows: 550, columns: 15, encoding: 'utf-8', delimiter: ',',
    cells: [[549, 'RespondentID', '3234760413'], [549, 'Do you ever smoke cigarettes?', 'Yes']],
  },
];

describe.skipIf(!haveThirdParty)('every third-party fixture: tool, header rows, rows, encoding, delimiter', () => {
  it('lists all 27 fixtures', () => expect(FIXTURES).toHaveLength(27));

  it.each(FIXTURES.map((expected) => [expected.file, expected] as const))('%s', async (_name, expected) => {
    const table = await readExport({ path: fixture(expected.file), sourceId: 'fixture' });
    expect({ format: table.format, headerRows: table.headerRows, rows: table.rows.length, columns: table.columns.length, encoding: table.encoding, delimiter: table.delimiter }).toEqual({
      format: expected.format, headerRows: expected.headerRows, rows: expected.rows, columns: expected.columns, encoding: expected.encoding, delimiter: expected.delimiter,
    });
    for (const [row, key, value] of expected.cells) expect(cell(table, row, key), `${key}, data row ${row}`).toBe(value);
  });

  it('Google Sheets TSV: the cell of line 1436 that opens with a quote is text, and the TSV equals its XLSX sibling', async () => {
    const tsv = await readExport({ path: fixture('google-forms/google-forms-sheets-tsv-english-rsurvey2019.tsv'), sourceId: 'tsv' });
    const xlsx = await readExport({ path: fixture('google-forms/google-forms-sheets-xlsx-english-rsurvey2019.xlsx'), sourceId: 'xlsx' });
    const row = tsv.sourceRows.indexOf(1436);
    expect(cell(tsv, row, 'What do you like best about using R?').startsWith(`"There's a package for that." Doesn't matter`)).toBe(true);
    expect(tsv.detection.evidence.join(' ')).toMatch(/without quoting/);
    // Same answers in every text column (the XLSX writes the timestamp as ISO and numbers as numbers).
    const question = 'What do you like best about using R?';
    // Google Sheets turns a line break inside a cell into a space in TSV (and a leading one into nothing), so compare with white space collapsed.
    const words = (text: string) => text.replace(/\s+/g, " ").trim();
    expect(tsv.rows.map((_, i) => words(cell(tsv, i, question)))).toEqual(xlsx.rows.map((_, i) => words(cell(xlsx, i, question))));
  });

  it('LimeSurvey "question code & question text" headings: code as key, text as label, same keys and answers-by-row as the code-heading export', async () => {
    const both = await readExport({ path: fixture('limesurvey/limesurvey-csv-code-dot-fulltext-headings-grid.csv'), sourceId: 'both' });
    const codes = await readExport({ path: fixture('limesurvey/limesurvey-csv-code-headings-anonymised-1980-dates-grid.csv'), sourceId: 'codes' });
    expect(both.detection.evidence[0]).toMatch(/question code & question text/);
    expect(both.columns.map((column) => column.key)).toEqual(codes.columns.map((column) => column.key));
    expect(both.columns[0]).toEqual({ key: 'id', label: 'Response ID' });
    expect(both.columns.find((column) => column.key === 'LikertTypePage1[1]')?.label).toMatch(/^Instructions: Think about your experience in MATH 2209\..*\[.+\]$/s);
    expect(both.rows.map((row) => row[0])).toEqual(codes.rows.map((row) => row[0]));
  });
});
