import type { Kysely } from 'kysely';
import type { Address } from '../../platform/address.ts';
import { type Actor, auditBatch } from '../../platform/audit/audit.ts';
import type { RowBatch } from '../../platform/db/batch.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { outboxBatch } from '../../platform/events/outbox.ts';
import { newId } from '../../platform/ids.ts';

export interface BuyerDetails {
  /** Already checked and normalised by the caller. */
  email: string | null;
  name: string;
  /** E.164. */
  phone: string | null;
  language: string;
  address: Address;
}

export interface MatchedCustomer {
  id: string;
  created: boolean;
  name: string;
  email: string | null;
  phone: string | null;
  language: string;
  tags: string[];
}

const columns = ['id', 'name', 'email', 'phone', 'language', 'tags'] as const;

async function findByContact(trx: Kysely<Tables>, email: string | null, phone: string | null) {
  if (email) {
    const byEmail = await trx
      .selectFrom('customers')
      .select(columns)
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .executeTakeFirst();
    if (byEmail) return byEmail;
  }
  if (phone) {
    return trx.selectFrom('customers').select(columns).where('phone', '=', phone).executeTakeFirst();
  }
  return undefined;
}

/**
 * The customer an order belongs to: the one with this email (any case), else with this phone,
 * else a new one with the address as their default. Two first orders from the same new buyer at
 * once make one customer: the unique indexes decide and the loser reads the winner's row.
 * A new customer's address, audit entry and event come back as `rows`, for the caller to write
 * with its own rows in one statement (`insertBatches`) in the same transaction.
 */
export async function findOrCreateCustomer(
  trx: Kysely<Tables>,
  actor: Actor,
  now: Date,
  buyer: BuyerDetails,
): Promise<MatchedCustomer & { rows: RowBatch[] }> {
  const existing = await findByContact(trx, buyer.email, buyer.phone);
  if (existing) return { ...existing, created: false, rows: [] };
  const id = newId('cus');
  const inserted = await trx
    .insertInto('customers')
    .values({
      id,
      email: buyer.email,
      name: buyer.name,
      phone: buyer.phone,
      language: buyer.language,
      marketingConsent: false,
      marketingConsentAt: null,
      marketingConsentSource: null,
      tags: '[]',
      notes: '',
      createdAt: now,
      updatedAt: now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning(columns)
    .executeTakeFirst();
  if (!inserted) {
    const winner = await findByContact(trx, buyer.email, buyer.phone);
    if (!winner) throw new Error('a customer with this email or phone exists but cannot be read');
    return { ...winner, created: false, rows: [] };
  }
  const a = buyer.address;
  const rows: RowBatch[] = [
    {
      table: 'customer_addresses',
      rows: [
        {
          id: newId('adr'),
          customerId: id,
          name: a.name,
          line1: a.line1,
          line2: a.line2 ?? null,
          city: a.city,
          region: a.region ?? null,
          postalCode: a.postalCode ?? null,
          country: a.country,
          phone: a.phone ?? null,
          isDefault: true,
          createdAt: now,
        },
      ],
    },
    auditBatch(actor, now, [
      {
        action: 'customer.created',
        subjectType: 'customer',
        subjectId: id,
        after: { email: buyer.email, name: buyer.name, phone: buyer.phone, source: 'order' },
      },
    ]),
    outboxBatch(trx, now, [{ type: 'customer.created', aggregateId: id, payload: { customerId: id } }]),
  ];
  return { ...inserted, created: true, rows };
}
