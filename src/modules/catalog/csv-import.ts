import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { type Kysely, sql } from 'kysely';
import { type Actor, type AuditRecord, recordAudit, recordAudits } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/outbox.ts';
import { newId } from '../../platform/ids.ts';
import {
  headerErrors,
  type ParsedProduct,
  type ParsedVariant,
  parseProduct,
  parseVariant,
  pricePrefix,
  type RowError,
} from './csv-format.ts';
import type { CatalogDatabase } from './queries.ts';
import { variantTitle } from './validation.ts';

export interface ImportOptions {
  /** Import the good rows of a file that has bad ones (a product with a bad row is skipped whole). */
  partial?: boolean;
  /** Called as rows are read, with the bytes read so far (for progress bars). */
  onProgress?: (progress: { rows: number; bytes: number }) => void;
  /** Stop after this many errors: a file that bad needs fixing, not a longer list. */
  maxErrors?: number;
}

export interface ImportResult {
  /** False when nothing was written (errors without `partial`). */
  imported: boolean;
  rows: number;
  productsCreated: number;
  productsUpdated: number;
  variantsCreated: number;
  variantsUpdated: number;
  skippedRows: number;
  /** The first errors (up to `maxErrors`)… */
  errors: RowError[];
  /** …out of this many. */
  errorCount: number;
}

class ImportAborted extends Error {}

interface Group {
  product: ParsedProduct;
  variants: ParsedVariant[];
  failed: boolean;
}

// Keeps every statement under PostgreSQL's 65,535 parameters (variants take 14 each).
const batchProducts = 200;
const batchVariants = 2000;

/**
 * Streams a catalog CSV into the database in one transaction: products by handle and variants by
 * SKU are created or updated in batches. A file with errors changes nothing unless `partial`.
 * Memory stays flat however large the file: only one batch and the SKUs seen are held.
 */
