import { type Kysely, sql } from 'kysely';

const statements = [
  `
    create table ordo_meta (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now()
    )
  `,
  `
    create table idempotency_keys (
      scope text not null,
      key text not null,
      method text not null,
      path text not null,
      fingerprint text not null,
      state text not null check (state in ('running', 'completed')),
      claim text not null,
      response_status integer,
      response_headers jsonb,
      response_body text,
      locked_until timestamptz not null,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      primary key (scope, key)
    )
  `,
  `
    create index idempotency_keys_expires_at on idempotency_keys (expires_at)
  `,
  `
    create table outbox_events (
      id text primary key,
      type text not null,
      aggregate_id text,
      payload jsonb not null,
      occurred_at timestamptz not null,
      dispatched_at timestamptz
    )
  `,
  `
    create index outbox_events_undispatched on outbox_events (id) where dispatched_at is null
  `,
  `
    create index outbox_events_aggregate on outbox_events (aggregate_id, id)
  `,
  `
    create table jobs (
      id text primary key,
      name text not null,
      payload jsonb not null,
      state text not null check (state in ('pending', 'running', 'completed', 'dead')),
      priority integer not null default 0,
      run_at timestamptz not null,
      attempts integer not null default 0 check (attempts >= 0),
      max_attempts integer check (max_attempts > 0),
      locked_by text,
      locked_until timestamptz,
      last_error text,
      dedupe_key text,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      finished_at timestamptz
    )
  `,
  `
    create index jobs_due on jobs (priority desc, run_at, id) where state = 'pending'
  `,
  `
    create index jobs_leased on jobs (locked_until) where state = 'running'
  `,
  `
    create index jobs_finished on jobs (finished_at) where state in ('completed', 'dead')
  `,
  `
    -- One live job per dedupe key: enqueueing the same work twice while it waits is a no-op.
    create unique index jobs_dedupe on jobs (dedupe_key) where state in ('pending', 'running')
  `,
  `
    create table job_schedules (
      name text primary key,
      cron text not null,
      timezone text not null,
      job_name text not null,
      payload jsonb not null,
      next_run_at timestamptz not null,
      last_run_at timestamptz
    )
  `,
  `
    create table webhook_endpoints (
      id text primary key,
      url text not null,
      description text not null default '',
      secret text not null,
      event_types jsonb not null,
      enabled boolean not null default true,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )
  `,
  `
    create table webhook_deliveries (
      id text primary key,
      endpoint_id text not null references webhook_endpoints (id) on delete cascade,
      event_id text not null references outbox_events (id),
      event_type text not null,
      state text not null check (state in ('pending', 'delivered', 'retrying', 'dead')),
      attempts integer not null default 0,
      last_status integer,
      last_error text,
      next_attempt_at timestamptz,
      delivered_at timestamptz,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (endpoint_id, event_id)
    )
  `,
  `
    create index webhook_deliveries_endpoint on webhook_deliveries (endpoint_id, id)
  `,
  `
    create index webhook_deliveries_state on webhook_deliveries (state, id)
  `,
];

/** Tables for the platform: idempotency records, the outbox, durable jobs and webhooks. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement at a time: PostgreSQL's extended protocol takes a single command per query.
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = ['webhook_deliveries', 'webhook_endpoints', 'job_schedules', 'jobs', 'outbox_events'];
  for (const table of [...tables, 'idempotency_keys', 'ordo_meta'])
    await sql.raw(`drop table ${table}`).execute(db);
}
