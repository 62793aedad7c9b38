import { type Kysely, sql } from 'kysely';

const statements = [
  `create table audit_log (
    id text primary key,
    actor_kind text not null check (actor_kind in ('staff', 'api_key', 'system')),
    actor_id text,
    actor_name text not null,
    action text not null,
    subject_type text not null,
    subject_id text not null,
    before jsonb,
    after jsonb,
    request_id text,
    at timestamptz not null
  )`,
  'create index audit_log_subject on audit_log (subject_type, subject_id, id)',
  'create index audit_log_actor on audit_log (actor_id, id)',
];

/** Who changed money, stock, prices, permissions or customer data, when, and from what to what. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table audit_log').execute(db);
}
