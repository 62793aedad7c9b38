import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldError } from './problems.ts';

// Bodies are validated exactly as sent: "2" is not a number. Query strings, path parameters
// and headers arrive as text, so those are coerced to the types their schema names.
function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    strict: false,
  });
  addFormats.default(ajv);
  return ajv;
}

const strictAjv = makeAjv(false);
const coercingAjv = makeAjv(true);

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strictAjv : coercingAjv;
  return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
};

const partNames: Record<string, FieldError['in']> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a known field';
    case 'type':
      return `must be ${/^[aeiou]/.test(String(params.type)) ? 'an' : 'a'} ${params.type}`;
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'format':
      return `must be a valid ${params.format}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    default:
      return error.message ?? 'is not valid';
  }
}

/** Turns Ajv's errors into field errors with a JSON pointer to each bad field. */
export function fieldErrors(errors: ErrorObject[], context: string | undefined): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors) {
    // A union reports every branch; the branch errors say more than "must match a schema in anyOf".
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'if') continue;
    const params = error.params as Record<string, unknown>;
    let pointer = error.instancePath;
    if (error.keyword === 'required') pointer += `/${escapePointer(String(params.missingProperty))}`;
    if (error.keyword === 'additionalProperties')
      pointer += `/${escapePointer(String(params.additionalProperty))}`;
    const detail = describe(error);
    const key = `${pointer} ${detail}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const part = context ? partNames[context] : undefined;
    result.push({ pointer, detail, ...(part && part !== 'body' ? { in: part } : {}) });
  }
  return result;
}

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Validates a value against a body schema outside HTTP (the command line), with the same field errors. */
export function checkBody(schema: object, value: unknown): FieldError[] {
  const validate = strictAjv.compile(schema);
  return validate(value) ? [] : fieldErrors(validate.errors ?? [], 'body');
}

/** The JSON pointer of the first string (or key) holding a NUL character, which PostgreSQL cannot store. */
export function findNul(value: unknown, pointer = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? pointer : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, `${pointer}/${i}`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = `${pointer}/${escapePointer(key)}`;
      if (key.includes('\u0000')) return at;
      const found = findNul(item, at);
      if (found !== null) return found;
    }
  }
  return null;
}
