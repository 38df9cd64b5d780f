export const tooManyLevels = (limit: number) =>
  `the answers take more than ${limit} distinct values; skillgap expects ratings on a scale of at most ${limit} points (check the codebook's scale)`;
export const codeOutOfRange = (code: number, respondent: number) =>
  `answer code ${code} of respondent ${respondent} names no value; the normalised answers are damaged (re-run \`skillgap run --force\`)`;
export const badShape = (where: string, cells: number, expected: number) =>
  `${where}: ${cells} answer cells where respondents × competencies × dimensions = ${expected}; the file is damaged or from another version (re-run \`skillgap run --force\`)`;
