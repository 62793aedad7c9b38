/** One entry of the RFC 9457 `errors` extension: which input was wrong and why. */
export interface ProblemFieldError {
  /** JSON Pointer into the request body, e.g. `/lines/0/quantity`. */
  pointer?: string;
  detail: string;
  [extension: string]: unknown;
}

/** The RFC 9457 problem details fields the app reads. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors: ProblemFieldError[];
}

/** A non-2xx reply. Carries the server's problem details, or ones derived from the status line. */
export class ProblemError extends Error implements Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors: ProblemFieldError[];

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ProblemError';
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.errors = problem.errors;
  }
}

const problemMediaType = 'application/problem+json';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldErrors(value: unknown): ProblemFieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((entry) => ({
    ...entry,
    pointer: typeof entry.pointer === 'string' ? entry.pointer : undefined,
    detail: typeof entry.detail === 'string' ? entry.detail : '',
  }));
}

/** Reads the reply body as problem details; falls back to the status line for anything else. */
async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    errors: [],
  };
  const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== problemMediaType) return fallback;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return fallback;
  }
  if (!isRecord(body)) return fallback;
  return {
    type: typeof body.type === 'string' ? body.type : fallback.type,
    title: typeof body.title === 'string' ? body.title : fallback.title,
    status: typeof body.status === 'number' ? body.status : fallback.status,
    detail: typeof body.detail === 'string' ? body.detail : undefined,
    instance: typeof body.instance === 'string' ? body.instance : undefined,
    errors: fieldErrors(body.errors),
  };
}

export interface ApiRequest extends Omit<RequestInit, 'body'> {
  /** Sent as JSON with the matching content type. */
  json?: unknown;
  body?: BodyInit | null;
}

/**
 * Calls the Ordo API and returns the parsed JSON reply (undefined for 204 or an empty body).
 * Throws ProblemError on any non-2xx reply; network failures surface as the fetch TypeError.
 */
export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const { json, headers: extraHeaders, ...init } = request;
  const headers = new Headers(extraHeaders);
  if (!headers.has('accept')) headers.set('accept', `application/json, ${problemMediaType}`);
  if (json !== undefined) {
    headers.set('content-type', 'application/json');
    init.body = JSON.stringify(json);
  }
  const response = await fetch(path, { credentials: 'same-origin', ...init, headers });
  if (!response.ok) throw new ProblemError(await readProblem(response));
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}
