/**
 * Which survey tool wrote an export, from its first records (the header block). Each rule names
 * the evidence it saw, so `skillgap validate` can say why; the first rule that fires wins:
 *   spss            the file has the SPSS `$FL2`/`$FL3` signature
 *   qualtrics       record 3 holds ImportId objects (`{"ImportId":"QID1"}` or `{'ImportId': 'QID1'}`)
 *   qualtrics-legacy record 1 is `V1,V2,V3…` and record 2 names `ResponseID`
 *   kobo            KoboToolbox/ODK metadata columns (`_uuid`, `_submission_time`, `meta/instanceID`, `_index`)
 *   limesurvey      LimeSurvey metadata (`Response ID`/`id` with `Date submitted`/`submitdate`,
 *                   `Last page`/`lastpage`, `Start language`/`startlanguage`) or `code[subcode]` headers,
 *                   or "question code & question text" headings whose codes name that metadata
 *                   (`id. Response ID`, `submitdate. Date submitted`, `Q1[SQ001]. text [sub]`)
 *   surveymonkey    record 2 is a sub-header: first cell empty and cells `Response`, `Open-Ended Response`…
 *   google-forms    record 1 starts with `Timestamp` (or its Spanish, French, German, Portuguese label)
 *   generic         anything else with a single header row
 */
import type { ExportFormat } from '../../contracts/types.ts';
import type { FormatDetection } from './ingest-types.ts';

const IMPORT_ID = /^\{\s*["']ImportId["']\s*:/;
const KOBO_META = ['_uuid', '_submission_time', 'meta/instanceID', '_index', '_id', '_submission__uuid'];
const LIME_META = ['response id', 'id', 'date submitted', 'submitdate', 'last page', 'lastpage', 'start language', 'startlanguage', 'seed'];
const MONKEY_SUBHEADERS = new Set(['response', 'open-ended response', 'other (please specify)']);
const FORMS_TIMESTAMP = new Set(['timestamp', 'marca temporal', 'horodateur', 'zeitstempel', 'carimbo de data/hora', 'informazioni cronologiche']);
const LIME_CODE = /^[A-Za-z][A-Za-z0-9_]*\[[A-Za-z0-9_]+\](\[[A-Za-z0-9_]+\])?$/;
/** LimeSurvey's metadata codes that head a "code. text" export (`id. Response ID`). */
const LIME_CODE_DOT_META = new Set(['id', 'submitdate', 'lastpage', 'startlanguage', 'seed', 'startdate', 'datestamp']);

const CODE_DOT_HEADING = /^([A-Za-z][A-Za-z0-9_]*(?:\[[A-Za-z0-9_]+\]){0,2})\. (.*)$/s;

/** A LimeSurvey "question code & question text" heading split into its code and text. */
export function limeCodeDotHeading(cell: string): { code: string; text: string } | undefined {
  const match = CODE_DOT_HEADING.exec(cell.trim());
  return match ? { code: match[1], text: match[2].trim() } : undefined;
}

export function detectFormat(firstRecords: string[][], isSav = false): FormatDetection {
  if (isSav) return { format: 'spss', evidence: ['SPSS system-file signature $FL2/$FL3'] };
  const [first = [], second = [], third = []] = firstRecords;
  const header = first.map((cell) => cell.trim());
  const found = (format: ExportFormat, ...evidence: string[]): FormatDetection => ({ format, evidence });

  const importIds = third.filter((cell) => IMPORT_ID.test(cell.trim())).length;
  if (importIds > 0 && importIds >= third.filter((cell) => cell !== '').length / 2) {
    return found('qualtrics', `record 3 holds ${importIds} ImportId objects`, 'three header rows');
  }
  if (/^V1$/.test(header[0] ?? '') && header[1] === 'V2' && second.some((cell) => cell.trim() === 'ResponseID')) {
    return found('qualtrics-legacy', 'record 1 is V1, V2, …', 'record 2 names ResponseID', 'two header rows');
  }
  const koboColumns = header.filter((cell) => KOBO_META.includes(cell));
  const groupPaths = header.filter((cell) => /^[\w.-]+\/[\w./[\]-]+$/.test(cell)).length;
  if (koboColumns.length >= 2 || (koboColumns.length === 1 && groupPaths >= 1)) {
    return found('kobo', `metadata columns ${koboColumns.join(', ')}`, `${groupPaths} group/question paths`);
  }
  const codeDotMeta = header.map((cell) => limeCodeDotHeading(cell)?.code.toLowerCase()).filter((code) => code !== undefined && LIME_CODE_DOT_META.has(code));
  if (codeDotMeta.length >= 2 && limeCodeDotHeading(header[0] ?? '') !== undefined) {
    return found('limesurvey', `"question code & question text" headings (${codeDotMeta.slice(0, 3).map((code) => `${code}. …`).join(', ')})`);
  }
  const lowerHeader = header.map((cell) => cell.toLowerCase());
  const limeMeta = LIME_META.filter((name) => lowerHeader.includes(name));
  const limeCodes = header.filter((cell) => LIME_CODE.test(cell)).length;
  if (limeMeta.length >= 3 || (limeMeta.length >= 1 && limeCodes >= 1)) {
    return found('limesurvey', `LimeSurvey metadata columns ${limeMeta.join(', ')}`, `${limeCodes} code[subcode] headers`);
  }
  const subHeaders = second.filter((cell) => MONKEY_SUBHEADERS.has(cell.trim().toLowerCase())).length;
  if (second.length > 1 && (second[0] ?? '').trim() === '' && subHeaders >= 1) {
    const blankAbove = header.filter((cell) => cell === '').length;
    return found('surveymonkey', `record 2 is a sub-header with ${subHeaders} "Response"-type labels`, `${blankAbove} continuation columns blank in record 1`, 'two header rows');
  }
  if (FORMS_TIMESTAMP.has((header[0] ?? '').toLowerCase())) {
    return found('google-forms', `first column is "${header[0]}"`, 'single header row of question titles');
  }
  if (limeCodes >= 2) return found('limesurvey', `${limeCodes} code[subcode] headers`);
  return found('generic', 'no tool-specific header found', 'single header row');
}
