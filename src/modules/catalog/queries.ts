import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { type Page, type PageQuery, paginate } from '../../platform/http/pagination.ts';
import type { Price } from './schema.ts';
import type { ProductOption, ProductStatus } from './tables.ts';

export type CatalogDatabase = Database<Tables>;

export interface Variant {
  id: string;
  productId: string;
  sku: string;
  barcode: string | null;
  title: string;
  optionValues: Record<string, string>;
  weightGrams: number | null;
  dimensionsMm: { length: number; width: number; height: number } | null;
  backorderable: boolean;
  prices: Price[];
}

export interface Product {
  id: string;
  handle: string;
  title: string;
  description: string;
  status: ProductStatus;
  options: ProductOption[];
  hsCode: string | null;
  countryOfOrigin: string | null;
  taxClass: string;
  returnable: boolean;
  images: string[];
  variants: Variant[];
  createdAt: Date;
  updatedAt: Date;
}

const productColumns = [
  'id',
  'handle',
  'title',
  'description',
  'status',
  'options',
  'hsCode',
  'countryOfOrigin',
  'taxClass',
  'returnable',
  'images',
  'createdAt',
  'updatedAt',
] as const;

/** Variants with their prices, for the given products, in their display order. */
export async function loadVariants(
  db: Kysely<Tables>,
  productIds: string[],
): Promise<Map<string, Variant[]>> {
  const byProduct = new Map<string, Variant[]>(productIds.map((id) => [id, []]));
  if (productIds.length === 0) return byProduct;
  const rows = await db
    .selectFrom('variants')
    .selectAll()
    .where('productId', 'in', productIds)
    .orderBy('productId')
    .orderBy('position')
    .execute();
  const prices = rows.length
    ? await db
        .selectFrom('variantPrices')
        .select(['variantId', 'currency', 'amount'])
        .where(
          'variantId',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('variantId')
        .orderBy('currency')
        .execute()
    : [];
  const pricesOf = new Map<string, Price[]>();
  for (const p of prices) {
    const list = pricesOf.get(p.variantId) ?? [];
    list.push({ currency: p.currency, amount: Number(p.amount) });
    pricesOf.set(p.variantId, list);
  }
  for (const row of rows) {
    byProduct.get(row.productId)?.push({
      id: row.id,
      productId: row.productId,
      sku: row.sku,
      barcode: row.barcode,
      title: row.title,
      optionValues: row.optionValues,
      weightGrams: row.weightGrams,
      dimensionsMm:
        row.lengthMm === null || row.widthMm === null || row.heightMm === null
          ? null
          : { length: row.lengthMm, width: row.widthMm, height: row.heightMm },
      backorderable: row.backorderable,
      prices: pricesOf.get(row.id) ?? [],
    });
  }
  return byProduct;
}

export async function loadProducts(db: Kysely<Tables>, ids: string[]): Promise<Product[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('products').select(productColumns).where('id', 'in', ids).execute();
  const variants = await loadVariants(db, ids);
  const byId = new Map(rows.map((row) => [row.id, { ...row, variants: variants.get(row.id) ?? [] }]));
  return ids.map((id) => byId.get(id)).filter((p): p is Product => p !== undefined);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface ProductFilter extends PageQuery {
  q?: string | undefined;
  status?: ProductStatus | undefined;
}

/** Newest first. `q` matches a SKU or barcode by prefix, or every word of the title by prefix. */
export async function searchProducts(db: Kysely<Tables>, filter: ProductFilter): Promise<Page<Product>> {
  let query = db.selectFrom('products').select(['id']);
  if (filter.status) query = query.where('status', '=', filter.status);
  const q = filter.q?.trim();
  if (q) {
    const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
    const prefix = `${escapeLike(q.toUpperCase())}%`;
    query = query.where((eb) =>
      eb.or([
        eb(
          'id',
          'in',
          eb.selectFrom('variants').select('productId').where(sql<boolean>`upper(sku) like ${prefix}`),
        ),
        eb('id', 'in', eb.selectFrom('variants').select('productId').where('barcode', 'like', prefix)),
        ...(words.length > 0
          ? [sql<boolean>`search @@ to_tsquery('simple', ${words.map((w) => `${w}:*`).join(' & ')})`]
          : []),
      ]),
    );
  }
  const page = await paginate(query, {
    limit: filter.limit,
    cursor: filter.cursor,
    keys: ['id'],
    direction: 'desc',
    cursorOf: (row) => [row.id],
  });
  return {
    items: await loadProducts(
      db,
      page.items.map((p) => p.id),
    ),
    next: page.next,
  };
}

/** The variant with this SKU and its product's sellable facts, for order entry and stock. */
export async function findVariantBySku(db: Kysely<Tables>, sku: string) {
  return db
    .selectFrom('variants')
    .innerJoin('products', 'products.id', 'variants.productId')
    .select([
      'variants.id',
      'variants.sku',
      'variants.title',
      'variants.backorderable',
      'products.id as productId',
      'products.title as productTitle',
      'products.status',
      'products.taxClass',
      'products.returnable',
    ])
    .where('variants.sku', '=', sku)
    .executeTakeFirst();
}

/** Variant ids for SKUs (missing SKUs are absent from the map), for other modules that key on SKU. */
export async function variantIdsBySku(db: Kysely<Tables>, skus: string[]): Promise<Map<string, string>> {
  if (skus.length === 0) return new Map();
  const rows = await db.selectFrom('variants').select(['id', 'sku']).where('sku', 'in', skus).execute();
  return new Map(rows.map((r) => [r.sku, r.id]));
}

/** SKU and titles of variants by id, for other modules' read models. */
export async function describeVariants(db: Kysely<Tables>, ids: string[]) {
  if (ids.length === 0) return new Map<string, { sku: string; title: string; productTitle: string }>();
  const rows = await db
    .selectFrom('variants')
    .innerJoin('products', 'products.id', 'variants.productId')
    .select(['variants.id', 'variants.sku', 'variants.title', 'products.title as productTitle'])
    .where('variants.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { sku: r.sku, title: r.title, productTitle: r.productTitle }]));
}

export interface VariantForSale {
  variantId: string;
  sku: string;
  title: string;
  active: boolean;
  backorderable: boolean;
  taxClass: string;
  /** In the asked currency; null when the variant has no price in it. */
  price: number | null;
}

/** What an order needs to know about the SKUs it sells, in one query. */
export async function variantsForSale(
  db: Kysely<Tables>,
  skus: string[],
  currency: string,
): Promise<Map<string, VariantForSale>> {
  if (skus.length === 0) return new Map();
  const rows = await db
    .selectFrom('variants')
    .innerJoin('products', 'products.id', 'variants.productId')
    .leftJoin('variantPrices', (join) =>
      join.onRef('variantPrices.variantId', '=', 'variants.id').on('variantPrices.currency', '=', currency),
    )
    .select([
      'variants.id as variantId',
      'variants.sku',
      'variants.title as variantTitle',
      'products.title as productTitle',
      'products.status',
      'variants.backorderable',
      'products.taxClass',
      'variantPrices.amount as price',
    ])
    .where('variants.sku', 'in', skus)
    .execute();
  return new Map(
    rows.map((r) => [
      r.sku,
      {
        variantId: r.variantId,
        sku: r.sku,
        title:
          r.variantTitle && r.variantTitle !== r.productTitle
            ? `${r.productTitle} — ${r.variantTitle}`
            : r.productTitle,
        active: r.status === 'active',
        backorderable: r.backorderable,
        taxClass: r.taxClass,
        price: r.price,
      },
    ]),
  );
}
