/**
 * Messages of `skillgap curriculum` (commands/curriculum/, commands/curriculum-command.ts).
 * Profile values are quoted shortened, so a pasted paragraph cannot flood a message; a profile
 * holds no personal data (institution, programme, country, coverage ratings), and a survey-export
 * row is read through ingest, which has already dropped personal-data columns.
 */
const VALUE_MAX = 60;
const quote = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return JSON.stringify(text.length > VALUE_MAX ? `${text.slice(0, VALUE_MAX - 1)}…` : text);
};

export const missingProfile = () => 'name the curriculum profile with --profile FILE (a .csv or .json profile, or a survey export with --profile-row N)';
export const profileNotFound = (file: string) => `profile not found: ${file}`;
export const unreadableJson = (reason: string) => `the profile is not valid JSON (${reason}); start from data/templates/curriculum-profile.template.json`;
export const notAnObject = () => 'the profile must be a JSON object with "institution", "country" and "competencies" (see data/templates/curriculum-profile.template.json)';
export const competenciesNotObject = () => '"competencies" must be an object of competency id → coverage (a number, a scale label, or { "coverage": …, "hours": …, "ects": … })';
export const missingCsvColumns = (columns: string[]) =>
  `the profile CSV needs the column(s) ${columns.join(', ')} in its first line (see data/templates/curriculum-profile.template.csv)`;
export const emptyProfile = () => 'the profile has no rows; start from data/templates/curriculum-profile.template.csv';

export const missingField = (field: 'institution' | 'country') =>
  field === 'country'
    ? 'the country is missing: give the institution\'s country (ISO code such as "VN" or an English name such as "Viet Nam")'
    : 'the institution name is missing';
export const unknownCompetency = (id: string, suggestion: string | null) =>
  `unknown competency id ${quote(id)}${suggestion ? ` (did you mean "${suggestion}"?)` : ' (use the ids of data/competencies.json, as in the template)'}`;
export const duplicateCompetency = (id: string, firstWhere: string) => `competency "${id}" is given twice (first at ${firstWhere}); keep one`;
export const coverageOutOfRange = (value: unknown, min: number, max: number) =>
  `coverage ${quote(value)} is outside the scale ${min}–${max}: give a number from ${min} to ${max} or one of the wave's answer labels`;
export const coverageUnknownLabel = (value: unknown, min: number, max: number) =>
  `coverage ${quote(value)} is neither a number from ${min} to ${max} nor an answer label of the wave's scale`;
export const badAmount = (what: 'hours' | 'ects', value: unknown) =>
  `${what === 'ects' ? 'ECTS credits' : 'hours'} ${quote(value)} must be a number of at least 0 (or left empty)`;
export const noCoverage = () => 'no competency has a coverage rating: rate at least one competency';
export const unknownField = (key: string) => `unknown field ${quote(key)}: the profile has institution, programme, country and competencies`;

export const exportRowNeeded = (file: string) =>
  `${file} looks like a survey export: choose the respondent with --profile-row N (its row in the file) or --profile-response ID`;
export const exportRowNotFound = (selector: string, rows: number) =>
  `no data row matches ${selector} (the export has ${rows} data row(s); rows count from 1 at the first header line)`;
export const exportNotEducation = (file: string, sources: string[]) =>
  `${file} matches no education source of the wave's codebook (${sources.join(', ') || 'none'}): only an education-survey export row can serve as a profile`;
export const exportInstitution = (sourceId: string, responseId: string) => `Education respondent ${responseId} (${sourceId})`;

export const unknownRegion = (region: string, known: string[]) =>
  `unknown region "${region}" for --region: use auto, Global or one of ${known.join(', ')}`;
export const noAnalysis = (outDir: string) => `no analysis found in ${outDir}/analysis after running the pipeline; run skillgap run first`;
export const written = (dir: string, rows: number, pages: number) => `curriculum: ${rows} competencies compared, wrote report.pdf (${pages} pages), comparison.csv and comparison.json to ${dir}`;
export const fallbackNote = (count: number, from: string, to: string) =>
  `${count} competenc${count === 1 ? 'y uses' : 'ies use'} ${to} instead of ${from} for industry demand (fewer industry answers than the suppression minimum in ${from})`;
export const frameworkProfileNeedsFramework = (framework: string) =>
  `the profile rates the units of framework "${framework}", which this wave cannot resolve: use a built-in framework id (nice, ecsf, csec2017, cybok) or one listed in the wave's "frameworks"`;
export const frameworkNotInAnalysis = (framework: string) =>
  `the wave's analysis has no roll-up for framework "${framework}": add "${framework}" to "frameworks" in wave.json (the default lists nice, ecsf, csec2017 and cybok) and run the analysis again`;
