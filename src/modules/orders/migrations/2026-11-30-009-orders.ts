import { type Kysely, sql } from 'kysely';

const statements = [
  // Human order numbers, sequential per shop. Taken only once stock is reserved, so a refused
  // order rarely leaves a gap.
  'create sequence order_numbers start 1001',
  `create table orders (
    id text primary key,
    number bigint not null unique,
    channel text not null check (channel in ('web', 'marketplace', 'api', 'phone', 'email', 'pos', 'manual')),
    status text not null check (status in ('pending', 'confirmed', 'on_hold', 'processing', 'completed', 'cancelled')),
    payment_status text not null check (payment_status in ('pending', 'authorized', 'partially_captured', 'captured', 'partially_refunded', 'refunded', 'voided', 'failed')),
    fulfillment_status text not null check (fulfillment_status in ('unfulfilled', 'backordered', 'partially_fulfilled', 'fulfilled', 'partially_delivered', 'delivered')),
    customer_id text not null references customers (id),
    email text,
    customer_name text not null,
    phone text,
    language text not null,
    currency text not null,
    shipping_address jsonb not null,
    billing_address jsonb not null,
    shipping_method text not null,
    prices_include_tax boolean not null,
    subtotal bigint not null check (subtotal >= 0),
    discount bigint not null check (discount >= 0),
    shipping bigint not null check (shipping >= 0),
    shipping_tax_rate integer not null,
    tax bigint not null check (tax >= 0),
    total bigint not null check (total >= 0),
    notes text,
    requested_delivery_date date,
    promised_delivery_date date,
    priority integer not null,
    hold_reason text,
    cancel_reason text,
    placed_by_kind text not null,
    placed_by_id text,
    placed_by_name text not null,
    idempotency_key text,
    version integer not null default 1,
    placed_at timestamptz not null,
    updated_at timestamptz not null
  )`,
  // A retried request with the same key finds the order it already placed, even if the reply was lost.
  'create unique index orders_idempotency on orders (placed_by_kind, placed_by_id, idempotency_key) where idempotency_key is not null',
  'create index orders_placed on orders (placed_at desc, id desc)',
  'create index orders_customer on orders (customer_id, placed_at desc)',
  'create index orders_status on orders (status, placed_at desc)',
  'create index orders_email on orders (lower(email) text_pattern_ops)',
  `create index orders_search on orders using gin (to_tsvector('simple', customer_name))`,
  `create table order_lines (
    id text primary key,
    order_id text not null references orders (id),
    position integer not null,
    variant_id text not null references variants (id),
    sku text not null,
    title text not null,
    tax_class text not null,
    quantity integer not null check (quantity >= 0),
    cancelled_quantity integer not null default 0 check (cancelled_quantity >= 0),
    backordered integer not null default 0 check (backordered >= 0),
    unit_price bigint not null check (unit_price >= 0),
    discount bigint not null default 0 check (discount >= 0),
    tax_rate integer not null,
    tax bigint not null,
    total bigint not null,
    unique (order_id, position),
    check (backordered <= quantity)
  )`,
  'create index order_lines_variant on order_lines (variant_id)',
  'create index order_lines_backordered on order_lines (variant_id) where backordered > 0',
  `create table order_allocations (
    order_id text not null references orders (id),
    line_id text not null references order_lines (id),
    location_id text not null references locations (id),
    quantity integer not null check (quantity >= 0),
    primary key (line_id, location_id)
  )`,
  'create index order_allocations_order on order_allocations (order_id)',
  // The order's own timeline: every transition and change, with who, when and why.
  `create table order_events (
    id text primary key,
    order_id text not null references orders (id),
    kind text not null,
    summary text not null,
    from_state text,
    to_state text,
    reason text,
    data jsonb,
    actor_kind text not null,
    actor_id text,
    actor_name text not null,
    at timestamptz not null
  )`,
  'create index order_events_order on order_events (order_id, id)',
  // The shop's rate card: what each shipping method costs to a country, in a currency.
  `create table shipping_rates (
    method text not null check (method ~ '^[a-z][a-z0-9_]{0,39}$'),
    country text not null check (country ~ '^[A-Z]{2}$'),
    currency text not null check (currency ~ '^[A-Z]{3}$'),
    name text not null,
    amount bigint not null check (amount >= 0),
    free_from bigint check (free_from >= 0),
    transit_days integer not null check (transit_days between 0 and 60),
    primary key (method, country, currency)
  )`,
  // Tax by destination and the product's tax class; whether prices there are shown with tax.
  `create table tax_rates (
    country text not null check (country ~ '^[A-Z]{2}$'),
    tax_class text not null,
    rate integer not null check (rate between 0 and 10000),
    prices_include_tax boolean not null,
    primary key (country, tax_class)
  )`,
];

/** Orders, their lines, allocations and timeline; the shipping rate card and tax rates. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'tax_rates',
    'shipping_rates',
    'order_events',
    'order_allocations',
    'order_lines',
    'orders',
  ])
    await sql.raw(`drop table ${table}`).execute(db);
  await sql.raw('drop sequence order_numbers').execute(db);
}
