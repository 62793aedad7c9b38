/**
 * The catalogue of problems Ordo reports, as RFC 9457 problem details. Domain code throws
 * `Problem`s (or subclasses); one error handler turns them into `application/problem+json`.
 * Services never import HTTP types: a problem is a domain error that happens to carry a status.
 */

export const problemTypeBase = 'https://ordo.dev/problems/';

export interface FieldError {
  /** JSON pointer to the offending field, e.g. `/lines/0/sku`; '' for the whole body. */
  pointer: string;
  detail: string;
  /** Where the field is when it is not in the body: the query string, the path or a header. */
  in?: 'body' | 'query' | 'path' | 'header';
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const problemCatalogue = {
  'validation-failed': { status: 422, title: 'Your request is not valid' },
  'bad-request': { status: 400, title: 'Bad request' },
  'malformed-json': { status: 400, title: 'The body is not valid JSON' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  'out-of-stock': { status: 409, title: 'Not enough stock' },
  'payment-declined': { status: 402, title: 'The payment was declined' },
  'payment-provider-unavailable': { status: 503, title: 'The payment provider did not answer' },
  'invalid-transition': { status: 409, title: 'This change is not allowed in the current state' },
  'idempotency-key-in-use': {
    status: 409,
    title: 'A request with this Idempotency-Key is still in progress',
  },
  'idempotency-key-reused': { status: 422, title: 'This Idempotency-Key was used with a different request' },
  unauthorized: { status: 401, title: 'Sign-in required' },
  forbidden: { status: 403, title: 'Not allowed' },
  'csrf-failed': { status: 403, title: 'Missing or wrong CSRF token' },
  'invalid-credentials': { status: 401, title: 'Email or password is wrong' },
  'too-many-requests': { status: 429, title: 'Too many requests' },
  'service-unavailable': { status: 503, title: 'Service unavailable' },
  'internal-error': { status: 500, title: 'Something went wrong on our side' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof problemCatalogue;

export class Problem extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly title: string;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    code: ProblemCode,
    detail: string,
    options: {
      errors?: FieldError[];
      extensions?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(detail);
    this.name = 'Problem';
    this.code = code;
    this.status = problemCatalogue[code].status;
    this.title = problemCatalogue[code].title;
    this.errors = options.errors;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }

  toBody(instance?: string): ProblemBody {
    return {
      ...this.extensions,
      type: problemTypeBase + this.code,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export class NotFound extends Problem {
  constructor(what: string, id: string) {
    super('not-found', `${what} ${id} does not exist.`, { extensions: { resource: what, id } });
  }
}

export class ValidationFailed extends Problem {
  constructor(errors: FieldError[], detail?: string) {
    super(
      'validation-failed',
      detail ??
        (errors.length === 1
          ? `${errors[0]?.pointer || 'body'}: ${errors[0]?.detail}`
          : `${errors.length} fields are not valid.`),
      { errors },
    );
  }
}

export class InvalidTransition extends Problem {
  constructor(what: string, from: string, to: string, allowed: readonly string[]) {
    super('invalid-transition', `${what} cannot go from ${from} to ${to}.`, {
      extensions: { from, to, allowed: [...allowed] },
    });
  }
}
