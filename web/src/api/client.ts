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
  /** Members the problem type adds beyond RFC 9457's own, e.g. `existingId` on a duplicate. */
  extensions?: Record<string, unknown>;
}

/** A non-2xx reply. Carries the server's problem details, or ones derived from the status line. */
export class ProblemError extends Error implements Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors: ProblemFieldError[];
  readonly extensions: Record<string, unknown>;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ProblemError';
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.errors = problem.errors;
    this.extensions = problem.extensions ?? {};
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

const problemMembers = new Set(['type', 'title', 'status', 'detail', 'instance', 'errors']);

/** Problem details from a reply's status, media type and body text; the status line for anything else. */
function parseProblem(status: number, statusText: string, contentType: string | null, text: string): Problem {
  const fallback: Problem = {
    type: 'about:blank',
    title: statusText || `HTTP ${status}`,
    status,
    errors: [],
  };
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== problemMediaType) return fallback;
  let body: unknown;
  try {
    body = JSON.parse(text);
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
    extensions: Object.fromEntries(Object.entries(body).filter(([name]) => !problemMembers.has(name))),
  };
}

/** Reads the reply body as problem details; falls back to the status line for anything else. */
async function readProblem(response: Response): Promise<Problem> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // An unreadable body leaves the status line.
  }
  return parseProblem(response.status, response.statusText, response.headers.get('content-type'), text);
}

/** Every list replies `{ items, next }`; pass `next` as `cursor` for the following page. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/** The server's reason for one input, from a problem's `errors` list, as a sentence. */
export function problemFieldError(error: unknown, pointer: string): string | undefined {
  if (!(error instanceof ProblemError)) return undefined;
  const detail = error.errors.find((entry) => entry.pointer === pointer)?.detail;
  return detail ? detail.charAt(0).toUpperCase() + detail.slice(1) : undefined;
}

/** True when a form shows every field error the problem names, so an extra alert would only repeat them. */
export function problemOnlyConcerns(error: unknown, pointers: readonly string[]): boolean {
  return (
    error instanceof ProblemError &&
    error.errors.length > 0 &&
    error.errors.every((entry) => entry.pointer !== undefined && pointers.includes(entry.pointer))
  );
}

const csrfHeader = 'x-csrf-token';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
// The session's CSRF token lives in memory only: it comes with sign-in and with every /auth/me reply.
let csrfToken: string | undefined;
let tokenHolderId: string | undefined;

/** Remembers the signed-in session's CSRF token and whose it is (both undefined after sign-out). */
export function setCsrfToken(token: string | undefined, staffId?: string): void {
  csrfToken = token;
  tokenHolderId = token ? staffId : undefined;
}

export interface ApiRequest extends Omit<RequestInit, 'body'> {
  /** Sent as JSON with the matching content type. */
  json?: unknown;
  body?: BodyInit | null;
}

/**
 * Asks the session for its CSRF token again, as the same person signing in anew in another tab
 * replaces the session. Someone else's session is not taken over: this page still shows the
 * previous person, so the change must fail rather than be made in another name.
 */
