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

/** Deeper JSON than any Ordo request needs; refused before anything walks it. */
export const maxJsonDepth = 32;

export interface TextProblem {
  pointer: string;
  detail: string;
}

function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
  // A lone surrogate is not text: PostgreSQL refuses it in jsonb and would turn it into U+FFFD in text.
  if (!text.isWellFormed()) return 'must be well-formed Unicode text';
  return null;
}

/**
 * The first string or key that PostgreSQL cannot store (NUL, a lone surrogate), or nesting deeper
 * than any request needs. Walks iteratively, so no input can exhaust the stack; plain parsed JSON
 * only (a streamed body is not walked).
 */
export function findUnstorableText(value: unknown): TextProblem | null {
  const stack: [unknown, string, number][] = [[value, '', 0]];
  while (stack.length > 0) {
    const [item, pointer, depth] = stack.pop()!;
    if (typeof item === 'string') {
      const detail = textProblem(item);
      if (detail) return { pointer, detail };
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    if (depth >= maxJsonDepth) return { pointer, detail: `is nested deeper than ${maxJsonDepth} levels` };
    const isPlain =
      Array.isArray(item) ||
      Object.getPrototypeOf(item) === Object.prototype ||
      Object.getPrototypeOf(item) === null;
    if (!isPlain) continue;
    const entries = Array.isArray(item) ? item.map((v, i) => [String(i), v] as const) : Object.entries(item);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const at = `${pointer}/${escapePointer(key)}`;
      const keyDetail = textProblem(key);
      if (keyDetail) return { pointer: at, detail: keyDetail };
      stack.push([child, at, depth + 1]);
    }
  }
  return null;
}
