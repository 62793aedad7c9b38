import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.ts';
import { databaseKinds } from '../../../test/support/database.ts';

describe.each(databaseKinds)('health and readiness (%s)', (kind) => {
  const t = useTestApp(kind);

  it('answers /health and /ready when the database is migrated', async () => {
    expect((await t.app.inject({ url: '/health' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: kind });
  });

  it('is not ready while a migration is missing', async () => {
    const db = t.app.ordo.database.db;
    const [latest] = (
      await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db)
    ).rows;
    await sql`delete from kysely_migration where name = ${latest!.name}`.execute(db);
    try {
      const res = await t.app.inject({ url: '/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 503, pendingMigrations: [latest!.name] });
      expect((await t.app.inject({ url: '/health' })).statusCode).toBe(200);
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${latest!.name}, ${new Date().toISOString()})`.execute(
        db,
      );
    }
  });
});
