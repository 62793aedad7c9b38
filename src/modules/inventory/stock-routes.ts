import type { Readable } from 'node:stream';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { actorOf } from '../../platform/http/access.ts';
import { Page, PageQuery, paginate } from '../../platform/http/pagination.ts';
import { Problem } from '../../platform/http/problems.ts';
import { problemReplies } from '../../platform/http/schemas.ts';
import { describeVariants, variantIdsBySku } from '../catalog/index.ts';
import { MovementSchema, StockLevelSchema } from './schema.ts';
import {
  adjustStock,
  receiveStock,
  type StockDatabase,
  transferStock,
  updateStockSettings,
} from './stock.ts';
import { importStockCsv } from './stock-import.ts';

const Sku = Type.String({ minLength: 1, maxLength: 64, examples: ['TEE-BLACK-M'] });
const LocationId = Type.String({ pattern: '^loc_[0-9A-HJKMNP-TV-Z]{26}$' });
const Quantity = Type.Integer({ minimum: 1, maximum: 1_000_000 });
const Lines = Type.Array(Type.Object({ sku: Sku, quantity: Quantity }, { additionalProperties: false }), {
  minItems: 1,
  maxItems: 1000,
});
const Reason = Type.String({
  minLength: 1,
  maxLength: 500,
  pattern: '\\S',
  examples: ['damaged in the warehouse'],
});

async function withVariants<T extends { variantId: string }>(db: Kysely<Tables>, rows: T[]) {
  const described = await describeVariants(db, [...new Set(rows.map((r) => r.variantId))]);
  return rows.map((r) => ({
    row: r,
    variant: described.get(r.variantId) ?? { sku: '?', title: '', productTitle: '' },
  }));
}

export function registerStockRoutes(
  app: FastifyInstance,
  deps: { database: StockDatabase; clock: Clock },
): void {
  const { database, clock } = deps;
  registerStockImportRoute(app, deps);
  const db = database.db;
  app.addSchema(StockLevelSchema);
  app.addSchema(MovementSchema);
  const tags = ['Inventory'];
  const read = { permission: 'inventory:read' };
  const write = { permission: 'inventory:write' };
  const Filter = Type.Composite([
    PageQuery,
    Type.Object({ sku: Type.Optional(Sku), locationId: Type.Optional(LocationId) }),
  ]);

  app.get<{ Querystring: Static<typeof Filter> }>(
    '/api/v1/stock',
    {
      config: read,
      schema: {
        tags,
        summary: 'Stock per variant and location: on hand, reserved, available',
        querystring: Filter,
        response: { 200: Page(Type.Ref(StockLevelSchema)) },
      },
    },
    async (request) => {
      let query = db.selectFrom('stockLevels').selectAll();
      if (request.query.locationId) query = query.where('locationId', '=', request.query.locationId);
      if (request.query.sku) {
        const id = (await variantIdsBySku(db, [request.query.sku])).get(request.query.sku);
        query = query.where('variantId', '=', id ?? '');
      }
      const page = await paginate(query, {
        limit: request.query.limit,
        cursor: request.query.cursor,
        keys: ['variantId', 'locationId'],
        cursorOf: (r) => [r.variantId, r.locationId],
      });
      const items = (await withVariants(db, page.items)).map(({ row, variant }) => ({
        ...row,
        sku: variant.sku,
        productTitle: variant.productTitle,
        variantTitle: variant.title,
        available: Math.max(0, row.onHand - row.reserved - row.safetyStock),
      }));
      return { items, next: page.next };
    },
  );

  app.get<{ Querystring: Static<typeof Filter> }>(
    '/api/v1/stock/movements',
    {
      config: read,
      schema: {
        tags,
        summary: 'The stock ledger, newest first: every change with who and why',
        querystring: Filter,
        response: { 200: Page(Type.Ref(MovementSchema)) },
      },
    },
    async (request) => {
      let query = db.selectFrom('stockMovements').selectAll();
      if (request.query.locationId) query = query.where('locationId', '=', request.query.locationId);
      if (request.query.sku) {
        const id = (await variantIdsBySku(db, [request.query.sku])).get(request.query.sku);
        query = query.where('variantId', '=', id ?? '');
      }
      const page = await paginate(query, {
        limit: request.query.limit,
        cursor: request.query.cursor,
        keys: ['id'],
        direction: 'desc',
        cursorOf: (r) => [r.id],
      });
      return {
        items: (await withVariants(db, page.items)).map(({ row, variant }) => ({ ...row, sku: variant.sku })),
        next: page.next,
      };
    },
  );

  const ReceiptBody = Type.Object(
    {
      locationId: LocationId,
      lines: Lines,
      reference: Type.Optional(Type.String({ maxLength: 100, examples: ['PO-2026-118'] })),
    },
    { additionalProperties: false },
  );
  app.post<{ Body: Static<typeof ReceiptBody> }>(
    '/api/v1/stock/receipts',
    {
      config: write,
      schema: {
        tags,
        summary: 'Receive goods at a location',
        body: ReceiptBody,
        response: { 201: Type.Object({ received: Type.Integer() }), ...problemReplies(422) },
      },
    },
    async (request, reply) => {
      const levels = await receiveStock(database, clock, actorOf(request), request.body);
      return reply.code(201).send({ received: levels.length });
    },
  );

  const AdjustmentBody = Type.Object(
    {
      locationId: LocationId,
      sku: Sku,
      delta: Type.Optional(
        Type.Integer({ minimum: -1_000_000, maximum: 1_000_000, description: 'Change on hand by this much' }),
      ),
      countedOnHand: Type.Optional(
        Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Or: set on hand to what was counted' }),
      ),
      reason: Reason,
    },
    { additionalProperties: false },
  );
  app.post<{ Body: Static<typeof AdjustmentBody> }>(
    '/api/v1/stock/adjustments',
    {
      config: write,
      schema: {
        tags,
        summary: 'Correct stock with a reason (damage, loss, a count)',
        body: AdjustmentBody,
        response: {
          201: Type.Object({ onHand: Type.Integer(), reserved: Type.Integer() }),
          ...problemReplies(409, 422),
        },
      },
    },
    async (request, reply) => {
      const level = await adjustStock(database, clock, actorOf(request), request.body);
      return reply.code(201).send({ onHand: level.onHand, reserved: level.reserved });
    },
  );

  const TransferBody = Type.Object(
    { fromLocationId: LocationId, toLocationId: LocationId, lines: Lines, reason: Type.Optional(Reason) },
    { additionalProperties: false },
  );
  app.post<{ Body: Static<typeof TransferBody> }>(
    '/api/v1/stock/transfers',
    {
      config: write,
      schema: {
        tags,
        summary: 'Move stock between locations: every line or none',
        body: TransferBody,
        response: { 201: Type.Object({ transferred: Type.Integer() }), ...problemReplies(409, 422) },
      },
    },
    async (request, reply) => {
      await transferStock(database, clock, actorOf(request), request.body);
      return reply.code(201).send({ transferred: request.body.lines.length });
    },
  );

  const SettingsBody = Type.Object(
    {
      sku: Sku,
      locationId: LocationId,
      safetyStock: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
      reorderPoint: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
      bin: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 50 }), Type.Null()])),
    },
    { additionalProperties: false, minProperties: 3 },
  );
  app.put<{ Body: Static<typeof SettingsBody> }>(
    '/api/v1/stock/settings',
    {
      config: write,
      schema: {
        tags,
        summary: 'Set safety stock, reorder point and picking bin of a variant at a location',
        body: SettingsBody,
        response: problemReplies(422),
      },
    },
    async (request, reply) => {
      const { sku, locationId, ...changes } = request.body;
      const level = await updateStockSettings(
        database,
        clock,
        actorOf(request),
        { sku, locationId },
        changes,
      );
      return reply.send({ safetyStock: level.safetyStock, reorderPoint: level.reorderPoint, bin: level.bin });
    },
  );
}

