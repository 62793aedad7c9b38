import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databaseKinds, useTestDatabase } from '../../../test/support/database.ts';
import { insertBatches } from './batch.ts';

describe.each(databaseKinds)('writing several tables in one statement (%s)', (kind) => {
  const db = useTestDatabase(kind);

  it('writes every batch, lets unnamed columns take their defaults, and keeps JSON and times as given', async () => {
    const k = db.current.db;
    await sql`create table batch_parent (id text primary key, version int not null default 1, data jsonb, at timestamptz not null)`.execute(
      k,
    );
    await sql`create table batch_child (id text primary key, parent_id text not null references batch_parent (id), quantity int not null)`.execute(
      k,
    );
    const at = new Date('2026-11-30T10:00:00.000Z');
    await insertBatches(k, [
      { table: 'batch_parent', rows: [{ id: 'p1', data: { lines: [1, 2] }, at }] },
      {
        table: 'batch_child',
        rows: [
          { id: 'c1', parentId: 'p1', quantity: 2 },
          { id: 'c2', parentId: 'p1', quantity: 3 },
        ],
      },
    ]);
    const { rows } = await sql<{
      version: number;
      data: unknown;
      at: Date;
    }>`select version, data, at from batch_parent`.execute(k);
    expect(rows).toEqual([{ version: 1, data: { lines: [1, 2] }, at }]);
    const children = await sql<{ n: number }>`select sum(quantity)::int as n from batch_child`.execute(k);
    expect(children.rows[0]!.n).toBe(5);
  });

  it('refuses rows of one table that name different columns, and writes nothing of a failed statement', async () => {
    const k = db.current.db;
    await expect(
      insertBatches(k, [
        {
          table: 'batch_child',
          rows: [
            { id: 'c3', parentId: 'p1', quantity: 1 },
            { id: 'c4', parentId: 'p1' },
          ],
        },
      ]),
    ).rejects.toThrow('name different columns');
    await expect(
      insertBatches(k, [
        { table: 'batch_parent', rows: [{ id: 'p2', at: new Date() }] },
        { table: 'batch_child', rows: [{ id: 'c5', parentId: 'nobody', quantity: 1 }] },
      ]),
    ).rejects.toThrow();
    const { rows } = await sql<{ id: string }>`select id from batch_parent where id = 'p2'`.execute(k);
    expect(rows).toEqual([]);
  });
});
