import { type Kysely, sql } from 'kysely';

/**
 * The built-in test gateway stands in for a provider's servers; its rows need no crash safety of
 * their own, so they skip the write-ahead log (on PostgreSQL; the embedded database ignores this).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table test_gateway_charges set unlogged`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table test_gateway_charges set logged`.execute(db);
}
