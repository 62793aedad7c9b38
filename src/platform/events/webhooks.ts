import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { Webhook } from 'standardwebhooks';
import { fetch } from 'undici';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { PlatformTables, WebhookDeliveriesTable, WebhookEndpointsTable } from '../db/tables.ts';
import { withTransaction } from '../db/transaction.ts';
import { type Page, type PageQuery, paginate } from '../http/pagination.ts';
import { NotFound, Problem } from '../http/problems.ts';
import { newId } from '../ids.ts';
import { type EnqueueOptions, enqueueJob, type JobRegistry } from '../jobs/queue.ts';
import { loadEvent } from './outbox.ts';
import { assertPublicLiteral, PrivateAddressRefused, webhookAgent } from './webhook-network.ts';

export type WebhookEndpoint = Omit<Selectable<WebhookEndpointsTable>, 'secret'>;
export type WebhookDelivery = Selectable<WebhookDeliveriesTable>;

/**
 * Retry schedule after each failed try, as the Standard Webhooks guidance suggests: quick
 * retries for a blip, then hours apart for an outage; dead after the ninth try (~1.5 days).
 */
export const webhookRetryDelaysMs = [5, 300, 1800, 7200, 18_000, 36_000, 36_000, 36_000].map((s) => s * 1000);
export const webhookMaxAttempts = webhookRetryDelaysMs.length + 1;
// Shorter than the shutdown grace period, so a stopping process never waits on a slow receiver.
const deliveryTimeoutMs = 5_000;
const jobName = 'webhook.deliver';

export function webhookDeliveryJob(deliveryId: string): EnqueueOptions {
  return {
    name: jobName,
    payload: { deliveryId },
    maxAttempts: webhookMaxAttempts,
    dedupeKey: `webhook:${deliveryId}`,
  };
}

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The body a receiver gets: the Standard Webhooks shape of type, timestamp and data. */
export function webhookBody(event: { id: string; type: string; occurredAt: Date; payload: unknown }): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    timestamp: event.occurredAt.toISOString(),
    data: event.payload,
  });
}

export interface WebhookOptions {
  /** Deliver to loopback and private-network addresses too (off by default: see webhook-network.ts). */
  allowPrivateNetworks: boolean;
}

export function defineWebhookJobs(
  registry: JobRegistry,
  database: Database<PlatformTables>,
  clock: Clock,
  options: WebhookOptions,
): void {
  const db = database.db;
  const agent = webhookAgent(options.allowPrivateNetworks);
  registry.define<{ deliveryId: string }>({
    name: jobName,
    maxAttempts: webhookMaxAttempts,
    backoffMs: (attempt) => webhookRetryDelaysMs[attempt - 1] ?? webhookRetryDelaysMs.at(-1)!,
    handle: async ({ deliveryId }, { attempt, signal }) => {
      const delivery = await db
        .selectFrom('webhookDeliveries')
        .innerJoin('webhookEndpoints', 'webhookEndpoints.id', 'webhookDeliveries.endpointId')
        .select(['webhookDeliveries.id', 'eventId', 'url', 'secret', 'enabled'])
        .where('webhookDeliveries.id', '=', deliveryId)
        .executeTakeFirst();
      if (!delivery) return; // its endpoint was deleted, and its deliveries with it
      if (!delivery.enabled) {
        await db
          .updateTable('webhookDeliveries')
          .set({
            state: 'dead',
            lastError: 'not sent: the endpoint is disabled',
            nextAttemptAt: null,
            updatedAt: clock.now(),
          })
          .where('id', '=', deliveryId)
          .execute();
        return;
      }
      const event = await loadEvent(db, delivery.eventId);
      if (!event) throw new Error(`event ${delivery.eventId} does not exist`);
      const body = webhookBody(event);
      const sentAt = clock.now();
      const signature = new Webhook(delivery.secret).sign(delivery.id, sentAt, body);
      let status: number | null = null;
      let failure: string | null = null;
      try {
        assertPublicLiteral(new URL(delivery.url), options.allowPrivateNetworks);
        const response = await fetch(delivery.url, {
          dispatcher: agent,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Ordo-Webhooks/1',
            'webhook-id': delivery.id,
            'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
            'webhook-signature': signature,
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.any([signal, AbortSignal.timeout(deliveryTimeoutMs)]),
        });
        status = response.status;
        await response.body?.cancel();
        if (status < 200 || status >= 300) failure = `the endpoint replied ${status}`;
      } catch (error) {
        failure =
          error instanceof Error && error.name === 'TimeoutError'
            ? 'timed out after 10 s'
            : describeFetchError(error);
      }
      const now = clock.now();
      const last = attempt >= webhookMaxAttempts;
      await db
        .updateTable('webhookDeliveries')
        .set({
          attempts: attempt,
          lastStatus: status,
          lastError: failure,
          updatedAt: now,
          ...(failure === null
            ? { state: 'delivered', deliveredAt: now, nextAttemptAt: null }
            : {
                state: last ? 'dead' : 'retrying',
                nextAttemptAt: last
                  ? null
                  : new Date(now.getTime() + (webhookRetryDelaysMs[attempt - 1] ?? 0)),
              }),
        })
        .where('id', '=', deliveryId)
        .execute();
      if (failure !== null) throw new Error(`webhook delivery ${deliveryId} failed: ${failure}`);
    },
    onDead: async (trx, job, error) => {
      const { deliveryId } = job.payload as { deliveryId: string };
      await trx
        .updateTable('webhookDeliveries')
        .set({
          state: 'dead',
          nextAttemptAt: null,
          lastError: error,
          updatedAt: job.finishedAt ?? job.updatedAt,
        })
        .where('id', '=', deliveryId)
        .execute();
    },
  });
}

