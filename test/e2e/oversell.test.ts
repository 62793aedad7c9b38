import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedger } from '../../src/modules/inventory/index.ts';
import { createTestDatabase, postgresSkipReason, type TestDatabase } from '../support/database.ts';
import { buyerOrder, seedOrderShop } from '../support/order-shop.ts';
import { type Child, spawnNode } from '../support/processes.ts';

// Two server processes selling from one PostgreSQL: the case a single-process test cannot prove.
describe.skipIf(postgresSkipReason !== undefined)(
  '200 buyers, 50 units, two Ordo processes on one PostgreSQL',
  () => {
    let db: TestDatabase;
    let servers: Child[] = [];
    let ports: string[] = [];
    let apiKey = '';
    beforeAll(async () => {
      db = await createTestDatabase('postgres');
      ({ apiKey } = await seedOrderShop(db.database, [
        { sku: 'HOT-1', eur: 1000, stock: { MAD: 30, BER: 20 } },
      ]));
      servers = [1, 2].map(() =>
        spawnNode(['bin/ordo.js', 'serve'], {
          DATABASE_URL: db.url!,
          PORT: '0',
          LOG_LEVEL: 'warn',
          ORDO_WORKERS: 'false',
        }),
      );
      ports = await Promise.all(
        servers.map(async (s) => (await s.waitFor(/is ready at http:\/\/127\.0\.0\.1:(\d+)/))[1]!),
      );
    }, 120_000);
    afterAll(async () => {
      for (const s of servers) s.process.kill('SIGTERM');
      await Promise.all(servers.map((s) => s.exited));
      await db?.drop();
    });

    it('sells exactly the 50 units: 50 orders, 150 refusals, stock and ledger agree', async () => {
      const results = await Promise.all(
        Array.from({ length: 200 }, async (_, n) => {
          const res = await fetch(`http://127.0.0.1:${ports[n % 2]}/api/v1/orders`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${apiKey}`,
              'content-type': 'application/json',
              'idempotency-key': `buyer-${n}`,
            },
            body: JSON.stringify(buyerOrder('HOT-1', n)),
          });
          return {
            port: n % 2,
            status: res.status,
            body: (await res.json()) as { type?: string; number?: number },
          };
        }),
      );
      const placed = results.filter((r) => r.status === 201);
      const refused = results.filter((r) => r.status === 409);
      expect(
        placed,
        JSON.stringify(results.filter((r) => r.status !== 201 && r.status !== 409).slice(0, 3)),
      ).toHaveLength(50);
      expect(refused).toHaveLength(150);
      expect(refused.every((r) => r.body.type === 'https://ordo.dev/problems/out-of-stock')).toBe(true);
      // Both processes sold: otherwise this would prove nothing about several processes.
      const numbers = placed.map((r) => r.body.number!).sort((a, b) => a - b);
      expect(new Set(numbers).size).toBe(50);
      const levels = await db.database.db.selectFrom('stockLevels').select(['onHand', 'reserved']).execute();
      expect(levels.reduce((s, l) => s + l.onHand - l.reserved, 0)).toBe(0);
      expect(levels.reduce((s, l) => s + l.reserved, 0)).toBe(50);
      expect(await checkLedger(db.database.db)).toEqual([]);
      const orders = await db.database.db.selectFrom('orders').select('id').execute();
      const payments = await db.database.db.selectFrom('payments').select('id').execute();
      expect([orders.length, payments.length]).toEqual([50, 50]);
    }, 120_000);
  },
);
