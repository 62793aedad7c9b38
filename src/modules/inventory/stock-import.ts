import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Actor } from '../../platform/audit/audit.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { variantIdsBySku } from '../catalog/index.ts';
import { applyMovement, type StockDatabase } from './stock.ts';

export interface StockRowError {
  line: number;
  field: string;
  detail: string;
}

export interface StockImportResult {
  imported: boolean;
  rows: number;
  changed: number;
  errors: StockRowError[];
  errorCount: number;
}

const columns = ['location', 'sku', 'on_hand', 'safety_stock', 'reorder_point', 'bin'];
const whole = /^\d{1,9}$/;

interface Row {
  line: number;
  location: string;
  sku: string;
  onHand: number;
  safetyStock: number | null;
  reorderPoint: number | null;
  bin: string | null;
}

/**
 * Sets stock levels from a CSV of counts (`location` code, `sku`, `on_hand`, and optionally
 * `safety_stock`, `reorder_point`, `bin`). Each changed level gets a `count` movement in the ledger,
 * so on hand still equals its ledger. One transaction: a file with errors changes nothing.
 */
export async function importStockCsv(
  database: StockDatabase,
  clock: Clock,
  actor: Actor,
  input: Readable,
  maxErrors = 1000,
): Promise<StockImportResult> {
  const result: StockImportResult = { imported: false, rows: 0, changed: 0, errors: [], errorCount: 0 };
  const note = (error: StockRowError) => {
    result.errorCount += 1;
    if (result.errors.length < maxErrors) result.errors.push(error);
  };
  let header: string[] = [];
  const parser = input.pipe(
    parse({
      bom: true,
      skip_empty_lines: true,
      info: true,
      columns: (raw: string[]) => {
        header = raw.map((h) => h.trim());
        return header;
      },
    }),
  );
  input.on('error', (error) => parser.destroy(error));
  parser.on('error', () => {});
  const rows: Row[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      if (result.rows === 0) {
        for (const required of ['location', 'sku', 'on_hand'])
          if (!header.includes(required)) note({ line: 1, field: required, detail: 'column is missing' });
        for (const column of header)
          if (!columns.includes(column))
            note({ line: 1, field: column, detail: 'is not a column of the stock format' });
        if (result.errorCount > 0) break;
      }
      result.rows += 1;
      const line = info.lines;
      const text = (field: string) => record[field]?.trim() ?? '';
      const number = (field: string, required: boolean) => {
        const value = text(field);
        if (!value) {
          if (required) note({ line, field, detail: 'is required' });
          return null;
        }
        if (!whole.test(value)) {
          note({ line, field, detail: `must be a whole number of at least 0, got "${value}"` });
          return null;
        }
        return Number(value);
      };
      const row = {
        line,
        location: text('location'),
        sku: text('sku'),
        onHand: number('on_hand', true) ?? 0,
        safetyStock: number('safety_stock', false),
        reorderPoint: number('reorder_point', false),
        bin: text('bin') || null,
      };
      if (!row.location)
        note({ line, field: 'location', detail: 'is required (the location code, e.g. MAD)' });
      if (!row.sku) note({ line, field: 'sku', detail: 'is required' });
      rows.push(row);
    }
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    if (!(error as { code?: string }).code?.startsWith('CSV_') || lines === undefined) throw error;
    note({ line: lines, field: '', detail: (error as Error).message });
  }
  if (result.rows === 0 && result.errorCount === 0)
    note({ line: 1, field: 'sku', detail: 'the file has no rows' });
  // A broken header or file stops here; row errors are reported together with the lookups below.
  if (result.rows === 0 || rows.length === 0 || result.errors.some((e) => e.line === 1 || e.field === ''))
    return result;

  return withTransaction(database, async (trx) => {
    const locations = new Map(
      (await trx.selectFrom('locations').select(['id', 'code']).execute()).map((l) => [l.code, l.id]),
    );
    const variants = await variantIdsBySku(trx, [...new Set(rows.map((r) => r.sku))]);
    const seen = new Set<string>();
    for (const row of rows) {
      if (!row.location || !row.sku) continue;
      if (!locations.has(row.location))
        note({ line: row.line, field: 'location', detail: `${row.location} is not a location code` });
      if (!variants.has(row.sku))
        note({ line: row.line, field: 'sku', detail: `${row.sku} is not a SKU in the catalog` });
      const key = `${row.location} ${row.sku}`;
      if (seen.has(key))
        note({
          line: row.line,
          field: 'sku',
          detail: `${row.sku} at ${row.location} appears earlier in the file`,
        });
      seen.add(key);
    }
    if (result.errorCount > 0) return result;
    const now = clock.now();
    for (const row of rows) {
      const variantId = variants.get(row.sku)!;
      const locationId = locations.get(row.location)!;
      await trx
        .insertInto('stockLevels')
        .values({
          variantId,
          locationId,
          onHand: 0,
          reserved: 0,
          safetyStock: 0,
          reorderPoint: 0,
          bin: null,
          updatedAt: now,
        })
        .onConflict((oc) => oc.columns(['variantId', 'locationId']).doNothing())
        .execute();
      const current = await trx
        .selectFrom('stockLevels')
        .select(['onHand', 'reserved'])
        .where('variantId', '=', variantId)
        .where('locationId', '=', locationId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const delta = row.onHand - current.onHand;
      if (delta !== 0) {
        const level = await applyMovement(trx, actor, now, {
          variantId,
          locationId,
          kind: 'count',
          onHandDelta: delta,
          reservedDelta: 0,
          reason: 'stock import',
        });
        if (!level) {
          note({
            line: row.line,
            field: 'on_hand',
            detail: `${row.onHand} is less than the ${current.reserved} reserved for orders`,
          });
          continue;
        }
        result.changed += 1;
      }
      const settings = {
        ...(row.safetyStock !== null ? { safetyStock: row.safetyStock } : {}),
        ...(row.reorderPoint !== null ? { reorderPoint: row.reorderPoint } : {}),
        ...(row.bin !== null ? { bin: row.bin } : {}),
      };
      if (Object.keys(settings).length > 0) {
        await trx
          .updateTable('stockLevels')
          .set(settings)
          .where('variantId', '=', variantId)
          .where('locationId', '=', locationId)
          .execute();
      }
    }
    if (result.errorCount > 0) throw new StockImportRejected(result);
    await recordAudit(trx, actor, now, {
      action: 'stock.imported',
      subjectType: 'stock',
      subjectId: 'csv',
      after: { rows: result.rows, changed: result.changed },
    });
    result.imported = true;
    return result;
  }).catch((error) => {
    if (error instanceof StockImportRejected) return { ...error.result, imported: false, changed: 0 };
    throw error;
  });
}

/** Rolls the transaction back when a row fails while writing; the errors travel with it. */
class StockImportRejected extends Error {
  constructor(readonly result: StockImportResult) {
    super('the stock file has errors');
  }
}
