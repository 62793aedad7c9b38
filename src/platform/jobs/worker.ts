import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { PlatformTables } from '../db/tables.ts';
import { newId } from '../ids.ts';
import { defaultMaxAttempts, exponentialBackoff, type Job, type JobRegistry } from './queue.ts';
import { fireDueSchedules } from './schedules.ts';

export interface WorkerOptions {
  database: Database<PlatformTables>;
  registry: JobRegistry;
  clock: Clock;
  log: Logger;
  /** Jobs run at once in this process. */
  concurrency?: number;
  /** How often an idle worker looks for due jobs (it is also woken by local commits). */
  pollMs?: number;
  /** How long a claimed job stays ours without a heartbeat before another worker may take it. */
  leaseMs?: number;
}

/**
 * Runs durable jobs. Several workers, in one process or many, share the table: a job is
 * claimed with `FOR UPDATE SKIP LOCKED` inside the claiming update, so no two workers get it.
 * A worker that dies leaves a lease that expires; the job then runs again (at-least-once).
 */
export class JobWorker {
  readonly id = `${hostname()}:${process.pid}:${newId('wrk').slice(-6)}`;
  readonly #db: Kysely<PlatformTables>;
  readonly #options: Required<Omit<WorkerOptions, 'database'>> & { database: Database<PlatformTables> };
  readonly #running = new Map<string, { promise: Promise<void>; abort: AbortController }>();
  #stopped = true;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  #heartbeat: NodeJS.Timeout | undefined;

  constructor(options: WorkerOptions) {
    this.#db = options.database.db;
    this.#options = { concurrency: 4, pollMs: 500, leaseMs: 60_000, ...options };
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#options.database.signals.on('jobs', this.#onSignal);
    this.#heartbeat = setInterval(() => void this.#extendLeases(), Math.max(1000, this.#options.leaseMs / 3));
    this.#heartbeat.unref();
    this.#loop = this.#run();
  }

  /**
   * Stops claiming and waits up to `graceMs` for running jobs; then aborts them (their signal
   * fires) and hands them back as pending without counting the try, so another worker runs them.
   */
  async stop(graceMs = 5000): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#options.database.signals.off('jobs', this.#onSignal);
    clearInterval(this.#heartbeat);
    this.#wake?.();
    await this.#loop;
    const running = [...this.#running.values()].map((r) => r.promise);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), graceMs);
    });
    const outcome = await Promise.race([Promise.allSettled(running), deadline]);
    clearTimeout(timer);
    if (outcome !== 'late') return;
    const unfinished = [...this.#running.entries()];
    for (const [, { abort }] of unfinished) abort.abort(new Error('the worker is stopping'));
    const now = this.#options.clock.now();
    await this.#db
      .updateTable('jobs')
      .set((eb) => ({
        state: 'pending',
        attempts: eb('attempts', '-', 1),
        lockedBy: null,
        lockedUntil: null,
        runAt: now,
        updatedAt: now,
      }))
      .where(
        'id',
        'in',
        unfinished.map(([id]) => id),
      )
      .where('lockedBy', '=', this.id)
      .where('state', '=', 'running')
      .execute();
  }

