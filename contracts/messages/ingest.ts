/**
 * Messages of the ingest stage (export readers). Each says what is wrong and how to fix it.
 * None of them takes a cell value: locations (file, row, column) are added by ValidationError,
 * so personal data can never reach a message through this catalogue.
 */
import { quoteCell } from './quote-cell.ts';

export const fileNotFound = () => 'file not found: check the path in wave.json (sources[].file) or on the command line';
export const notAFile = (kind?: string) =>
  `${kind ? `this is ${kind}, ` : ''}not a regular file: expected a survey export (.csv, .tsv, .txt, .xlsx or .sav) saved to disk`;
export const emptyFile = () => 'the file is empty: export the responses again from the survey tool';
export const noDataRows = (headerRows: number) =>
  `no data rows: the file holds only its ${headerRows} header row(s); export again with responses included`;
export const emptyHeader = () => 'the first row is empty: the file must start with its header row';
export const binaryFile = (what: string) =>
  `this is not a text export (${what}): save it from the survey tool as CSV, TSV, XLSX or SPSS .sav`;
export const zipWithTextExtension = () =>
  'the file is a ZIP archive (probably an .xlsx workbook) although its name says text: rename it to .xlsx';
export const xlsxNotZip = () =>
  'the file is named .xlsx but is not an Excel workbook (no ZIP signature): export it again, or rename it to .csv if it is text';
export const xlsxUnreadable = (reason: string, part = '') =>
  `the Excel workbook cannot be read${part ? ` in ${part}` : ''} (${reason}): the file is damaged or cut; open and save it again in Excel or export it as CSV`;
export const xlsxDamagedSheet = (reason: string, part: string) =>
  `the Excel workbook is damaged in ${part}: ${reason}; rows would be lost, so nothing was read: open and save it again in Excel or export it as CSV`;
export const xlsxNoSheet = () => 'the Excel workbook has no worksheet with data';
export const savUnreadable = (reason: string) => `the SPSS .sav file cannot be read (${reason}): save it again from SPSS or export as CSV`;
export const savCasesCut = (counted: number, read: number, partialSlots: number) =>
  partialSlots > 0
    ? `the SPSS .sav data ends inside case ${counted + 1} (${partialSlots} value(s) of it present): the file is cut short; save it again from the survey tool`
    : `the SPSS .sav data holds ${counted} case(s) but only ${read} could be read: save it again from the survey tool or export as CSV`;
export const savHeaderCaseCount = (header: number, counted: number) =>
  `the SPSS .sav header says ${header} case(s) but the data holds ${counted}; all ${counted} were read`;
export const savDamaged = (reason: string, byte: number) =>
  `the SPSS .sav file is damaged at byte ${byte}: ${reason}; cases would be lost, so nothing was read: save it again from SPSS or export as CSV`;
export const savCasesDisagree = (read: number, held: number) =>
  `the SPSS reader decoded ${read} case(s) but the data section holds ${held}: the compressed data is damaged; save it again from SPSS or export as CSV`;
export const notSav = () => 'format "spss" was requested but the file is not an SPSS .sav file (no $FL2/$FL3 signature)';
export const savGivenOtherFormat = (format: string) =>
  `the file is an SPSS .sav file but format "${format}" was requested: set format to "spss" or remove the override`;
export const unterminatedQuote = () =>
  'a quoted field is never closed (unbalanced double quote): everything after it would be read as one cell; fix the quote or export again';
export const malformedQuote = () =>
  'malformed quoted field: a closing double quote is followed by other text (write "" for a quote inside a quoted cell)';
export const singleColumn = (format: string) =>
  `only one column found (format ${format}): the delimiter is probably wrong; expected comma, semicolon or tab`;
export const raggedRow = (fields: number, expected: number) =>
  `row has ${fields} fields but the header has ${expected}: ${fields < expected ? 'missing cells were read as empty' : 'the extra non-empty cells were not read'}`;
export const raggedRowsMore = (count: number) => `${count} more row(s) with a field count different from the header`;
export const trailingEmptyFields = (rows: number) =>
  `${rows} row(s) end with empty fields beyond the last header column (trailing delimiters); those empty fields were ignored`;
export const trailingBlankLines = (lines: number) => `${lines} empty line(s) at the end of the file were ignored`;
export const windows1252Fallback = (byteOffset: number) =>
  `the file is not valid UTF-8 (first invalid byte at offset ${byteOffset}); it was decoded as Windows-1252`;
export const duplicateColumn = (key: string, renamed: string) => `duplicate column ${quoteCell(key)} renamed to ${quoteCell(renamed)}`;
export const unnamedColumn = (position: number, key: string) => `column ${position} has no header; it is called ${quoteCell(key)}`;
export const personalColumnsDropped = (count: number) => `${count} personal-data column(s) dropped at ingest`;
export const formatDetected = (format: string, evidence: string[]) => `detected format ${format}: ${evidence.join('; ')}`;
export const splitHeaderMissing = (format: string, rows: number) =>
  `format ${format} needs ${rows} header rows but the file has fewer records`;
export const mappedColumnHoldsPersonalData = (role: string, kind: string) =>
  `the codebook maps this column as ${role}, but most of its values are ${kind}: personal data is never kept. Map another column (or remove the entry) in codebook.json`;
export const respondentIdIsPersonal = () =>
  'the codebook maps this column as the respondent id, but its name says it holds personal data (a name, e-mail, phone…): it would be written to respondents.csv and audit.csv. Map a response id column instead in codebook.json';
export const keptTextIsPersonal = (column: string, why: string) =>
  `codebook keepText names column "${column}", but ${why}: it was dropped, not kept`;
export const keptTextMissing = (column: string) => `codebook keepText names column "${column}", which this export does not have`;
