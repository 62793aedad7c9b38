import { type Kysely, type Selectable, sql } from 'kysely';
import { toE164 } from '../../platform/address.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { type Page, type PageQuery, paginate } from '../../platform/http/pagination.ts';
import { NotFound } from '../../platform/http/problems.ts';
import type { CustomerAddressesTable, CustomersTable, CustomerTimelineTable } from './tables.ts';

export type CustomerDatabase = Database<Tables>;
export type CustomerAddress = Omit<Selectable<CustomerAddressesTable>, 'customerId' | 'createdAt'>;
export type Customer = Omit<Selectable<CustomersTable>, 'search'> & { addresses: CustomerAddress[] };
export type TimelineEntry = Omit<Selectable<CustomerTimelineTable>, 'customerId'>;

const customerColumns = [
  'id',
  'email',
  'name',
  'phone',
  'language',
  'marketingConsent',
  'marketingConsentAt',
  'marketingConsentSource',
  'tags',
  'notes',
  'createdAt',
  'updatedAt',
] as const;
export const addressColumns = [
  'id',
  'name',
  'line1',
  'line2',
  'city',
  'region',
  'postalCode',
  'country',
  'phone',
  'isDefault',
] as const;

export async function loadCustomers(db: Kysely<Tables>, ids: string[]): Promise<Customer[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('customers').select(customerColumns).where('id', 'in', ids).execute();
  const addresses = await db
    .selectFrom('customerAddresses')
    .select([...addressColumns, 'customerId'])
    .where('customerId', 'in', ids)
    .orderBy('customerId')
    .orderBy('isDefault', 'desc')
    .orderBy('id')
    .execute();
  const byId = new Map(rows.map((r) => [r.id, { ...r, addresses: [] as CustomerAddress[] }]));
  for (const { customerId, ...address } of addresses) byId.get(customerId)?.addresses.push(address);
  return ids.map((id) => byId.get(id)).filter((c): c is Customer => c !== undefined);
}

export async function getCustomer(db: Kysely<Tables>, id: string): Promise<Customer> {
  const [customer] = await loadCustomers(db, [id]);
  if (!customer) throw new NotFound('Customer', id);
  return customer;
}

export interface CustomerFilter extends PageQuery {
  q?: string | undefined;
  tag?: string | undefined;
}

/** Newest first; `q` matches an email by prefix, a phone number in any common notation, or the words of the name. */
export async function searchCustomers(db: Kysely<Tables>, filter: CustomerFilter): Promise<Page<Customer>> {
  let query = db.selectFrom('customers').select('id');
  const q = filter.q?.trim();
  if (q) {
    const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
    const phone = /^[+\d][\d\s().-]{5,}$/.test(q) ? toE164(q) : null;
    const emailPrefix = `${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['email']), 'like', emailPrefix),
        ...(phone ? [eb('phone', '=', phone)] : []),
        ...(words.length > 0
          ? [sql<boolean>`search @@ to_tsquery('simple', ${words.map((w) => `${w}:*`).join(' & ')})`]
          : []),
      ]),
    );
  }
  if (filter.tag) query = query.where(sql<boolean>`tags @> ${JSON.stringify([filter.tag])}::jsonb`);
  const page = await paginate(query, {
    limit: filter.limit,
    cursor: filter.cursor,
    keys: ['id'],
    direction: 'desc',
    cursorOf: (r) => [r.id],
  });
  return {
    items: await loadCustomers(
      db,
      page.items.map((r) => r.id),
    ),
    next: page.next,
  };
}
