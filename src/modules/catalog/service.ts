import type { Kysely } from 'kysely';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/outbox.ts';
import { type FieldError, NotFound, Problem, ValidationFailed } from '../../platform/http/problems.ts';
import { newId } from '../../platform/ids.ts';
import { loadProducts, type Product } from './queries.ts';
import type { CreateProductBody, UpdateProductBody, UpdateVariantBody, VariantInput } from './schema.ts';
import type { ProductOption } from './tables.ts';
import { countryErrors, optionErrors, slugify, variantErrors, variantTitle } from './validation.ts';

export type CatalogDatabase = Database<Tables>;

/** SKUs and barcodes already taken by other variants: a 409 naming each field and the holder. */
async function assertIdentifiersFree(
  trx: Kysely<Tables>,
  variants: {
    sku?: string | undefined;
    barcode?: string | null | undefined;
    pointer: string;
    exceptId?: string;
  }[],
): Promise<void> {
  const skus = variants.map((v) => v.sku).filter((s): s is string => Boolean(s));
  const barcodes = variants.map((v) => v.barcode).filter((b): b is string => Boolean(b));
  if (skus.length === 0 && barcodes.length === 0) return;
  const taken = await trx
    .selectFrom('variants')
    .select(['id', 'sku', 'barcode', 'productId'])
    .where((eb) =>
      eb.or([
        ...(skus.length ? [eb('sku', 'in', skus)] : []),
        ...(barcodes.length ? [eb('barcode', 'in', barcodes)] : []),
      ]),
    )
    .execute();
  const errors: FieldError[] = [];
  const holders: Record<string, string> = {};
  for (const v of variants) {
    for (const t of taken) {
      if (t.id === v.exceptId) continue;
      if (v.sku && t.sku === v.sku) {
        errors.push({
          pointer: `${v.pointer}/sku`,
          detail: `${v.sku} is already the SKU of variant ${t.id}`,
        });
        holders[v.sku] = t.id;
      }
      if (v.barcode && t.barcode === v.barcode) {
        errors.push({
          pointer: `${v.pointer}/barcode`,
          detail: `${v.barcode} is already the barcode of variant ${t.id}`,
        });
      }
    }
  }
  if (errors.length > 0) {
    throw new Problem('conflict', errors.map((e) => e.detail).join('; '), {
      errors,
      extensions: { existingVariants: holders },
    });
  }
}

