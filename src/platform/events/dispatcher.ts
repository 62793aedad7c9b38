import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { PlatformTables } from '../db/tables.ts';
import { withTransaction } from '../db/transaction.ts';
import { newId } from '../ids.ts';
import { enqueueJob, type JobRegistry } from '../jobs/queue.ts';
import { type DomainEvent, loadEvent, matchesEventType } from './outbox.ts';
import { webhookDeliveryJob } from './webhooks.ts';

/** An in-process reaction to events. Handlers run at least once per event: make them idempotent. */
export interface Subscriber {
  /** Stable name: its pending work is stored under it. */
  name: string;
  /** Event types, `noun.*` or `*`. */
  events: readonly string[];
  handle: (event: DomainEvent) => Promise<void>;
  maxAttempts?: number;
}

const subscriberJob = (name: string) => `subscriber:${name}`;

/** Makes each subscriber a durable job type, so its work survives crashes and is retried. */
export function defineSubscriberJobs(
  registry: JobRegistry,
  database: Database<PlatformTables>,
  subscribers: Subscriber[],
) {
  for (const subscriber of subscribers) {
    registry.define<{ eventId: string }>({
      name: subscriberJob(subscriber.name),
      maxAttempts: subscriber.maxAttempts ?? 10,
      handle: async ({ eventId }) => {
        const event = await loadEvent(database.db, eventId);
        if (!event) throw new Error(`event ${eventId} does not exist`);
        await subscriber.handle(event);
      },
    });
  }
}

export interface DispatcherOptions {
  database: Database<PlatformTables>;
  subscribers: Subscriber[];
  clock: Clock;
  log: Logger;
  batchSize?: number;
  pollMs?: number;
}

/**
 * Moves committed events from the outbox to the work queue: one job per interested subscriber
 * and one delivery per interested webhook endpoint, in the same transaction that marks the
 * event dispatched. Events are claimed with SKIP LOCKED, so several dispatchers can run.
 */
export class OutboxDispatcher {
  readonly #options: Required<DispatcherOptions>;
  #stopped = true;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;

  constructor(options: DispatcherOptions) {
    this.#options = { batchSize: 100, pollMs: 500, ...options };
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#options.database.signals.on('outbox', this.#onSignal);
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#options.database.signals.off('outbox', this.#onSignal);
    this.#wake?.();
    await this.#loop;
  }

  #onSignal = () => this.#wake?.();

  async #run(): Promise<void> {
    while (!this.#stopped) {
      let dispatched = 0;
      try {
        dispatched = await this.dispatchBatch();
      } catch (error) {
        this.#options.log.error({ err: error }, 'outbox dispatch failed; retrying');
      }
      if (this.#stopped) break;
      if (dispatched === this.#options.batchSize) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.#options.pollMs);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = undefined;
    }
  }

  /** Fans out one batch of undispatched events; returns how many. */
  async dispatchBatch(): Promise<number> {
    const { database, subscribers, clock, batchSize } = this.#options;
    return withTransaction(database, async (trx) => {
      const events = await trx
        .selectFrom('outboxEvents')
        .select(['id', 'type'])
        .where('dispatchedAt', 'is', null)
        .orderBy('id')
        .limit(batchSize)
        .forUpdate()
        .skipLocked()
        .execute();
      if (events.length === 0) return 0;
      const now = clock.now();
      const endpoints = await trx
        .selectFrom('webhookEndpoints')
        .select(['id', 'eventTypes'])
        .where('enabled', '=', true)
        .execute();
      for (const event of events) {
        for (const subscriber of subscribers) {
          if (!matchesEventType(subscriber.events, event.type)) continue;
          await enqueueJob(trx, now, {
            name: subscriberJob(subscriber.name),
            payload: { eventId: event.id },
          });
        }
        for (const endpoint of endpoints) {
          if (!matchesEventType(endpoint.eventTypes, event.type)) continue;
          const deliveryId = newId('msg');
          await trx
            .insertInto('webhookDeliveries')
            .values({
              id: deliveryId,
              endpointId: endpoint.id,
              eventId: event.id,
              eventType: event.type,
              state: 'pending',
              lastStatus: null,
              lastError: null,
              nextAttemptAt: now,
              deliveredAt: null,
              createdAt: now,
              updatedAt: now,
            })
            .execute();
          await enqueueJob(trx, now, webhookDeliveryJob(deliveryId));
        }
      }
      await trx
        .updateTable('outboxEvents')
        .set({ dispatchedAt: now })
        .where(
          'id',
          'in',
          events.map((e) => e.id),
        )
        .execute();
      return events.length;
    });
  }
}
