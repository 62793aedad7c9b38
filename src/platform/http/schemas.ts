import { type TSchema, Type } from '@sinclair/typebox';

/** RFC 9457 problem details, as every error reply is shaped. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ format: 'uri', examples: ['https://ordo.dev/problems/validation-failed'] }),
    title: Type.String({ examples: ['Your request is not valid'] }),
    status: Type.Integer({ examples: [422] }),
    detail: Type.String({ examples: ['/url: must be a valid uri'] }),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          pointer: Type.String({ description: 'JSON pointer to the field', examples: ['/url'] }),
          detail: Type.String({ examples: ['must be a valid uri'] }),
          in: Type.Optional(
            Type.Union([Type.Literal('query'), Type.Literal('path'), Type.Literal('header')]),
          ),
        }),
      ),
    ),
  },
  { $id: 'Problem', additionalProperties: true, description: 'RFC 9457 problem details' },
);

/** Problem replies a route may give, for its OpenAPI description. */
export function problemReplies(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((status) => [status, Type.Ref(ProblemSchema)]));
}

export const IdParam = (prefix: string) =>
  Type.Object({
    id: Type.String({ pattern: `^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`, description: `A ${prefix}_ id` }),
  });

export const Timestamp = Type.String({ format: 'date-time', examples: ['2026-11-30T12:00:00.000Z'] });
