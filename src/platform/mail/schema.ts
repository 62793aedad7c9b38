import { type Static, Type } from '@sinclair/typebox';
import { PageQuery } from '../http/pagination.ts';
import { Timestamp } from '../http/schemas.ts';

export const MailStatusSchema = Type.Union(
  [
    Type.Literal('queued'),
    Type.Literal('sending'),
    Type.Literal('sent'),
    Type.Literal('stored'),
    Type.Literal('failed'),
  ],
  {
    description:
      '`queued`: waiting for its first or next try; `sending`: a try is talking to the SMTP server; ' +
      '`sent`: the SMTP server accepted it; `stored`: kept in Ordo because no SMTP server is configured; ' +
      '`failed`: refused by the server or out of tries (see `lastError`).',
    examples: ['sent'],
  },
);
export type MailStatus = Static<typeof MailStatusSchema>;

const summaryFields = {
  id: Type.String({ examples: ['mail_01JDQ6Y3M5W9X8Z2A4B6C8D0EF'] }),
  toAddress: Type.String({ examples: ['ana.garcia@example.es'] }),
  toName: Type.String({ examples: ['Ana García'] }),
  fromAddress: Type.Union([Type.String(), Type.Null()], {
    description: 'Filled when the message is sent or stored, from the sender configured then',
    examples: ['shop@demo.ordo.dev'],
  }),
  fromName: Type.Union([Type.String(), Type.Null()], { examples: ['Ordo Demo Shop'] }),
  subject: Type.String({ examples: ['Tu pedido #1001 en Ordo Demo Shop está confirmado'] }),
  language: Type.String({ description: 'The language it is written in', examples: ['es'] }),
  template: Type.String({ examples: ['order-confirmation'] }),
  referenceType: Type.Union([Type.String(), Type.Null()], {
    description: 'What the message is about',
    examples: ['order'],
  }),
  referenceId: Type.Union([Type.String(), Type.Null()], { examples: ['ord_01JDQ6Y3M5W9X8Z2A4B6C8D0EF'] }),
  status: MailStatusSchema,
  attempts: Type.Integer({ description: 'Tries so far', examples: [1] }),
  lastError: Type.Union([Type.String(), Type.Null()], {
    examples: ['ESOCKET: connect ECONNREFUSED 10.0.0.5:587'],
  }),
  providerMessageId: Type.Union([Type.String(), Type.Null()], {
    description: 'The Message-ID the SMTP server accepted',
    examples: ['<mail_01JDQ6Y3M5W9X8Z2A4B6C8D0EF@demo.ordo.dev>'],
  }),
  createdAt: Timestamp,
  sentAt: Type.Union([Timestamp, Type.Null()]),
};

/** A message in the outgoing-mail list, without its bodies. */
export const OutgoingMailSummarySchema = Type.Object(summaryFields, { $id: 'OutgoingMailSummary' });
export type OutgoingMailSummaryReply = Static<typeof OutgoingMailSummarySchema>;

/** One message with its plain-text and HTML bodies. */
export const OutgoingMailSchema = Type.Object(
  {
    ...summaryFields,
    text: Type.String({ description: 'The plain-text body' }),
    html: Type.String({ description: 'The HTML body, exactly as sent; show it only in a sandboxed frame' }),
  },
  { $id: 'OutgoingMail' },
);
export type OutgoingMailReply = Static<typeof OutgoingMailSchema>;

export const OutgoingMailQuery = Type.Composite([
  PageQuery,
  Type.Object({
    status: Type.Optional(MailStatusSchema),
    referenceId: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'Only mail about this record',
        examples: ['ord_01JDQ6Y3M5W9X8Z2A4B6C8D0EF'],
      }),
    ),
    to: Type.Optional(
      Type.String({
        maxLength: 320,
        description: 'Only mail to this address (any case)',
        examples: ['ana.garcia@example.es'],
      }),
    ),
  }),
]);
export type OutgoingMailQuery = Static<typeof OutgoingMailQuery>;