  /** Claims and runs one batch of due jobs and waits for them; returns how many ran. For tests and the CLI. */
  async drain(): Promise<number> {
    await this.#maintain();
    const jobs = await this.#claim(this.#options.concurrency);
    await Promise.all(jobs.map((job) => this.#execute(job)));
    return jobs.length;
  }

  /** Job names this worker claims: only those it has handlers for (other versions may run others). */
  get #names(): string[] {
    return this.#options.registry.names;
  }

  #onSignal = () => this.#wake?.();

  async #run(): Promise<void> {
    let lastMaintenance = 0;
    while (!this.#stopped) {
      try {
        if (Date.now() - lastMaintenance >= this.#options.pollMs) {
          await this.#maintain();
          lastMaintenance = Date.now();
        }
        const free = this.#options.concurrency - this.#running.size;
        const jobs = free > 0 ? await this.#claim(free) : [];
        for (const job of jobs) this.#track(job);
        if (jobs.length > 0 && jobs.length === free) continue;
      } catch (error) {
        this.#options.log.error({ err: error }, 'job worker could not poll; retrying');
      }
      if (this.#stopped) break;
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

  #track(job: Job): void {
    const abort = new AbortController();
    const promise = this.#execute(job, abort.signal)
      .catch((error) => this.#options.log.error({ err: error, job: job.id }, 'job bookkeeping failed'))
      .finally(() => {
        this.#running.delete(job.id);
        this.#wake?.();
      });
    this.#running.set(job.id, { promise, abort });
  }

  async #maintain(): Promise<void> {
    const now = this.#options.clock.now();
    await fireDueSchedules(this.#options.database, now);
    await this.#recoverExpiredLeases(now);
  }

  async #claim(limit: number): Promise<Job[]> {
    if (this.#names.length === 0) return [];
    const now = this.#options.clock.now();
    const until = new Date(now.getTime() + this.#options.leaseMs);
    const due = this.#db
      .selectFrom('jobs')
      .select('id')
      .where('state', '=', 'pending')
      .where('runAt', '<=', now)
      .where('name', 'in', this.#names)
      .orderBy('priority', 'desc')
      .orderBy('runAt')
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked();
    return this.#db
      .updateTable('jobs')
      .set((eb) => ({
        state: 'running',
        attempts: eb('attempts', '+', 1),
        lockedBy: this.id,
        lockedUntil: until,
        updatedAt: now,
      }))
      .where('id', 'in', due)
      .returningAll()
      .execute();
  }

  async #execute(job: Job, signal: AbortSignal = new AbortController().signal): Promise<void> {
    const definition = this.#options.registry.get(job.name);
    const log = this.#options.log.child({ job: job.id, jobName: job.name, attempt: job.attempts });
    try {
      if (!definition) throw new Error(`no handler is defined for job ${job.name} in this process`);
      if (signal.aborted) throw signal.reason;
      await definition.handle(job.payload, { job, attempt: job.attempts, signal });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.#fail(job, message.slice(0, 2000)).catch((failError) =>
        log.error(
          { err: failError },
          'could not record a job failure; its lease will expire and it will run again',
        ),
      );
      log.warn({ err: error }, 'job failed');
      return;
    }
    const now = this.#options.clock.now();
    await this.#db
      .updateTable('jobs')
      .set({
        state: 'completed',
        finishedAt: now,
        updatedAt: now,
        lockedBy: null,
        lockedUntil: null,
        lastError: null,
      })
      .where('id', '=', job.id)
      .where('lockedBy', '=', this.id)
      .execute();
  }

  async #fail(job: Job, message: string): Promise<void> {
    const definition = this.#options.registry.get(job.name);
    const now = this.#options.clock.now();
    const holder = job.lockedBy ?? this.id;
    await this.#db.transaction().execute(async (trx) => {
      const maxAttempts = job.maxAttempts ?? definition?.maxAttempts ?? defaultMaxAttempts;
      if (job.attempts >= maxAttempts) {
        const dead = await trx
          .updateTable('jobs')
          .set({
            state: 'dead',
            finishedAt: now,
            updatedAt: now,
            lockedBy: null,
            lockedUntil: null,
            lastError: message,
          })
          .where('id', '=', job.id)
          .where('state', '=', 'running')
          .where('lockedBy', '=', holder)
          .returningAll()
          .executeTakeFirst();
        if (dead && definition?.onDead) await definition.onDead(trx, dead, message);
        return;
      }
      const delay = (definition?.backoffMs ?? exponentialBackoff)(job.attempts);
      await trx
        .updateTable('jobs')
        .set({
          state: 'pending',
          runAt: new Date(now.getTime() + delay),
          updatedAt: now,
          lockedBy: null,
          lockedUntil: null,
          lastError: message,
        })
        .where('id', '=', job.id)
        .where('state', '=', 'running')
        .where('lockedBy', '=', holder)
        .execute();
    });
  }

  async #extendLeases(): Promise<void> {
    const ids = [...this.#running.keys()];
    if (ids.length === 0) return;
    const now = this.#options.clock.now();
    await this.#db
      .updateTable('jobs')
      .set({ lockedUntil: new Date(now.getTime() + this.#options.leaseMs) })
      .where('id', 'in', ids)
      .where('lockedBy', '=', this.id)
      .execute()
      .catch((error) => this.#options.log.warn({ err: error }, 'could not extend job leases'));
  }

  /** Jobs whose worker died: another try after the usual back-off, or dead if that was the last. */
  async #recoverExpiredLeases(now: Date): Promise<void> {
    const expired = await this.#db
      .selectFrom('jobs')
      .selectAll()
      .where('state', '=', 'running')
      .where('lockedUntil', '<=', now)
      .orderBy('lockedUntil')
      .limit(100)
      .execute();
    for (const job of expired)
      await this.#fail(job, 'the worker running this job stopped before it finished');
  }
}
