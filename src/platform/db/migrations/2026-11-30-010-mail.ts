import { type Kysely, sql } from 'kysely';

const statements = [
  `create table outgoing_mail (
    id text primary key,
    to_address text not null,
    to_name text not null default '',
    -- Filled when the message is sent or stored, from the sender configured then.
    from_address text,
    from_name text,
    subject text not null,
    text text not null,
    html text not null,
    language text not null,
    template text not null,
    reference_type text,
    reference_id text,
    status text not null check (status in ('queued', 'sending', 'sent', 'stored', 'failed')),
    attempts integer not null default 0 check (attempts >= 0),
    -- While 'sending': until when that try owns the message; a later try may take over after.
    sending_until timestamptz,
    last_error text,
    provider_message_id text,
    created_at timestamptz not null,
    sent_at timestamptz,
    check ((reference_type is null) = (reference_id is null))
  )`,
  'create index outgoing_mail_created on outgoing_mail (created_at desc, id desc)',
  'create index outgoing_mail_reference on outgoing_mail (reference_id, created_at desc, id desc)',
  'create index outgoing_mail_status on outgoing_mail (status, created_at desc, id desc)',
  'create index outgoing_mail_to on outgoing_mail (lower(to_address), created_at desc, id desc)',
];

/** Mail to customers: what was sent through SMTP, or kept for the back office when there is none. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table outgoing_mail').execute(db);
}
