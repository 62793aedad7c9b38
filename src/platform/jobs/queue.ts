import type { Kysely, Selectable } from 'kysely';
import type { JobsTable, PlatformTables } from '../db/tables.ts';
import { signalAfterCommit } from '../db/transaction.ts';
import { newId } from '../ids.ts';

export type Job = Selectable<JobsTable>;

export interface JobContext {
  job: Job;
  /** 1 on the first try. */
  attempt: number;
  /** Aborted when the worker stops or the job's lease is lost. */
  signal: AbortSignal;
}

export interface JobDefinition<Payload = unknown> {
  name: string;
  handle: (payload: Payload, context: JobContext) => Promise<void>;
  /** Tries before the job is dead-lettered, unless the job was enqueued with its own limit. */
  maxAttempts?: number;
  /** Delay before try `attempt + 1` after try `attempt` failed. */
  backoffMs?: (attempt: number) => number;
  /** Runs in the transaction that marks the job dead, after its last try failed. */
  onDead?: (trx: Kysely<PlatformTables>, job: Job, error: string) => Promise<void>;
}

/** The job types this process can run, by name. */
export class JobRegistry {
  readonly #definitions = new Map<string, JobDefinition>();

  define<Payload>(definition: JobDefinition<Payload>): void {
    if (this.#definitions.has(definition.name)) throw new Error(`job ${definition.name} is defined twice`);
    this.#definitions.set(definition.name, definition as JobDefinition);
  }

  get(name: string): JobDefinition | undefined {
    return this.#definitions.get(name);
  }

  get names(): string[] {
    return [...this.#definitions.keys()];
  }
}

/** Exponential back-off from 1 s, doubling, capped at an hour, with ±20 % jitter so retries spread out. */
export function exponentialBackoff(attempt: number, baseMs = 1000, capMs = 60 * 60 * 1000): number {
  const exact = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exact * (0.8 + Math.random() * 0.4));
}

export const defaultMaxAttempts = 10;

export interface EnqueueOptions {
  name: string;
  payload: unknown;
  /** When the job may run; now if omitted. */
  runAt?: Date;
  maxAttempts?: number;
  /** Higher runs first. */
  priority?: number;
  /** While a job with this key waits or runs, enqueueing another with it does nothing. */
  dedupeKey?: string;
}

/**
 * Adds a job in the caller's transaction: it exists exactly when the change that asked for it
 * commits. Returns the job id, or null when a live job with the same dedupe key exists.
 */
export async function enqueueJob(
  trx: Kysely<PlatformTables>,
  now: Date,
  options: EnqueueOptions,
): Promise<string | null> {
  const id = newId('job');
  const row = await trx
    .insertInto('jobs')
    .values({
      id,
      name: options.name,
      payload: JSON.stringify(options.payload ?? null),
      state: 'pending',
      priority: options.priority ?? 0,
      runAt: options.runAt ?? now,
      maxAttempts: options.maxAttempts ?? null,
      lockedBy: null,
      lockedUntil: null,
      lastError: null,
      dedupeKey: options.dedupeKey ?? null,
      createdAt: now,
      updatedAt: now,
      finishedAt: null,
    })
    .onConflict((oc) => oc.column('dedupeKey').where('state', 'in', ['pending', 'running']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) signalAfterCommit(trx, 'jobs');
  return row?.id ?? null;
}