async function uniqueHandle(trx: Kysely<Tables>, base: string): Promise<string> {
  const rows = await trx
    .selectFrom('products')
    .select('handle')
    .where('handle', 'like', `${base}%`)
    .execute();
  const used = new Set(rows.map((r) => r.handle));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

function validateNewProduct(input: CreateProductBody): void {
  const options = input.options ?? [];
  const errors: FieldError[] = [
    ...optionErrors(options),
    ...countryErrors(input.countryOfOrigin, '/countryOfOrigin'),
  ];
  const skus = new Map<string, number>();
  const barcodes = new Map<string, number>();
  input.variants.forEach((variant, i) => {
    errors.push(...variantErrors(variant, `/variants/${i}`, options.length ? options : undefined));
    if (skus.has(variant.sku))
      errors.push({
        pointer: `/variants/${i}/sku`,
        detail: `repeats the SKU of variant ${skus.get(variant.sku)}`,
      });
    skus.set(variant.sku, i);
    if (variant.barcode) {
      if (barcodes.has(variant.barcode))
        errors.push({
          pointer: `/variants/${i}/barcode`,
          detail: `repeats the barcode of variant ${barcodes.get(variant.barcode)}`,
        });
      barcodes.set(variant.barcode, i);
    }
  });
  if (errors.length > 0) throw new ValidationFailed(errors);
}

async function insertVariant(
  trx: Kysely<Tables>,
  productId: string,
  variant: VariantInput,
  options: ProductOption[],
  position: number,
  now: Date,
) {
  const id = newId('var');
  await trx
    .insertInto('variants')
    .values({
      id,
      productId,
      sku: variant.sku,
      barcode: variant.barcode ?? null,
      title: variantTitle(variant.optionValues, options),
      optionValues: JSON.stringify(variant.optionValues ?? {}),
      weightGrams: variant.weightGrams ?? null,
      lengthMm: variant.dimensionsMm?.length ?? null,
      widthMm: variant.dimensionsMm?.width ?? null,
      heightMm: variant.dimensionsMm?.height ?? null,
      backorderable: variant.backorderable ?? false,
      position,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await trx
    .insertInto('variantPrices')
    .values(variant.prices.map((p) => ({ variantId: id, currency: p.currency, amount: p.amount })))
    .execute();
  return id;
}

export async function createProduct(
  database: CatalogDatabase,
  clock: Clock,
  actor: Actor,
  input: CreateProductBody,
): Promise<Product> {
  validateNewProduct(input);
  return withTransaction(database, async (trx) => {
    await assertIdentifiersFree(
      trx,
      input.variants.map((v, i) => ({ sku: v.sku, barcode: v.barcode, pointer: `/variants/${i}` })),
    );
    if (input.handle) {
      const clash = await trx
        .selectFrom('products')
        .select('id')
        .where('handle', '=', input.handle)
        .executeTakeFirst();
      if (clash) {
        throw new Problem('conflict', `The handle ${input.handle} is already used by product ${clash.id}.`, {
          errors: [{ pointer: '/handle', detail: 'is already used by another product' }],
          extensions: { existingId: clash.id },
        });
      }
    }
    const now = clock.now();
    const id = newId('prd');
    const options = input.options ?? [];
    await trx
      .insertInto('products')
      .values({
        id,
        handle: input.handle ?? (await uniqueHandle(trx, slugify(input.title))),
        title: input.title.trim(),
        description: input.description ?? '',
        status: input.status ?? 'draft',
        options: JSON.stringify(options),
        hsCode: input.hsCode ?? null,
        countryOfOrigin: input.countryOfOrigin ?? null,
        taxClass: input.taxClass ?? 'standard',
        returnable: input.returnable ?? true,
        images: JSON.stringify(input.images ?? []),
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    for (const [position, variant] of input.variants.entries())
      await insertVariant(trx, id, variant, options, position, now);
    await recordAudit(trx, actor, now, {
      action: 'product.created',
      subjectType: 'product',
      subjectId: id,
      after: { title: input.title, variants: input.variants.map((v) => ({ sku: v.sku, prices: v.prices })) },
    });
    await appendEvent(trx, now, {
      type: 'product.created',
      aggregateId: id,
      payload: { productId: id, skus: input.variants.map((v) => v.sku) },
    });
    const [product] = await loadProducts(trx, [id]);
    return product!;
  });
}

export async function getProduct(db: Kysely<Tables>, id: string): Promise<Product> {
  const [product] = await loadProducts(db, [id]);
  if (!product) throw new NotFound('Product', id);
  return product;
}

const auditedProductFields = [
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
] as const;

export async function updateProduct(
  database: CatalogDatabase,
  clock: Clock,
  actor: Actor,
  id: string,
  changes: UpdateProductBody,
): Promise<Product> {
  const errors = [
    ...optionErrors(changes.options),
    ...countryErrors(changes.countryOfOrigin, '/countryOfOrigin'),
  ];
  if (errors.length > 0) throw new ValidationFailed(errors);
  return withTransaction(database, async (trx) => {
    const before = (await loadProducts(trx, [id]))[0];
    if (!before) throw new NotFound('Product', id);
    if (changes.options) {
      // Variants must still name valid option values once the options change.
      const variantProblems = before.variants.flatMap((v, i) =>
        variantErrors({ optionValues: v.optionValues }, `/variants/${i}`, changes.options),
      );
      if (variantProblems.length > 0) {
        throw new ValidationFailed([
          {
            pointer: '/options',
            detail: `would leave variants with values outside the options (${variantProblems.map((p) => p.detail).join('; ')})`,
          },
        ]);
      }
    }
    if (changes.handle && changes.handle !== before.handle) {
      const clash = await trx
        .selectFrom('products')
        .select('id')
        .where('handle', '=', changes.handle)
        .executeTakeFirst();
      if (clash)
        throw new Problem(
          'conflict',
          `The handle ${changes.handle} is already used by product ${clash.id}.`,
          { errors: [{ pointer: '/handle', detail: 'is already used by another product' }] },
        );
    }
    const now = clock.now();
    const { options, images, ...plain } = changes;
    await trx
      .updateTable('products')
      .set({
        ...plain,
        ...(options ? { options: JSON.stringify(options) } : {}),
        ...(images ? { images: JSON.stringify(images) } : {}),
        updatedAt: now,
      })
      .where('id', '=', id)
      .execute();
    const after = (await loadProducts(trx, [id]))[0]!;
    const changed = auditedProductFields.filter(
      (f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]),
    );
    if (changed.length > 0) {
      await recordAudit(trx, actor, now, {
        action:
          changed.includes('status') && after.status === 'archived' ? 'product.archived' : 'product.updated',
        subjectType: 'product',
        subjectId: id,
        before: Object.fromEntries(changed.map((f) => [f, before[f]])),
        after: Object.fromEntries(changed.map((f) => [f, after[f]])),
      });
      await appendEvent(trx, now, {
        type: 'product.updated',
        aggregateId: id,
        payload: { productId: id, changed },
      });
    }
    return after;
  });
}

export function archiveProduct(
  database: CatalogDatabase,
  clock: Clock,
  actor: Actor,
  id: string,
): Promise<Product> {
  return updateProduct(database, clock, actor, id, { status: 'archived' });
}

export async function addVariant(
  database: CatalogDatabase,
  clock: Clock,
  actor: Actor,
  productId: string,
  input: VariantInput,
): Promise<Product> {
  return withTransaction(database, async (trx) => {
    const product = (await loadProducts(trx, [productId]))[0];
    if (!product) throw new NotFound('Product', productId);
    const errors = variantErrors(input, '', product.options.length ? product.options : undefined);
    if (errors.length > 0) throw new ValidationFailed(errors);
    await assertIdentifiersFree(trx, [{ sku: input.sku, barcode: input.barcode, pointer: '' }]);
    const now = clock.now();
    const id = await insertVariant(trx, productId, input, product.options, product.variants.length, now);
    await recordAudit(trx, actor, now, {
      action: 'variant.created',
      subjectType: 'variant',
      subjectId: id,
      after: { sku: input.sku, prices: input.prices },
    });
    await appendEvent(trx, now, {
      type: 'product.updated',
      aggregateId: productId,
      payload: { productId, changed: ['variants'] },
    });
    return (await loadProducts(trx, [productId]))[0]!;
  });
}

/** Changes a variant; price changes are audited with the old and new prices. */
export async function updateVariant(
  database: CatalogDatabase,
  clock: Clock,
  actor: Actor,
  variantId: string,
  changes: UpdateVariantBody,
): Promise<Product> {
  return withTransaction(database, async (trx) => {
    const row = await trx
      .selectFrom('variants')
      .select(['productId'])
      .where('id', '=', variantId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new NotFound('Variant', variantId);
    const product = (await loadProducts(trx, [row.productId]))[0]!;
    const before = product.variants.find((v) => v.id === variantId)!;
    const errors = variantErrors(
      changes,
      '',
      product.options.length && changes.optionValues ? product.options : undefined,
    );
    if (errors.length > 0) throw new ValidationFailed(errors);
    await assertIdentifiersFree(trx, [
      { sku: changes.sku, barcode: changes.barcode, pointer: '', exceptId: variantId },
    ]);
    const now = clock.now();
    const { prices, dimensionsMm, optionValues, ...plain } = changes;
    await trx
      .updateTable('variants')
      .set({
        ...plain,
        ...(optionValues
          ? { optionValues: JSON.stringify(optionValues), title: variantTitle(optionValues, product.options) }
          : {}),
        ...(dimensionsMm !== undefined
          ? {
              lengthMm: dimensionsMm?.length ?? null,
              widthMm: dimensionsMm?.width ?? null,
              heightMm: dimensionsMm?.height ?? null,
            }
          : {}),
        updatedAt: now,
      })
      .where('id', '=', variantId)
      .execute();
    if (prices) {
      await trx.deleteFrom('variantPrices').where('variantId', '=', variantId).execute();
      await trx
        .insertInto('variantPrices')
        .values(prices.map((p) => ({ variantId, currency: p.currency, amount: p.amount })))
        .execute();
    }
    const after = (await loadProducts(trx, [row.productId]))[0]!;
    const afterVariant = after.variants.find((v) => v.id === variantId)!;
    if (prices && JSON.stringify(before.prices) !== JSON.stringify(afterVariant.prices)) {
      await recordAudit(trx, actor, now, {
        action: 'variant.price_changed',
        subjectType: 'variant',
        subjectId: variantId,
        before: { sku: before.sku, prices: before.prices },
        after: { sku: afterVariant.sku, prices: afterVariant.prices },
      });
    }
    const fields = [
      'sku',
      'barcode',
      'optionValues',
      'weightGrams',
      'dimensionsMm',
      'backorderable',
    ] as const;
    const changed = fields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(afterVariant[f]));
    if (changed.length > 0) {
      await recordAudit(trx, actor, now, {
        action: 'variant.updated',
        subjectType: 'variant',
        subjectId: variantId,
        before: Object.fromEntries(changed.map((f) => [f, before[f]])),
        after: Object.fromEntries(changed.map((f) => [f, afterVariant[f]])),
      });
    }
    await appendEvent(trx, now, {
      type: 'product.updated',
      aggregateId: row.productId,
      payload: { productId: row.productId, changed: ['variants'] },
    });
    return after;
  });
}
