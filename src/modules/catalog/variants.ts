import type { Kysely } from 'kysely';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/outbox.ts';
import { type FieldError, NotFound, Problem, ValidationFailed } from '../../platform/http/problems.ts';
import { newId } from '../../platform/ids.ts';
import { type CatalogDatabase, loadProducts, type Product } from './queries.ts';
import type { UpdateVariantBody, VariantInput } from './schema.ts';
import type { ProductOption } from './tables.ts';
import { variantErrors, variantTitle } from './validation.ts';

/** SKUs and barcodes already taken by other variants: a 409 naming each field and the holder. */
export async function assertIdentifiersFree(
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

export async function insertVariant(
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
