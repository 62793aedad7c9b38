import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type FieldError,
  Problem,
  type ProblemBody,
  type ProblemCode,
  ValidationFailed,
} from './problems.ts';
import { fieldErrors, findUnstorableText } from './validation.ts';

export const problemContentType = 'application/problem+json; charset=utf-8';

/** Sends a problem reply, bypassing route response serializers so nothing is filtered out. */
export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
  const body: ProblemBody = problem.toBody(reply.request.url.split('?')[0]);
  return reply.code(problem.status).type(problemContentType).send(JSON.stringify(body));
}

const fastifyCodes: Record<string, (error: FastifyError, request: FastifyRequest) => Problem> = {
  FST_ERR_CTP_INVALID_JSON_BODY: (error) => new Problem('malformed-json', cleanJsonMessage(error.message)),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    new Problem('malformed-json', 'The body is empty but the Content-Type says JSON.', {
      errors: [{ pointer: '', detail: 'is empty' }],
    }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (_error, request) =>
    new Problem(
      'unsupported-media-type',
      `Content-Type ${request.headers['content-type'] ?? '(none)'} is not accepted here; send application/json.`,
    ),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () =>
    new Problem('bad-request', 'The Content-Length header does not match the body.'),
  FST_ERR_CTP_BODY_TOO_LARGE: (_error, request) =>
    new Problem(
      'payload-too-large',
      `The body is larger than the ${request.routeOptions.bodyLimit} bytes accepted.`,
      {
        extensions: { limit: request.routeOptions.bodyLimit },
      },
    ),
};

function cleanJsonMessage(message: string): string {
  // Node's parser says e.g. "Unexpected token } in JSON at position 12"; keep that, drop any echo of the input.
  const reason = message.split('\n')[0]?.slice(0, 200) ?? 'invalid JSON';
  return `The body could not be parsed as JSON: ${reason}`;
}

export function toProblem(error: FastifyError | Error, request: FastifyRequest): Problem | undefined {
  if (error instanceof Problem) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const errors: FieldError[] = fieldErrors(
      fastifyError.validation as Parameters<typeof fieldErrors>[0],
      fastifyError.validationContext,
    );
    return new ValidationFailed(errors);
  }
  const mapped = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (mapped) return mapped(fastifyError, request);
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return new Problem('malformed-json', cleanJsonMessage(error.message));
  }
  // PostgreSQL refusing a value (bad encoding, NUL) that validation let through: the input's fault.
  const sqlState = (error as { code?: string }).code;
  // Two requests writing the same unique value at the same moment: the services check first and
  // answer 409 with details; the one that lost the race in between gets this.
  if (sqlState === '23505') {
    return new Problem(
      'conflict',
      'Another change used the same value at the same moment. Reload and try again.',
      {
        extensions: { constraint: (error as { constraint?: string }).constraint ?? null },
      },
    );
  }
  if (sqlState === '22021' || sqlState === '22P05')
    return new Problem('bad-request', 'The request contains characters that cannot be stored.');
  // Two transactions waited on each other and PostgreSQL stopped one: nothing was written; retry.
  if (sqlState === '40P01' || sqlState === '40001') {
    return new Problem(
      'conflict',
      'Another change to the same records happened at the same moment; nothing was changed. Try again.',
      {
        headers: { 'retry-after': '1' },
      },
    );
  }
  if (sqlState === '22003') {
    return new Problem('validation-failed', 'A number in the request is larger than can be stored.');
  }
  const status = fastifyError.statusCode;
  const byStatus: Record<number, ProblemCode> = {
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not-found',
    405: 'method-not-allowed',
    409: 'conflict',
    413: 'payload-too-large',
    415: 'unsupported-media-type',
    429: 'too-many-requests',
  };
  if (status && byStatus[status]) return new Problem(byStatus[status], error.message);
  if (status && status >= 400 && status < 500) return new Problem('bad-request', error.message);
  return undefined;
}

/** Every error becomes an RFC 9457 problem; bugs are logged with the request id and never echoed. */
export function registerErrorHandling(app: FastifyInstance): void {
  // Checked before schema validation, for every body and query string.
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['body', request.body],
      ['query', request.query],
    ] as const) {
      const problem = findUnstorableText(value);
      if (problem !== null) {
        throw new ValidationFailed([{ ...problem, ...(part === 'query' ? { in: 'query' as const } : {}) }]);
      }
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error, request);
    if (problem && problem.status < 500) {
      request.log.info({ problem: problem.code, detail: problem.message }, 'request rejected');
      return sendProblem(reply, problem);
    }
    if (problem) {
      request.log.warn({ err: error }, 'request failed');
      return sendProblem(reply, problem);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      new Problem(
        'internal-error',
        `An unexpected error stopped this request. If it happens again, quote request id ${request.id}.`,
        { extensions: { requestId: request.id } },
      ),
    );
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      new Problem('not-found', `There is no ${request.method} ${request.url.split('?')[0]} here.`),
    ),
  );
}
