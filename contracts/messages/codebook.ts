/**
 * Messages of `skillgap codebook init`. Each says what was found and what the reviewer should do.
 * None quotes cell values other than answer labels of rating columns (never personal data:
 * personal-data columns are dropped at ingest before the draft sees the table).
 */
import { quoteCell } from './quote-cell.ts';

export const outNamesAFile = (out: string, existingFile: boolean, folder: string) =>
  `--out names a folder, as for every command (the draft is written to <folder>/codebook.json), but ${out} ${existingFile ? 'is a file' : 'looks like a file name'}: give its folder instead, e.g. --out ${folder}`;
export const draftWouldOverwrite = (path: string) =>
  `${path} exists: codebook init does not overwrite a codebook (it may hold your review); move it away, give another --out folder, or add --force`;
export const missingFrom = () => 'name the export to draft from: skillgap codebook init --from FILE, or --wave ID for every source of a wave.json';
export const waveConfigMissing = (path: string) =>
  `no wave config at ${path}: write wave.json first (README, "Running a new wave"), or use --from FILE`;
export const waveWithoutSources = (path: string) => `${path}: "sources" must list the wave's export files (id, file, population)`;
export const reviewCount = (count: number) => `${count} entr${count === 1 ? 'y' : 'ies'} in "review": check each, then delete the "draft" and "review" keys or leave them (they are ignored)`;
export const badPopulation = (value: string) => `--population must be industry or education, not "${value}"`;
export const requiredColumnNotFound = (role: string) =>
  `no ${role} column recognised: fill in "columns.${role}" in the draft by hand`;
export const summary = (file: string, format: string, items: number, ratingColumns: number, review: number) =>
  `codebook draft from ${file} (${format}): ${items} of ${ratingColumns} rating column(s) mapped with confidence ≥ 0.5; ${review} entr${review === 1 ? 'y' : 'ies'} to review`;
export const metadataFound = (roles: string) => `metadata columns: ${roles}`;
export const scaleFound = (min: number, max: number, labels: number, missing: number, ordered: boolean) =>
  `scale ${min}–${max}: ${labels} answer label(s), ${missing} missing-answer label(s)${ordered ? '' : ' — NOT all placed: check "scale" and the review list'}`;
export const unrecognisedLabel = (label: string, count: number) =>
  `answer label ${quoteCell(label)} (${count} cell(s)) matches no known scale pattern: add it to scale.labels or scale.missing`;
export const written = (path: string) => `draft written to ${path}: check its "review" list (README, "Running a new wave", step 3), then run skillgap validate`;
export const placedLabel = (label: string, count: number, placedAs: number | string, how: string) =>
  `answer label ${quoteCell(label)} (${count} cell(s)) placed ${typeof placedAs === 'number' ? `at ${placedAs}` : `as missing (${placedAs})`} as ${how}: check it`;
export const notRatingsFound = (count: number) =>
  `${count} column(s) looked like ratings but are not (consent, checkbox, count, id, ranking…): see draft.notRatings`;
export const badDimension = (pair: string) =>
  `--dimension takes QUESTION=DIMENSION with a dimension importance, preparedness or coverage (e.g. --dimension Q4=coverage), not "${pair}"`;
