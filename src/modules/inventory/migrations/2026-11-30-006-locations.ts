import { type Kysely, sql } from 'kysely';

const statements = [
  `create table locations (
    id text primary key,
    code text not null unique,
    name text not null,
    kind text not null check (kind in ('warehouse', 'store')),
    line1 text not null,
    line2 text,
    city text not null,
    region text,
    postal_code text,
    country text not null,
    timezone text not null,
    active boolean not null default true,
    created_at timestamptz not null,
    updated_at timestamptz not null
  )`,
];

/** Places that hold stock and ship or hand over orders: warehouses and stores. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table locations').execute(db);
}
