import { type Kysely, sql } from 'kysely';

const statements = [
  `create table customers (
    id text primary key,
    email text,
    name text not null,
    phone text,
    language text not null,
    marketing_consent boolean not null default false,
    marketing_consent_at timestamptz,
    marketing_consent_source text,
    tags jsonb not null default '[]',
    notes text not null default '',
    created_at timestamptz not null,
    updated_at timestamptz not null,
    search tsvector generated always as (to_tsvector('simple', name || ' ' || coalesce(email, ''))) stored
  )`,
  'create unique index customers_email on customers (lower(email)) where email is not null',
  // One customer per phone number: a second one is a duplicate, caught even when two arrive at once.
  'create unique index customers_phone on customers (phone) where phone is not null',
  'create index customers_search on customers using gin (search)',
  'create index customers_email_prefix on customers (lower(email) text_pattern_ops)',
  `create table customer_addresses (
    id text primary key,
    customer_id text not null references customers (id) on delete cascade,
    name text not null,
    line1 text not null,
    line2 text,
    city text not null,
    region text,
    postal_code text,
    country text not null,
    phone text,
    is_default boolean not null default false,
    created_at timestamptz not null
  )`,
  'create index customer_addresses_customer on customer_addresses (customer_id)',
  // The customer's story in one place: notes now; orders, contacts and returns as those modules arrive.
  `create table customer_timeline (
    id text primary key,
    customer_id text not null references customers (id) on delete cascade,
    kind text not null,
    summary text not null,
    body text,
    ref_type text,
    ref_id text,
    actor_name text not null,
    at timestamptz not null
  )`,
  'create index customer_timeline_customer on customer_timeline (customer_id, id desc)',
  'create unique index customer_timeline_ref on customer_timeline (customer_id, kind, ref_id) where ref_id is not null',
];

/** Customers, their addresses and their timeline. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['customer_timeline', 'customer_addresses', 'customers'])
    await sql.raw(`drop table ${table}`).execute(db);
}
