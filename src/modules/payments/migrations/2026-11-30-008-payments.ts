import { type Kysely, sql } from 'kysely';

const statements = [
  `create table payments (
    id text primary key,
    order_id text not null,
    provider text not null,
    method text not null,
    status text not null check (status in ('pending', 'authorized', 'partially_captured', 'captured', 'partially_refunded', 'refunded', 'voided', 'failed')),
    currency text not null,
    amount bigint not null check (amount > 0),
    captured bigint not null default 0 check (captured >= 0 and captured <= amount),
    refunded bigint not null default 0 check (refunded >= 0 and refunded <= captured),
    provider_reference text,
    decline_reason text,
    created_at timestamptz not null,
    updated_at timestamptz not null
  )`,
  'create index payments_order on payments (order_id)',
  // The built-in test gateway keeps its side of each charge here, as a real provider would on its servers.
  `create table test_gateway_charges (
    reference text primary key,
    idempotency_key text not null unique,
    token text not null,
    amount bigint not null,
    currency text not null,
    status text not null,
    captured bigint not null default 0,
    refunded bigint not null default 0,
    created_at timestamptz not null
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['test_gateway_charges', 'payments']) await sql.raw(`drop table ${table}`).execute(db);
}
