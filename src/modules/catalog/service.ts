import type { Kysely } from 'kysely';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/outbox.ts';
import { type FieldError, NotFound, Problem, ValidationFailed } from '../../platform/http/problems.ts';
import { newId } from '../../platform/ids.ts';
import { type CatalogDatabase, loadProducts, type Product } from './queries.ts';
import type { CreateProductBody, UpdateProductBody } from './schema.ts';
import { countryErrors, optionErrors, slugify, variantErrors } from './validation.ts';
import { assertIdentifiersFree, insertVariant } from './variants.ts';

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