async function refreshCsrfToken(): Promise<boolean> {
  const response = await fetch('/api/v1/auth/me', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  if (!response.ok) return false;
  const me = (await response.json()) as { id?: unknown; csrfToken?: unknown };
  if (typeof me.csrfToken !== 'string' || me.csrfToken === csrfToken) return false;
  if (tokenHolderId === undefined || me.id !== tokenHolderId) return false;
  csrfToken = me.csrfToken;
  return true;
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
  // The server refuses cookie-authenticated changes without the session's token.
  const method = (init.method ?? 'GET').toUpperCase();
  const withToken = csrfToken !== undefined && !safeMethods.has(method) && !headers.has(csrfHeader);
  const send = () => {
    if (withToken && csrfToken) headers.set(csrfHeader, csrfToken);
    return fetch(path, { credentials: 'same-origin', ...init, headers });
  };
  let response = await send();
  if (!response.ok) {
    const problem = await readProblem(response);
    // A refused token changed nothing on the server, so one retry with the session's current token is safe.
    const staleToken = withToken && problem.status === 403 && problem.type.endsWith('/csrf-failed');
    if (!staleToken || !(await refreshCsrfToken())) throw new ProblemError(problem);
    response = await send();
    if (!response.ok) throw new ProblemError(await readProblem(response));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

export interface UploadProgress {
  /** Bytes of the body sent so far. */
  loaded: number;
  /** The body's size in bytes. */
  total: number;
}

export interface ApiUpload {
  body: Blob;
  /** The body's media type, e.g. `text/csv`. */
  contentType: string;
  /** Called as the body goes out; the server may already be working on what it received. */
  onProgress?: (progress: UploadProgress) => void;
  /** Called once the whole body is sent and only the server's answer is awaited. */
  onSent?: () => void;
  signal?: AbortSignal;
}

interface UploadReply {
  status: number;
  statusText: string;
  contentType: string | null;
  text: string;
}

/** One POST through XMLHttpRequest, the browser API that reports upload progress (fetch does not). */
function sendUpload(path: string, upload: ApiUpload): Promise<UploadReply> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const abort = () => request.abort();
    request.open('POST', path);
    request.withCredentials = true;
    request.setRequestHeader('accept', `application/json, ${problemMediaType}`);
    request.setRequestHeader('content-type', upload.contentType);
    if (csrfToken) request.setRequestHeader(csrfHeader, csrfToken);
    request.upload.onprogress = (event) =>
      upload.onProgress?.({
        loaded: event.loaded,
        total: event.lengthComputable ? event.total : upload.body.size,
      });
    request.upload.onload = () => upload.onSent?.();
    request.onload = () => {
      upload.signal?.removeEventListener('abort', abort);
      resolve({
        status: request.status,
        statusText: request.statusText,
        contentType: request.getResponseHeader('content-type'),
        text: request.responseText,
      });
    };
    // Like fetch: a network failure is a TypeError, a cancelled upload an AbortError.
    request.onerror = () => reject(new TypeError('The upload failed: the server could not be reached.'));
    request.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    if (upload.signal?.aborted) return reject(new DOMException('The upload was cancelled.', 'AbortError'));
    upload.signal?.addEventListener('abort', abort, { once: true });
    request.send(upload.body);
  });
}

/**
 * Sends a file as the body of a POST, with the session's CSRF token as apiFetch does, reporting
 * progress as the bytes go out. Returns the parsed JSON reply; throws ProblemError on a non-2xx reply.
 */
export async function apiUpload<T>(path: string, upload: ApiUpload): Promise<T> {
  const withToken = csrfToken !== undefined;
  let reply = await sendUpload(path, upload);
  if (reply.status < 200 || reply.status >= 300) {
    const problem = parseProblem(reply.status, reply.statusText, reply.contentType, reply.text);
    // A refused token changed nothing on the server, so one retry with the session's current token is safe.
    const staleToken = withToken && problem.status === 403 && problem.type.endsWith('/csrf-failed');
    if (!staleToken || !(await refreshCsrfToken())) throw new ProblemError(problem);
    reply = await sendUpload(path, upload);
    if (reply.status < 200 || reply.status >= 300)
      throw new ProblemError(parseProblem(reply.status, reply.statusText, reply.contentType, reply.text));
  }
  return (reply.text === '' ? undefined : JSON.parse(reply.text)) as T;
}

const within = (pointer: string | undefined, parent: string) =>
  pointer !== undefined && (pointer === parent || pointer.startsWith(`${parent}/`));

/**
 * The server's reason for an input or for anything inside it, as a sentence: `/variants/0/prices/1`
 * also shows `/variants/0/prices/1/amount`. For inputs that stand for a whole part of the body.
 */
export function problemFieldErrorWithin(error: unknown, pointer: string): string | undefined {
  if (!(error instanceof ProblemError)) return undefined;
  const detail = error.errors.find((entry) => within(entry.pointer, pointer))?.detail;
  return detail ? detail.charAt(0).toUpperCase() + detail.slice(1) : undefined;
}

/** Like problemOnlyConcerns, for a form whose inputs each show their pointer and what lies inside it. */
export function problemOnlyConcernsWithin(error: unknown, pointers: readonly string[]): boolean {
  return (
    error instanceof ProblemError &&
    error.errors.length > 0 &&
    error.errors.every((entry) => pointers.some((pointer) => within(entry.pointer, pointer)))
  );
}

/** The server's reason for the first of `pointers` it names; `nested` ones also take problems inside them. */
export function problemFieldErrorAt(
  error: unknown,
  pointers: readonly { pointer: string; nested: boolean }[],
): string | undefined {
  for (const { pointer, nested } of pointers) {
    const detail = nested ? problemFieldErrorWithin(error, pointer) : problemFieldError(error, pointer);
    if (detail) return detail;
  }
  return undefined;
}
