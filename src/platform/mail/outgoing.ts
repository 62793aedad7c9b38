import type { Kysely, Selectable } from 'kysely';
import type { OutgoingMailStatus, OutgoingMailTable, PlatformTables } from '../db/tables.ts';
import { type Page, type PageQuery, paginate } from '../http/pagination.ts';
import { NotFound } from '../http/problems.ts';
import { type Id, newId } from '../ids.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { mailDeliveryJob } from './delivery.ts';
import { type MailTemplateName, type MailTemplates, renderMail } from './render.ts';

export interface MailMessage<T extends MailTemplateName = MailTemplateName> {
  to: { address: string; name?: string | undefined };
  template: T;
  /** The recipient's language (BCP 47, e.g. `es`); templates fall back to English. */
  language: string;
  variables: MailTemplates[T];
  /** What the message is about, to find it again: `{ type: 'order', id: 'ord_…' }`. */
  reference?: { type: string; id: string } | undefined;
}

export interface QueuedMail {
  id: Id<'mail'>;
  subject: string;
  /** The language the message was written in (the one asked for, or English). */
  language: string;
}

// Not a full RFC 5322 parser: a recipient we cannot write into a header is refused here, at the
// change that asked for the mail, rather than found out by a failing delivery later.
const address = /^[^\s@<>()",;:\\]+@[^\s@<>()",;:\\]+\.[^\s@<>()",;:\\]+$/;

/**
 * Renders `message` and adds it to the outgoing mail in the caller's transaction, with the job
 * that sends it (or keeps it for the back office when no SMTP server is configured). Both exist
 * exactly when the caller's change commits: a rolled-back order sends nothing.
 */
export async function queueMail<T extends MailTemplateName>(
  trx: Kysely<PlatformTables>,
  now: Date,
  message: MailMessage<T>,
): Promise<QueuedMail> {
  return (await insertMail(trx, now, message, null))!;
}

/**
 * Like `queueMail`, once per `key`: for handlers that run at least once per event, keyed by what
 * the message is sent for (`backorder-arrived:evt_…`). Returns null, and queues nothing, when a
 * message with that key exists; a concurrent call with the same key waits for the first to
 * commit or roll back.
 */
export async function queueMailOnce<T extends MailTemplateName>(
  trx: Kysely<PlatformTables>,
  now: Date,
  key: string,
  message: MailMessage<T>,
): Promise<QueuedMail | null> {
  return insertMail(trx, now, message, key);
}

async function insertMail<T extends MailTemplateName>(
  trx: Kysely<PlatformTables>,
  now: Date,
  message: MailMessage<T>,
  dedupeKey: string | null,
): Promise<QueuedMail | null> {
  const to = message.to.address.trim();
  const name = (message.to.name ?? '').replace(/\s+/g, ' ').trim();
  if (!address.test(to)) throw new TypeError(`cannot send mail to "${to}": not an email address`);
  const rendered = renderMail(message.template, message.language, message.variables);
  const id = newId('mail');
  const inserted = await trx
    .insertInto('outgoingMail')
    .values({
      id,
      toAddress: to,
      toName: name,
      fromAddress: null,
      fromName: null,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      language: rendered.language,
      template: message.template,
      referenceType: message.reference?.type ?? null,
      referenceId: message.reference?.id ?? null,
      status: 'queued',
      sendingUntil: null,
      lastError: null,
      providerMessageId: null,
      createdAt: now,
      sentAt: null,
      dedupeKey,
    })
    .onConflict((oc) => oc.column('dedupeKey').where('dedupeKey', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return null;
  await enqueueJob(trx, now, mailDeliveryJob(id));
  return { id, subject: rendered.subject, language: rendered.language };
}

export type OutgoingMail = Omit<Selectable<OutgoingMailTable>, 'sendingUntil' | 'dedupeKey'>;
export type OutgoingMailSummary = Omit<OutgoingMail, 'text' | 'html'>;

const summaryColumns = [
  'id',
  'toAddress',
  'toName',
  'fromAddress',
  'fromName',
  'subject',
  'language',
  'template',
  'referenceType',
  'referenceId',
  'status',
  'attempts',
  'lastError',
  'providerMessageId',
  'createdAt',
  'sentAt',
] as const;

export interface OutgoingMailFilter extends PageQuery {
  status?: OutgoingMailStatus | undefined;
  referenceId?: string | undefined;
  /** The recipient's address, in any case. */
  to?: string | undefined;
}

/** Outgoing mail, newest first. */
export async function listOutgoingMail(
  db: Kysely<PlatformTables>,
  filter: OutgoingMailFilter,
): Promise<Page<OutgoingMailSummary>> {
  let query = db.selectFrom('outgoingMail').select(summaryColumns);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.referenceId) query = query.where('referenceId', '=', filter.referenceId);
  if (filter.to)
    query = query.where((eb) => eb(eb.fn('lower', ['toAddress']), '=', filter.to!.toLowerCase()));
  return paginate(query, {
    limit: filter.limit,
    cursor: filter.cursor,
    keys: ['createdAt', 'id'],
    direction: 'desc',
    cursorOf: (row) => [row.createdAt.toISOString(), row.id],
  });
}

/** One message with its text and HTML. */
export async function getOutgoingMail(db: Kysely<PlatformTables>, id: string): Promise<OutgoingMail> {
  const row = await db
    .selectFrom('outgoingMail')
    .select([...summaryColumns, 'text', 'html'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFound('Outgoing mail', id);
  return row;
}
