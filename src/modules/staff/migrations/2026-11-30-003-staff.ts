import { type Kysely, sql } from 'kysely';

const statements = [
  `create table staff (
    id text primary key,
    email text not null,
    name text not null,
    role text not null check (role in ('owner', 'admin', 'manager', 'agent', 'warehouse')),
    password_hash text not null,
    active boolean not null default true,
    password_changed_at timestamptz not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
  )`,
  'create unique index staff_email on staff (lower(email))',
  `create table staff_sessions (
    id text primary key,
    token_hash text not null unique,
    staff_id text not null references staff (id) on delete cascade,
    csrf_token text not null,
    ip text,
    user_agent text,
    created_at timestamptz not null,
    last_seen_at timestamptz not null,
    expires_at timestamptz not null
  )`,
  'create index staff_sessions_staff on staff_sessions (staff_id)',
  'create index staff_sessions_expires on staff_sessions (expires_at)',
  `create table api_keys (
    id text primary key,
    name text not null,
    scopes jsonb not null,
    key_hash text not null unique,
    key_prefix text not null,
    created_by text not null references staff (id),
    created_at timestamptz not null,
    last_used_at timestamptz,
    revoked_at timestamptz
  )`,
  `create table login_failures (
    email text not null,
    ip text not null,
    at timestamptz not null
  )`,
  'create index login_failures_email on login_failures (email, at)',
  'create index login_failures_ip on login_failures (ip, at)',
];

/** Staff accounts, their sessions, API keys for integrations, and failed sign-ins for throttling. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['login_failures', 'api_keys', 'staff_sessions', 'staff']) {
    await sql.raw(`drop table ${table}`).execute(db);
  }
}