/** Stock counts from a CSV file (streamed), all or nothing. */
export function registerStockImportRoute(
  app: FastifyInstance,
  deps: { database: StockDatabase; clock: Clock },
): void {
  app.register(async (files) => {
    files.addContentTypeParser(['text/csv', 'application/csv'], (_request, payload, done) =>
      done(null, payload),
    );
    files.post(
      '/api/v1/stock/import',
      {
        config: { permission: 'inventory:write' },
        schema: {
          tags: ['Inventory'],
          summary: 'Set stock levels from a CSV of counts',
          description:
            'Send the file as the body with `Content-Type: text/csv`. Columns: `location` (code, e.g. MAD), `sku`, `on_hand`, ' +
            'and optionally `safety_stock`, `reorder_point`, `bin`. Each changed level is recorded in the ledger as a count. ' +
            'A file with errors changes nothing; every error names its line and column.',
          response: problemReplies(415, 422),
        },
      },
      async (request, reply) => {
        if (typeof (request.body as { pipe?: unknown } | null)?.pipe !== 'function') {
          throw new Problem(
            'unsupported-media-type',
            'Send the file itself as the body, with Content-Type: text/csv.',
          );
        }
        const result = await importStockCsv(
          deps.database,
          deps.clock,
          actorOf(request),
          request.body as Readable,
        );
        if (!result.imported) {
          throw new Problem(
            'validation-failed',
            `The file has ${result.errorCount} error(s); nothing was changed.`,
            {
              errors: result.errors.map((e) => ({
                pointer: `/lines/${e.line}${e.field ? `/${e.field}` : ''}`,
                detail: e.detail,
              })),
              extensions: { rows: result.rows, errorCount: result.errorCount, rowErrors: result.errors },
            },
          );
        }
        return reply.send({ rows: result.rows, changed: result.changed });
      },
    );
  });
}
