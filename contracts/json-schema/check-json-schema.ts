/**
 * wave.json and codebook.json against their published JSON Schemas (schemas/wave.schema.json,
 * schemas/codebook.schema.json, draft 2020-12), with the validation functions ajv compiled from them
 * (tools/schemas/compile-validators.ts): every problem at once, each named by the JSON Pointer of the value
 * (`/sources/1/format: must be one of qualtrics, …, not "xlsx"`).
 * The wave loader (config.ts) calls it for both files, so `run`, every stage and `validate` refuse a
 * file that does not fit (ValidationError, exit 1). The same schemas let editors complete and check
 * the files through their `"$schema"` key.
 */
import { readFileSync } from 'node:fs';
import type { InputLocation } from '../errors.ts';
import * as messages from '../messages/schema.ts';
import { quoteCell } from '../messages/quote-cell.ts';
import * as compiled from './compiled-validators.generated.ts';

export type SchemaName = 'wave' | 'codebook';

/** Path of a schema from the repository root, as the sample files' `"$schema"` keys point to it. */
export const schemaFile = (name: SchemaName) => `schemas/${name}.schema.json`;

/** An error of ajv's validation functions (ajv's ErrorObject, the fields used here). */
interface SchemaError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
}

type ValidateFunction = ((document: unknown) => boolean) & { errors?: SchemaError[] | null };

/** The problems of `document` against the schema, each with the file it came from; [] when it fits. */
export function schemaProblems(name: SchemaName, document: unknown, file: string): { message: string; where: InputLocation }[] {
  const validate = compiled[name] as ValidateFunction;
  if (validate(document)) return [];
  const lines = (validate.errors ?? []).map((error) => describeError(name, error, document));
  return [...new Set(lines)].map((message) => ({ message, where: { file } }));
}

/** One ajv error as a line: the value's JSON Pointer, what is wrong, and the value found. */
function describeError(name: SchemaName, error: SchemaError, document: unknown): string {
  const value = () => shown(valueAt(document, error.instancePath));
  // The schema object holding the failed keyword: its schemaPath (`#/$defs/source/properties/…/enum`) without the keyword.
  const parent = valueAt(schemaOf(name), error.schemaPath.slice(1).split('/').slice(0, -1).join('/')) as { description?: string; properties?: Record<string, unknown> } | undefined;
  switch (error.keyword) {
    case 'required':
      return messages.schemaProblem(error.instancePath, messages.missingKey(String(error.params.missingProperty)));
    case 'additionalProperties': {
      const allowed = Object.keys(parent?.properties ?? {}).filter((key) => key !== '$schema');
      return messages.schemaProblem(`${error.instancePath}`, messages.unknownKey(String(error.params.additionalProperty), allowed));
    }
    case 'enum':
      return messages.schemaProblem(error.instancePath, messages.notOneOf(error.params.allowedValues as unknown[], value()));
    case 'type':
      return messages.schemaProblem(error.instancePath, messages.wrongType(TYPE_NAMES[String(error.params.type)] ?? String(error.params.type), value()));
    case 'pattern':
    case 'not':
      if (error.params.pattern === '\\S') return messages.schemaProblem(error.instancePath, messages.blank());
      return messages.schemaProblem(error.instancePath, parent?.description ? messages.describedRule(parent.description, value()) : messages.otherRule(error.message ?? error.keyword, value()));
    default:
      return messages.schemaProblem(error.instancePath, messages.otherRule(error.message ?? error.keyword, value()));
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a text', number: 'a number', integer: 'a whole number', boolean: 'true or false', array: 'a list [ … ]', object: 'an object { … }', null: 'null',
};

const schemas = new Map<SchemaName, unknown>();

/** The schema itself (read only to word an error). */
function schemaOf(name: SchemaName): unknown {
  if (!schemas.has(name)) schemas.set(name, JSON.parse(readFileSync(new URL(`../../${schemaFile(name)}`, import.meta.url), 'utf8')));
  return schemas.get(name);
}

/** The value at a JSON Pointer (RFC 6901). */
function valueAt(document: unknown, pointer: string): unknown {
  let value = document;
  for (const token of pointer.split('/').slice(1)) {
    const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

function shown(value: unknown): string {
  if (typeof value === 'string') return quoteCell(value);
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'an object';
  return String(value);
}
