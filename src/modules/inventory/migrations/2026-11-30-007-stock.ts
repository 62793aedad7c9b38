import { type Kysely, sql } from 'kysely';

const statements = [
  // When a location stops shipping for the day and on which weekdays (ISO: 1 = Monday) it works.
  `alter table locations add column cutoff_time text not null default '15:00' check (cutoff_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')`,
  `alter table locations add column working_days jsonb not null default '[1,2,3,4,5]'`,
  `create table stock_levels (
    variant_id text not null references variants (id),
    location_id text not null references locations (id),
    on_hand integer not null default 0,
    reserved integer not null default 0,
    safety_stock integer not null default 0 check (safety_stock >= 0),
    reorder_point integer not null default 0 check (reorder_point >= 0),
    bin text,
    updated_at timestamptz not null,
    primary key (variant_id, location_id),
    -- Stock can never go negative, nor be promised twice: the database refuses it.
    check (on_hand >= 0),
    check (reserved >= 0),
    check (reserved <= on_hand)
  )`,
  'create index stock_levels_location on stock_levels (location_id, variant_id)',
  `create table stock_movements (
    id text primary key,
    variant_id text not null,
    location_id text not null,
    kind text not null check (kind in ('receipt', 'reservation', 'release', 'pick', 'adjustment', 'return', 'transfer_out', 'transfer_in', 'count')),
    on_hand_delta integer not null,
    reserved_delta integer not null,
    reason text,
    reference_type text,
    reference_id text,
    actor_kind text not null,
    actor_id text,
    actor_name text not null,
    at timestamptz not null,
    foreign key (variant_id, location_id) references stock_levels (variant_id, location_id)
  )`,
  'create index stock_movements_level on stock_movements (variant_id, location_id, id)',
  'create index stock_movements_reference on stock_movements (reference_type, reference_id)',
];

/** Stock per variant and location, and the ledger of every movement that changed it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    'drop table stock_movements',
    'drop table stock_levels',
    'alter table locations drop column working_days',
    'alter table locations drop column cutoff_time',
  ]) {
    await sql.raw(statement).execute(db);
  }
}
