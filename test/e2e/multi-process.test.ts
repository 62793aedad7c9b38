import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withTransaction } from '../../src/platform/db/transaction.ts';
import { enqueueJob } from '../../src/platform/jobs/queue.ts';
import { createTestDatabase, postgresSkipReason, type TestDatabase } from '../support/database.ts';
import { spawnNode } from '../support/processes.ts';

// Several processes on one database need a real server; PGlite is one process by design.
describe.skipIf(postgresSkipReason !== undefined)('several Ordo processes on one PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('two worker processes run 1,000 jobs, each exactly once', async () => {
    await sql`create table test_job_runs (job_id text not null, n int not null, worker text not null)`.execute(
      db.database.db,
    );
    const workers = ['alpha', 'beta'].map((name) =>
      spawnNode(['test/fixtures/job-worker-process.ts', db.url!, name]),
    );
    await Promise.all(workers.map((w) => w.waitFor(/ready/)));
    const now = new Date();
    await withTransaction(db.database, async (trx) => {
      for (let n = 0; n < 1000; n++) await enqueueJob(trx, now, { name: 'test.record', payload: { n } });
    });
    const codes = await Promise.all(workers.map((w) => w.exited));
    expect(codes, workers.map((w) => w.output()).join('\n')).toEqual([0, 0]);
    const { rows } = await sql<{ runs: number; jobs: number; numbers: number }>`
      select count(*)::int as runs, count(distinct job_id)::int as jobs, count(distinct n)::int as numbers
      from test_job_runs`.execute(db.database.db);
    expect(rows[0]).toEqual({ runs: 1000, jobs: 1000, numbers: 1000 });
    const perWorker = await sql<{ worker: string; runs: number }>`
      select worker, count(*)::int as runs from test_job_runs group by worker order by worker`.execute(
      db.database.db,
    );
    // Both processes took part; otherwise the test would prove nothing about sharing.
    expect(perWorker.rows.map((r) => r.worker)).toEqual(['alpha', 'beta']);
    const states = await db.database.db.selectFrom('jobs').select('state').distinct().execute();
    expect(states).toEqual([{ state: 'completed' }]);
  }, 180_000);
});

describe.skipIf(postgresSkipReason !== undefined)('starting several Ordo processes at once', () => {
  const postgres = inject('postgres');
  const name = `ordo_t_${process.ppid}_mig_${Date.now()}`;
  let url = '';
  beforeAll(async () => {
    if (!('url' in postgres)) return;
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(postgres.url);
    u.pathname = `/${name}`;
    url = u.toString();
  });
  afterAll(async () => {
    if (!('url' in postgres)) return;
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('both migrate an empty database together and come up ready', async () => {
    const servers = [1, 2].map(() =>
      spawnNode(['bin/ordo.js', 'serve'], {
        DATABASE_URL: url,
        PORT: '0',
        LOG_LEVEL: 'warn',
        ORDO_WORKERS: 'true',
      }),
    );
    try {
      const ports = await Promise.all(
        servers.map(async (s) => (await s.waitFor(/is ready at http:\/\/127\.0\.0\.1:(\d+)/))[1]),
      );
      for (const port of ports) {
        const ready = await fetch(`http://127.0.0.1:${port}/ready`);
        expect(ready.status).toBe(200);
        expect(await ready.json()).toEqual({ status: 'ready', database: 'postgres' });
      }
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const applied = await client.query(
        'select name, count(*)::int as times from kysely_migration group by name',
      );
      await client.end();
      expect(applied.rows.length).toBeGreaterThan(0);
      expect(applied.rows.every((r) => r.times === 1)).toBe(true);
      // The output names who applied what: exactly one process applied the migrations.
      const appliedBy = servers.filter((s) => /Applied \d+ migration/.test(s.output()));
      expect(appliedBy).toHaveLength(1);
    } finally {
      for (const s of servers) s.process.kill('SIGTERM');
      const codes = await Promise.all(servers.map((s) => s.exited));
      expect(codes).toEqual([0, 0]);
    }
  }, 120_000);
});
