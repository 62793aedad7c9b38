import { type Kysely, sql } from 'kysely';

const statements = [
  `create table products (
    id text primary key,
    handle text not null unique,
    title text not null,
    description text not null default '',
    status text not null check (status in ('draft', 'active', 'archived')),
    options jsonb not null default '[]',
    hs_code text,
    country_of_origin text,
    tax_class text not null,
    returnable boolean not null default true,
    images jsonb not null default '[]',
    created_at timestamptz not null,
    updated_at timestamptz not null,
    search tsvector generated always as (to_tsvector('simple', title || ' ' || handle)) stored
  )`,
  'create index products_search on products using gin (search)',
  'create index products_status on products (status, id)',
  `create table variants (
    id text primary key,
    product_id text not null references products (id) on delete cascade,
    sku text not null unique,
    barcode text,
    title text not null,
    option_values jsonb not null default '{}',
    weight_grams integer check (weight_grams >= 0),
    length_mm integer check (length_mm >= 0),
    width_mm integer check (width_mm >= 0),
    height_mm integer check (height_mm >= 0),
    backorderable boolean not null default false,
    position integer not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
  )`,
  'create unique index variants_barcode on variants (barcode) where barcode is not null',
  'create index variants_product on variants (product_id, position)',
  // Prefix search on SKUs ("TEE-" finds every tee) uses this index.
  'create index variants_sku_prefix on variants (upper(sku) text_pattern_ops)',
  `create table variant_prices (
    variant_id text not null references variants (id) on delete cascade,
    currency text not null,
    amount bigint not null check (amount >= 0),
    primary key (variant_id, currency)
  )`,
];

/** Products, their variants (what is stocked and sold, by SKU) and per-currency prices in minor units. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['variant_prices', 'variants', 'products'])
    await sql.raw(`drop table ${table}`).execute(db);
}
