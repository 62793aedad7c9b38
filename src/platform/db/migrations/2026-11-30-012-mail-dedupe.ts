import { type Kysely, sql } from 'kysely';

const statements = [
  // What a message was queued for (`backorder-arrived:evt_…`): handlers run at least once per
  // event, and one that runs twice must not write to the customer twice.
  'alter table outgoing_mail add column dedupe_key text',
  'create unique index outgoing_mail_dedupe on outgoing_mail (dedupe_key) where dedupe_key is not null',
];

/** A message can be queued once per key. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop index outgoing_mail_dedupe').execute(db);
  await sql.raw('alter table outgoing_mail drop column dedupe_key').execute(db);
}