export async function importCatalogCsv(
  database: CatalogDatabase,
  clock: Clock,
  actor: Actor,
  input: Readable,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const maxErrors = options.maxErrors ?? 1000;
  const result: ImportResult = {
    imported: false,
    rows: 0,
    productsCreated: 0,
    productsUpdated: 0,
    variantsCreated: 0,
    variantsUpdated: 0,
    skippedRows: 0,
    errors: [],
    errorCount: 0,
  };
  let header: string[] | null = null;
  let headerProblems: RowError[] = [];
  const parser = input.pipe(
    parse({
      bom: true,
      // Read here, not from the first record: a file with only a header, or a column named twice
      // (which records would merge), still gets its header checked.
      columns: (raw: string[]) => {
        header = raw.map((h) => h.trim());
        headerProblems = headerErrors(header);
        return header;
      },
      skip_empty_lines: true,
      info: true,
      relax_quotes: false,
      max_record_size: 100_000,
    }),
  );
  // An input that fails (a dropped upload, a size limit) ends the parse with its error.
  input.on('error', (error) => parser.destroy(error));
  // A malformed file makes the parser fail from its final flush; the loop below receives that
  // error and reports its line, but the stream also emits it after the loop has let go.
  parser.on('error', () => {});
  const note = (errors: RowError[]) => {
    result.errorCount += errors.length;
    result.errors.push(...errors.slice(0, Math.max(0, maxErrors - result.errors.length)));
  };
  // Only the first errors are kept, in partial mode too: a file of a million bad rows must not
  // fill the memory or the reply.
  const addErrors = (errors: RowError[]) => {
    note(errors);
    if (result.errorCount >= maxErrors && !options.partial) throw new ImportAborted();
  };

  try {
    await withTransaction(database, async (trx) => {
      const now = clock.now();
      const seenSkus = new Set<string>();
      const seenBarcodes = new Set<string>();
      const finishedHandles = new Set<string>();
      let currencies: string[] | null = null;
      let current: Group | null = null;
      let batch: Group[] = [];

      const flush = async () => {
        const ready = batch.filter((g) => !g.failed);
        result.skippedRows += batch.filter((g) => g.failed).reduce((n, g) => n + g.variants.length, 0);
        batch = [];
        if (ready.length > 0 && (options.partial || result.errorCount === 0)) {
          const conflicts = await writeBatch(trx, actor, ready, now, result);
          if (conflicts.length > 0) addErrors(conflicts);
        }
      };
      const close = async (group: Group | null) => {
        if (!group) return;
        finishedHandles.add(group.product.handle);
        batch.push(group);
        if (
          batch.length >= batchProducts ||
          batch.reduce((n, g) => n + g.variants.length, 0) >= batchVariants
        )
          await flush();
      };

      for await (const { record, info } of parser as AsyncIterable<{
        record: Record<string, string>;
        info: { lines: number; bytes: number };
      }>) {
        if (currencies === null) {
          if (headerProblems.length > 0) {
            note(headerProblems);
            throw new ImportAborted();
          }
          currencies = (header ?? [])
            .filter((h) => h.startsWith(pricePrefix))
            .map((h) => h.slice(pricePrefix.length));
        }
        const line = info.lines;
        result.rows += 1;
        if (result.rows % 1000 === 0) options.onProgress?.({ rows: result.rows, bytes: info.bytes });
        const errors: RowError[] = [];
        const handle = record.handle?.trim() ?? '';
        if (!current || current.product.handle !== handle) {
          await close(current);
          if (finishedHandles.has(handle)) {
            errors.push({
              line,
              field: 'handle',
              detail: `rows of product ${handle} must be next to each other`,
            });
          }
          current = { product: parseProduct(record, line, errors), variants: [], failed: false };
        }
        const variant = parseVariant(record, line, current.product, currencies, errors);
        if (variant.sku && seenSkus.has(variant.sku))
          errors.push({ line, field: 'sku', detail: `${variant.sku} appears earlier in the file` });
        if (variant.barcode && seenBarcodes.has(variant.barcode))
          errors.push({ line, field: 'barcode', detail: `${variant.barcode} appears earlier in the file` });
        seenSkus.add(variant.sku);
        if (variant.barcode) seenBarcodes.add(variant.barcode);
        current.variants.push(variant);
        if (errors.length > 0) {
          current.failed = true;
          addErrors(errors);
        }
      }
      await close(current);
      await flush();
      options.onProgress?.({ rows: result.rows, bytes: parser.info.bytes });
      if (headerProblems.length > 0 && result.rows === 0) note(headerProblems);
      else if (result.rows === 0 && result.errorCount === 0)
        note([{ line: 1, field: 'handle', detail: 'the file has no rows' }]);
      if (result.errorCount > 0 && !options.partial) throw new ImportAborted();
      await recordAudit(trx, actor, now, {
        action: 'catalog.imported',
        subjectType: 'catalog',
        subjectId: 'csv',
        after: {
          rows: result.rows,
          productsCreated: result.productsCreated,
          productsUpdated: result.productsUpdated,
          variantsCreated: result.variantsCreated,
          variantsUpdated: result.variantsUpdated,
          skippedRows: result.skippedRows,
        },
      });
      await appendEvent(trx, now, {
        type: 'catalog.imported',
        payload: {
          rows: result.rows,
          productsCreated: result.productsCreated,
          productsUpdated: result.productsUpdated,
        },
      });
      result.imported = true;
    });
  } catch (error) {
    if (error instanceof ImportAborted) {
      input.unpipe?.();
      input.resume?.();
      return {
        ...result,
        imported: false,
        productsCreated: 0,
        productsUpdated: 0,
        variantsCreated: 0,
        variantsUpdated: 0,
      };
    }
    const lines = (error as { lines?: number }).lines;
    if ((error as { code?: string }).code?.startsWith('CSV_') && lines !== undefined) {
      // A broken file (an unclosed quote, a row with the wrong number of columns): say where.
      result.errorCount += 1;
      result.errors.push({
        line: lines,
        field: '',
        detail: (error as Error).message.replace(/^Invalid Record Length: /, ''),
      });
      return {
        ...result,
        imported: false,
        productsCreated: 0,
        productsUpdated: 0,
        variantsCreated: 0,
        variantsUpdated: 0,
      };
    }
    throw error;
  }
  return result;
}

