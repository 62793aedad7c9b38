import type { ExpressionBuilder } from 'kysely';
import nodemailer from 'nodemailer';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { PlatformTables } from '../db/tables.ts';
import type { EnqueueOptions, JobRegistry } from '../jobs/queue.ts';

export interface MailAddress {
  name: string;
  address: string;
}

export interface MailDeliveryOptions {
  /** `smtp://` or `smtps://`; without it, messages are kept in Ordo (status `stored`) for the back office. */
  smtpUrl: string | undefined;
  /** The sender of every message. */
  from: MailAddress;
}

/**
 * Retry schedule after each failed try: a blip passes in minutes, an outage of the mail server
 * gets most of a day; after the eighth try the message is `failed`.
 */
export const mailRetryDelaysMs = [1, 5, 15, 60, 180, 360, 720].map((minutes) => minutes * 60_000);
export const mailMaxAttempts = mailRetryDelaysMs.length + 1;
const jobName = 'mail.deliver';
// How long one try owns a message it is sending. Longer than the SMTP timeouts below add up to,
// so a slow try is never overtaken; a try whose process died is taken over once it has passed.
const sendingLeaseMs = 5 * 60_000;
const smtpTimeouts = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 30_000,
  dnsTimeout: 10_000,
};

export function mailDeliveryJob(mailId: string): EnqueueOptions {
  return { name: jobName, payload: { mailId }, maxAttempts: mailMaxAttempts, dedupeKey: `mail:${mailId}` };
}

/** A message this try may take: waiting, or left `sending` by a try that stopped long enough ago. */
const claimable = (now: Date) => (eb: ExpressionBuilder<PlatformTables, 'outgoingMail'>) =>
  eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'sending'), eb('sendingUntil', '<=', now)])]);

/**
 * Defines the job that delivers a queued message. A message is sent at most once per try, and
 * never again once it is `sent`: each try first claims it with a conditional update, and marks
 * it `sent` only from its own claim.
 *
 * At-least-once edge: if the process dies after the SMTP server accepted the message but before
 * `sent` is written, a later try sends it again. Every try carries the same Message-ID
 * (`<mail_…@sender-domain>`), so mail servers and clients that drop duplicates by it do.
 */
export function defineMailJobs(
  registry: JobRegistry,
  database: Database<PlatformTables>,
  clock: Clock,
  options: MailDeliveryOptions,
): void {
  const db = database.db;
  // No pool: a connection per message, nothing held open between jobs or across shutdown.
  const transport = options.smtpUrl
    ? nodemailer.createTransport({ url: options.smtpUrl, pool: false, ...smtpTimeouts })
    : undefined;
  const from = options.from;
  const domain = from.address.slice(from.address.lastIndexOf('@') + 1);

  registry.define<{ mailId: string }>({
    name: jobName,
    maxAttempts: mailMaxAttempts,
    backoffMs: (attempt) => mailRetryDelaysMs[attempt - 1] ?? mailRetryDelaysMs.at(-1)!,
    handle: async ({ mailId }, { signal }) => {
      const now = clock.now();
      const claimed = await db
        .updateTable('outgoingMail')
        .set((eb) => ({
          status: transport ? 'sending' : 'stored',
          attempts: eb('attempts', '+', 1),
          sendingUntil: transport ? new Date(now.getTime() + sendingLeaseMs) : null,
          fromAddress: from.address,
          fromName: from.name,
        }))
        .where('id', '=', mailId)
        .where(claimable(now))
        .returningAll()
        .executeTakeFirst();
      if (!claimed) {
        const current = await db
          .selectFrom('outgoingMail')
          .select('status')
          .where('id', '=', mailId)
          .executeTakeFirst();
        // Gone, or already sent, stored or failed: nothing to do, and never a second copy.
        if (current?.status !== 'sending') return;
        throw new Error('another try is still sending this message');
      }
      if (!transport) return;

      let messageId: string;
      try {
        const info = await transport.sendMail({
          from: { name: from.name, address: from.address },
          to: { name: claimed.toName, address: claimed.toAddress },
          subject: claimed.subject,
          text: claimed.text,
          html: claimed.html,
          messageId: `<${claimed.id}@${domain}>`,
          headers: { 'Content-Language': claimed.language },
          signal,
        });
        messageId = info.messageId;
      } catch (error) {
        const reason = describeSmtpError(error);
        const permanent = isPermanentRejection(error);
        await db
          .updateTable('outgoingMail')
          .set({ status: permanent ? 'failed' : 'queued', sendingUntil: null, lastError: reason })
          .where('id', '=', mailId)
          .where('status', '=', 'sending')
          .execute();
        // The server refused this recipient or this message for good: another try would be refused too.
        if (permanent) return;
        throw new Error(reason);
      }
      await db
        .updateTable('outgoingMail')
        .set({
          status: 'sent',
          sentAt: clock.now(),
          providerMessageId: messageId,
          sendingUntil: null,
          lastError: null,
        })
        .where('id', '=', mailId)
        .where('status', '=', 'sending')
        .execute();
    },
    onDead: async (trx, job, error) => {
      const { mailId } = job.payload as { mailId: string };
      await trx
        .updateTable('outgoingMail')
        .set({ status: 'failed', sendingUntil: null, lastError: error })
        .where('id', '=', mailId)
        .where('status', 'in', ['queued', 'sending'])
        .execute();
    },
  });
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  command?: string;
  message?: string;
}

/** Why a message was not sent, with the server's reply when there was one. Never the URL: it may hold a password. */
function describeSmtpError(error: unknown): string {
  const e = (error ?? {}) as SmtpError;
  const message = e.message ?? String(error);
  return (e.code && !message.includes(e.code) ? `${e.code}: ${message}` : message).slice(0, 1000);
}

/**
 * A 5xx reply to the recipient or to the message itself. A 5xx to the sender or the sign-in is
 * left to retry: that is the server's configuration, which someone can fix while the retries run.
 */
function isPermanentRejection(error: unknown): boolean {
  const e = (error ?? {}) as SmtpError;
  const refused = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
  return refused && (e.command === 'RCPT TO' || e.command === 'DATA');
}
