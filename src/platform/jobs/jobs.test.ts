import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { databaseKinds, useTestDatabase } from '../../../test/support/database.ts';
import { TestClock } from '../clock.ts';
import { withTransaction } from '../db/transaction.ts';
import { enqueueJob, JobRegistry } from './queue.ts';
import { fireDueSchedules, saveSchedules } from './schedules.ts';
import { JobWorker } from './worker.ts';

const log = pino({ level: 'silent' });

describe.each(databaseKinds)('durable jobs (%s)', (kind) => {
  const db = useTestDatabase(kind);

  function setup(leaseMs = 60_000) {
    const clock = new TestClock('2026-11-30T10:00:00Z');
    const registry = new JobRegistry();
    const worker = () =>
      new JobWorker({ database: db.current, registry, clock, log, leaseMs, concurrency: 8 });
    const enqueue = (name: string, payload: unknown, extra: Partial<Parameters<typeof enqueueJob>[2]> = {}) =>
      withTransaction(db.current, (trx) => enqueueJob(trx, clock.now(), { name, payload, ...extra }));
    const job = (id: string) =>
      db.current.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return { clock, registry, worker, enqueue, job };
  }

  it('runs an enqueued job once and marks it completed', async () => {
    const { registry, worker, enqueue, job } = setup();
    const seen: unknown[] = [];
    registry.define({ name: 'test.once', handle: async (payload) => void seen.push(payload) });
    const id = (await enqueue('test.once', { n: 1 }))!;
    const w = worker();
    expect(await w.drain()).toBe(1);
    expect(await w.drain()).toBe(0);
    expect(seen).toEqual([{ n: 1 }]);
    expect(await job(id)).toMatchObject({ state: 'completed', attempts: 1, lockedBy: null });
  });

  it('does not create a job whose transaction rolled back', async () => {
    const { clock, registry, worker } = setup();
    let runs = 0;
    registry.define({ name: 'test.rolledback', handle: async () => void runs++ });
    await expect(
      withTransaction(db.current, async (trx) => {
        await enqueueJob(trx, clock.now(), { name: 'test.rolledback', payload: null });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await worker().drain();
    expect(runs).toBe(0);
  });

  it('waits for a delayed job until its time', async () => {
    const { clock, registry, worker, enqueue } = setup();
    let runs = 0;
    registry.define({ name: 'test.delayed', handle: async () => void runs++ });
    await enqueue('test.delayed', null, { runAt: new Date(clock.now().getTime() + 3_600_000) });
    const w = worker();
    await w.drain();
    expect(runs).toBe(0);
    clock.advance({ minutes: 59 });
    await w.drain();
    expect(runs).toBe(0);
    clock.advance({ minutes: 1 });
    await w.drain();
    expect(runs).toBe(1);
  });

  it('retries a failing job with growing delays, then dead-letters it and calls onDead', async () => {
    const { clock, registry, worker, enqueue, job } = setup();
    const deadCalls: string[] = [];
    registry.define({
      name: 'test.failing',
      maxAttempts: 3,
      backoffMs: (attempt) => 1000 * 10 ** attempt,
      handle: async (_payload, { attempt }) => {
        throw new Error(`try ${attempt} failed`);
      },
      onDead: async (_trx, dead, error) => void deadCalls.push(`${dead.id}:${error}`),
    });
    const id = (await enqueue('test.failing', null))!;
    const w = worker();
    await w.drain();
    let row = await job(id);
    expect(row).toMatchObject({ state: 'pending', attempts: 1, lastError: 'try 1 failed' });
    expect(row.runAt.getTime() - clock.now().getTime()).toBe(10_000);
    clock.advance(9_999);
    expect(await w.drain()).toBe(0);
    clock.advance(1);
    await w.drain();
    row = await job(id);
    expect(row).toMatchObject({ state: 'pending', attempts: 2, lastError: 'try 2 failed' });
    expect(row.runAt.getTime() - clock.now().getTime()).toBe(100_000);
    clock.advance(100_000);
    await w.drain();
    expect(await job(id)).toMatchObject({ state: 'dead', attempts: 3, lastError: 'try 3 failed' });
    expect(deadCalls).toEqual([`${id}:try 3 failed`]);
    clock.advance({ days: 30 });
    expect(await w.drain()).toBe(0);
  });

  it('keeps one live job per dedupe key', async () => {
    const { registry, worker, enqueue } = setup();
    registry.define({ name: 'test.dedupe', handle: async () => {} });
    const first = await enqueue('test.dedupe', null, { dedupeKey: 'recount:sku-1' });
    const second = await enqueue('test.dedupe', null, { dedupeKey: 'recount:sku-1' });
    expect(first).toMatch(/^job_/);
    expect(second).toBeNull();
    await worker().drain();
    expect(await enqueue('test.dedupe', null, { dedupeKey: 'recount:sku-1' })).toMatch(/^job_/);
  });

  it('runs a job again when its worker died holding it (lease expired)', async () => {
    const { clock, registry, worker, enqueue, job } = setup(30_000);
    let runs = 0;
    let crash = true;
    registry.define({
      name: 'test.crashy',
      handle: async () => {
        runs++;
        if (crash) {
          crash = false;
          // The worker "dies": the promise never settles, so the job stays claimed.
          await new Promise(() => {});
        }
      },
    });
    const id = (await enqueue('test.crashy', null))!;
    void worker().drain();
    await expect.poll(async () => (await job(id)).state).toBe('running');
    const survivor = worker();
    expect(await survivor.drain()).toBe(0);
    clock.advance(30_001);
    await survivor.drain(); // recovers the expired lease: another try after the usual back-off
    expect(await job(id)).toMatchObject({
      state: 'pending',
      lastError: 'the worker running this job stopped before it finished',
    });
    clock.advance({ seconds: 2 });
    await survivor.drain();
    expect(runs).toBe(2);
    expect(await job(id)).toMatchObject({ state: 'completed', attempts: 2 });
  });

  it('fires a cron schedule once per due time, even with several workers', async () => {
    const { clock, registry, worker } = setup();
    let runs = 0;
    registry.define({ name: 'test.nightly', handle: async () => void runs++ });
    await saveSchedules(
      db.current.db,
      [{ name: 'test.nightly', cron: '0 3 * * *', jobName: 'test.nightly' }],
      clock.now(),
    );
    const [a, b] = [worker(), worker()];
    await Promise.all([a.drain(), b.drain()]);
    expect(runs).toBe(0);
    clock.set('2026-12-01T03:00:00Z');
    const fired = await Promise.all([
      fireDueSchedules(db.current, clock.now()),
      fireDueSchedules(db.current, clock.now()),
    ]);
    expect(fired[0] + fired[1]).toBe(1);
    await Promise.all([a.drain(), b.drain()]);
    await Promise.all([a.drain(), b.drain()]);
    expect(runs).toBe(1);
    const schedule = await db.current.db
      .selectFrom('jobSchedules')
      .selectAll()
      .where('name', '=', 'test.nightly')
      .executeTakeFirstOrThrow();
    expect(schedule.nextRunAt.toISOString()).toBe('2026-12-02T03:00:00.000Z');
    // Saving the same schedule again (a restart) keeps its next run.
    await saveSchedules(
      db.current.db,
      [{ name: 'test.nightly', cron: '0 3 * * *', jobName: 'test.nightly' }],
      clock.now(),
    );
    const again = await db.current.db
      .selectFrom('jobSchedules')
      .select('nextRunAt')
      .where('name', '=', 'test.nightly')
      .executeTakeFirstOrThrow();
    expect(again.nextRunAt.toISOString()).toBe('2026-12-02T03:00:00.000Z');
  });

  it('leaves a job it has no handler for to a process that has one (a rolling deploy)', async () => {
    const { clock, worker, enqueue, job } = setup();
    const id = (await enqueue('test.newer', null, { maxAttempts: 1 }))!;
    expect(await worker().drain()).toBe(0);
    expect(await job(id)).toMatchObject({ state: 'pending', attempts: 0 });
    const newer = new JobRegistry();
    let ran = 0;
    newer.define({ name: 'test.newer', handle: async () => void ran++ });
    await new JobWorker({ database: db.current, registry: newer, clock, log }).drain();
    expect(ran).toBe(1);
    expect(await job(id)).toMatchObject({ state: 'completed' });
  });

  it('hands unfinished jobs back without using up a try when it stops', async () => {
    const { registry, worker, enqueue, job } = setup();
    let sawAbort = false;
    registry.define({
      name: 'test.slow',
      handle: (_payload, { signal }) =>
        new Promise<void>((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            sawAbort = true;
            reject(signal.reason);
          });
        }),
    });
    const id = (await enqueue('test.slow', null))!;
    const w = worker();
    w.start();
    await expect.poll(async () => (await job(id)).state).toBe('running');
    await w.stop(200);
    expect(sawAbort).toBe(true);
    expect(await job(id)).toMatchObject({ state: 'pending', attempts: 0, lockedBy: null });
  });

  it('runs jobs through the background loop when started, woken by a commit', async () => {
    const { registry, enqueue } = setup();
    const done: number[] = [];
    registry.define({ name: 'test.loop', handle: async (p) => void done.push((p as { n: number }).n) });
    // Polling once a minute: only the commit's wake-up signal can get these done in time.
    const w = new JobWorker({
      database: db.current,
      registry,
      clock: new TestClock('2026-11-30T10:00:00Z'),
      log,
      pollMs: 60_000,
    });
    w.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    try {
      for (let n = 0; n < 20; n++) await enqueue('test.loop', { n });
      await expect.poll(() => done.length, { timeout: 10_000 }).toBe(20);
      expect(new Set(done).size).toBe(20);
    } finally {
      await w.stop();
    }
  });
});
