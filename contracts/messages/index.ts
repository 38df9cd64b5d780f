/**
 * The message catalogue: every user-facing message text, one file per area, re-exported here.
 * Messages say what is wrong, where, and how to fix it.
 */
export * as runMessages from './run.ts';
export * as normaliseMessages from './normalise.ts';
export * as countryMessages from './countries.ts';
export * as renderMessages from './render.ts';
export * as ingestMessages from './ingest.ts';
export * as codebookMessages from './codebook.ts';
export * as validateMessages from './validate.ts';
export * as analysisMessages from './analysis.ts';
export * as curriculumMessages from './curriculum.ts';
export * as answerTableMessages from './answer-table.ts';
export * as frameworkMessages from './frameworks.ts';
export * as outputMessages from './output.ts';
export * as schemaMessages from './schema.ts';
export * as profileMessages from './profiles.ts';