/** Writes a batch of products and their variants; returns conflicts with other products' SKUs or barcodes. */
async function writeBatch(
  trx: Kysely<Tables>,
  actor: Actor,
  groups: Group[],
  now: Date,
  result: ImportResult,
): Promise<RowError[]> {
  const variants = groups.flatMap((g) => g.variants.map((v) => ({ group: g, variant: v })));
  const taken = await trx
    .selectFrom('variants')
    .innerJoin('products', 'products.id', 'variants.productId')
    .select(['variants.sku', 'variants.barcode', 'products.handle'])
    .where((eb) =>
      eb.or([
        eb(
          'variants.sku',
          'in',
          variants.map((v) => v.variant.sku),
        ),
        ...(variants.some((v) => v.variant.barcode)
          ? [
              eb(
                'variants.barcode',
                'in',
                variants.flatMap((v) => (v.variant.barcode ? [v.variant.barcode] : [])),
              ),
            ]
          : []),
      ]),
    )
    .execute();
  const conflicts: RowError[] = [];
  for (const { group, variant } of variants) {
    for (const t of taken) {
      if (t.handle === group.product.handle) continue;
      if (t.sku === variant.sku)
        conflicts.push({
          line: variant.line,
          field: 'sku',
          detail: `${variant.sku} belongs to product ${t.handle}`,
        });
      else if (variant.barcode && t.barcode === variant.barcode) {
        conflicts.push({
          line: variant.line,
          field: 'barcode',
          detail: `${variant.barcode} belongs to product ${t.handle}`,
        });
      }
    }
  }
  const failedHandles = new Set(
    conflicts.map((c) => variants.find((v) => v.variant.line === c.line)!.group.product.handle),
  );
  const ready = groups.filter((g) => !failedHandles.has(g.product.handle));
  result.skippedRows += groups
    .filter((g) => failedHandles.has(g.product.handle))
    .reduce((n, g) => n + g.variants.length, 0);
  if (ready.length === 0) return conflicts;

  const products = await trx
    .insertInto('products')
    .values(
      ready.map(({ product: p }) => ({
        id: newId('prd'),
        handle: p.handle,
        title: p.title,
        description: p.description,
        status: p.status,
        options: JSON.stringify(p.options),
        hsCode: p.hsCode,
        countryOfOrigin: p.countryOfOrigin,
        taxClass: p.taxClass,
        returnable: p.returnable,
        images: JSON.stringify(p.images),
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflict((oc) =>
      oc.column('handle').doUpdateSet((eb) => ({
        title: eb.ref('excluded.title'),
        description: eb.ref('excluded.description'),
        status: eb.ref('excluded.status'),
        options: eb.ref('excluded.options'),
        hsCode: eb.ref('excluded.hsCode'),
        countryOfOrigin: eb.ref('excluded.countryOfOrigin'),
        taxClass: eb.ref('excluded.taxClass'),
        returnable: eb.ref('excluded.returnable'),
        images: eb.ref('excluded.images'),
        updatedAt: eb.ref('excluded.updatedAt'),
      })),
    )
    .returning(['id', 'handle', sql<boolean>`xmax = 0`.as('inserted')])
    .execute();
  const productIds = new Map(products.map((p) => [p.handle, p.id]));
  for (const p of products) p.inserted ? result.productsCreated++ : result.productsUpdated++;

  const rows = ready.flatMap(({ product, variants: vs }) =>
    vs.map((v, position) => ({
      id: newId('var'),
      productId: productIds.get(product.handle)!,
      sku: v.sku,
      barcode: v.barcode,
      title: variantTitle(v.optionValues, product.options),
      optionValues: JSON.stringify(v.optionValues),
      weightGrams: v.weightGrams,
      lengthMm: v.lengthMm,
      widthMm: v.widthMm,
      heightMm: v.heightMm,
      backorderable: v.backorderable,
      position,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const written = await trx
    .insertInto('variants')
    .values(rows)
    .onConflict((oc) =>
      oc.column('sku').doUpdateSet((eb) => ({
        barcode: eb.ref('excluded.barcode'),
        title: eb.ref('excluded.title'),
        optionValues: eb.ref('excluded.optionValues'),
        weightGrams: eb.ref('excluded.weightGrams'),
        lengthMm: eb.ref('excluded.lengthMm'),
        widthMm: eb.ref('excluded.widthMm'),
        heightMm: eb.ref('excluded.heightMm'),
        backorderable: eb.ref('excluded.backorderable'),
        position: eb.ref('excluded.position'),
        updatedAt: eb.ref('excluded.updatedAt'),
      })),
    )
    .returning(['id', 'sku', sql<boolean>`xmax = 0`.as('inserted')])
    .execute();
  const variantIds = new Map(written.map((v) => [v.sku, v.id]));
  for (const v of written) v.inserted ? result.variantsCreated++ : result.variantsUpdated++;
  const prices = ready.flatMap(({ variants: vs }) =>
    vs.flatMap((v) =>
      v.prices.map((p) => ({ variantId: variantIds.get(v.sku)!, currency: p.currency, amount: p.amount })),
    ),
  );
  await auditPriceChanges(
    trx,
    actor,
    now,
    written.filter((v) => !v.inserted),
    prices,
  );
  // PostgreSQL takes at most 65,535 parameters per statement: 3 per price row.
  for (let i = 0; i < prices.length; i += 10_000) {
    await trx
      .insertInto('variantPrices')
      .values(prices.slice(i, i + 10_000))
      .onConflict((oc) =>
        oc.columns(['variantId', 'currency']).doUpdateSet((eb) => ({ amount: eb.ref('excluded.amount') })),
      )
      .execute();
  }
  return conflicts;
}

type PriceRow = { variantId: string; currency: string; amount: number };

/** Audits each existing variant whose prices the file changes, with the old and new prices. */
async function auditPriceChanges(
  trx: Kysely<Tables>,
  actor: Actor,
  now: Date,
  updated: { id: string; sku: string }[],
  incoming: PriceRow[],
): Promise<void> {
  if (updated.length === 0) return;
  const before = await trx
    .selectFrom('variantPrices')
    .select(['variantId', 'currency', 'amount'])
    .where(
      'variantId',
      'in',
      updated.map((v) => v.id),
    )
    .execute();
  const key = (p: PriceRow) => `${p.variantId} ${p.currency}`;
  const old = new Map(before.map((p) => [key(p), Number(p.amount)]));
  const records: AuditRecord[] = [];
  for (const variant of updated) {
    const changes = incoming.filter((p) => p.variantId === variant.id && old.get(key(p)) !== p.amount);
    if (changes.length === 0) continue;
    const current = before
      .filter((p) => p.variantId === variant.id)
      .map((p) => ({ currency: p.currency, amount: Number(p.amount) }));
    const next = new Map(current.map((p) => [p.currency, p.amount]));
    for (const change of changes) next.set(change.currency, change.amount);
    records.push({
      action: 'variant.price_changed',
      subjectType: 'variant',
      subjectId: variant.id,
      before: { sku: variant.sku, prices: current },
      after: {
        sku: variant.sku,
        prices: [...next]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([currency, amount]) => ({ currency, amount })),
      },
    });
  }
  await recordAudits(trx, actor, now, records);
}
