import type { FastifyInstance } from 'fastify';
import { createProduct } from '../../src/modules/catalog/index.ts';
import { createLocation, receiveStock } from '../../src/modules/inventory/index.ts';
import { seedDemoRates } from '../../src/modules/orders/index.ts';
import { systemActor } from '../../src/platform/audit/audit.ts';
import type { Clock } from '../../src/platform/clock.ts';

export interface TestShop {
  mad: string;
  ber: string;
}

export interface TestProduct {
  sku: string;
  eur: number;
  usd?: number;
  taxClass?: 'standard' | 'reduced' | 'zero' | 'exempt';
  backorderable?: boolean;
  status?: 'draft' | 'active' | 'archived';
}

/** A shop for order tests: Madrid and Berlin warehouses, the demo rate card and tax rates. */
export async function createTestShop(app: FastifyInstance, clock: Clock): Promise<TestShop> {
  const db = app.ordo.database.db;
  const mad = await createLocation(db, clock, {
    code: 'MAD',
    name: 'Madrid',
    kind: 'warehouse',
    timezone: 'Europe/Madrid',
    address: { line1: 'Calle 1', city: 'Getafe', region: 'M', postalCode: '28906', country: 'ES' },
  });
  const ber = await createLocation(db, clock, {
    code: 'BER',
    name: 'Berlin',
    kind: 'warehouse',
    timezone: 'Europe/Berlin',
    address: { line1: 'Straße 1', city: 'Berlin', postalCode: '12099', country: 'DE' },
  });
  await seedDemoRates(app.ordo.database);
  return { mad: mad.id, ber: ber.id };
}

export async function addProducts(
  app: FastifyInstance,
  clock: Clock,
  products: TestProduct[],
): Promise<void> {
  for (const p of products) {
    await createProduct(app.ordo.database, clock, systemActor, {
      title: `Product ${p.sku}`,
      status: p.status ?? 'active',
      taxClass: p.taxClass ?? 'standard',
      variants: [
        {
          sku: p.sku,
          backorderable: p.backorderable ?? false,
          prices: [
            { currency: 'EUR', amount: p.eur },
            ...(p.usd ? [{ currency: 'USD', amount: p.usd }] : []),
          ],
        },
      ],
    });
  }
}

export async function stock(
  app: FastifyInstance,
  clock: Clock,
  locationId: string,
  lines: { sku: string; quantity: number }[],
): Promise<void> {
  await receiveStock(app.ordo.database, clock, systemActor, { locationId, lines });
}

/** The contract's example order, to vary per test. */
export function anOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: 'web',
    currency: 'EUR',
    customer: { email: 'ana@example.com', name: 'Ana García', phone: '+34 612 345 678', language: 'es' },
    lines: [{ sku: 'TEE-BLK-M', quantity: 2, unitPrice: 1999 }],
    shippingAddress: {
      name: 'Ana García',
      line1: 'Calle Mayor 1',
      line2: null,
      city: 'Madrid',
      region: 'M',
      postalCode: '28013',
      country: 'ES',
      phone: '+34612345678',
    },
    billingAddress: null,
    shippingMethod: 'standard',
    payment: { method: 'card', token: 'tok_visa' },
    onShortage: 'reject',
    ...overrides,
  };
}

/** Rows that a refused order must not leave behind. */
export async function orderFootprint(app: FastifyInstance) {
  const db = app.ordo.database.db;
  const count = async (table: 'orders' | 'payments' | 'orderLines') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const reserved = await db
    .selectFrom('stockLevels')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('reserved'), eb.lit(0)).as('n'))
    .executeTakeFirstOrThrow();
  return {
    orders: await count('orders'),
    lines: await count('orderLines'),
    payments: await count('payments'),
    reserved: Number(reserved.n),
  };
}