/** Why a delivery could not be made, without echoing the URL (it may carry tokens in its query). */
function describeFetchError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof PrivateAddressRefused) return cause.message;
  const code = (cause as { code?: string }).code;
  return code ? `could not connect (${code})` : 'could not connect';
}

const endpointColumns = [
  'id',
  'url',
  'description',
  'eventTypes',
  'enabled',
  'createdAt',
  'updatedAt',
] as const;

export interface EndpointInput {
  url: string;
  description?: string | undefined;
  eventTypes: string[];
  enabled?: boolean | undefined;
}

export async function createWebhookEndpoint(
  database: Database<PlatformTables>,
  clock: Clock,
  input: EndpointInput,
): Promise<WebhookEndpoint & { secret: string }> {
  const now = clock.now();
  const row = {
    id: newId('whk'),
    url: input.url,
    description: input.description ?? '',
    secret: newWebhookSecret(),
    eventTypes: [...new Set(input.eventTypes)],
    enabled: input.enabled ?? true,
    createdAt: now,
    updatedAt: now,
  };
  await database.db
    .insertInto('webhookEndpoints')
    .values({ ...row, eventTypes: JSON.stringify(row.eventTypes) })
    .execute();
  return row;
}

export async function listWebhookEndpoints(
  db: Kysely<PlatformTables>,
  page: PageQuery,
): Promise<Page<WebhookEndpoint>> {
  return paginate(db.selectFrom('webhookEndpoints').select(endpointColumns), {
    limit: page.limit,
    cursor: page.cursor,
    keys: ['id'],
    cursorOf: (row) => [row.id],
  });
}

export async function getWebhookEndpoint(db: Kysely<PlatformTables>, id: string): Promise<WebhookEndpoint> {
  const row = await db
    .selectFrom('webhookEndpoints')
    .select(endpointColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFound('Webhook endpoint', id);
  return row;
}

export async function updateWebhookEndpoint(
  database: Database<PlatformTables>,
  clock: Clock,
  id: string,
  changes: Partial<EndpointInput>,
): Promise<WebhookEndpoint> {
  const row = await database.db
    .updateTable('webhookEndpoints')
    .set({
      ...(changes.url !== undefined ? { url: changes.url } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.eventTypes !== undefined
        ? { eventTypes: JSON.stringify([...new Set(changes.eventTypes)]) }
        : {}),
      ...(changes.enabled !== undefined ? { enabled: changes.enabled } : {}),
      updatedAt: clock.now(),
    })
    .where('id', '=', id)
    .returning(endpointColumns)
    .executeTakeFirst();
  if (!row) throw new NotFound('Webhook endpoint', id);
  return row;
}

export async function deleteWebhookEndpoint(db: Kysely<PlatformTables>, id: string): Promise<void> {
  const result = await db.deleteFrom('webhookEndpoints').where('id', '=', id).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw new NotFound('Webhook endpoint', id);
}

export async function listWebhookDeliveries(
  db: Kysely<PlatformTables>,
  endpointId: string,
  filter: PageQuery & { state?: WebhookDelivery['state'] | undefined },
): Promise<Page<WebhookDelivery>> {
  await getWebhookEndpoint(db, endpointId);
  let query = db.selectFrom('webhookDeliveries').selectAll().where('endpointId', '=', endpointId);
  if (filter.state) query = query.where('state', '=', filter.state);
  return paginate(query, {
    limit: filter.limit,
    cursor: filter.cursor,
    keys: ['id'],
    direction: 'desc',
    cursorOf: (row) => [row.id],
  });
}

/** Sends a delivery again, from its first try: for dead letters once the receiver is fixed. */
export async function resendWebhookDelivery(
  database: Database<PlatformTables>,
  clock: Clock,
  id: string,
): Promise<WebhookDelivery> {
  return withTransaction(database, async (trx) => {
    const delivery = await trx
      .selectFrom('webhookDeliveries')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!delivery) throw new NotFound('Webhook delivery', id);
    if (delivery.state === 'pending' || delivery.state === 'retrying') {
      throw new Problem(
        'conflict',
        `Webhook delivery ${id} is still being attempted; it can be resent once it is delivered or dead.`,
        {
          extensions: { state: delivery.state },
        },
      );
    }
    const now = clock.now();
    // No dedupe key: the row lock and state check above already allow one resend at a time, and the
    // previous job may still be finishing its bookkeeping.
    const { dedupeKey: _previous, ...job } = webhookDeliveryJob(id);
    await enqueueJob(trx, now, job);
    return trx
      .updateTable('webhookDeliveries')
      .set({ state: 'pending', attempts: 0, nextAttemptAt: now, updatedAt: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}
