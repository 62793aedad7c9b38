import { pipeline, type Readable, Transform } from 'node:stream';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import { actorOf } from '../../platform/http/access.ts';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import { Problem } from '../../platform/http/problems.ts';
import { IdParam, problemReplies } from '../../platform/http/schemas.ts';
import { exportCatalogCsv } from './csv-export.ts';
import { importCatalogCsv } from './csv-import.ts';
import type { CatalogDatabase } from './queries.ts';
import { searchProducts } from './queries.ts';
import {
  CreateProductBody,
  ProductListQuery,
  ProductSchema,
  UpdateProductBody,
  UpdateVariantBody,
  VariantInput,
  VariantSchema,
} from './schema.ts';
import { archiveProduct, createProduct, getProduct, updateProduct } from './service.ts';
import { addVariant, updateVariant } from './variants.ts';

export function registerCatalogRoutes(
  app: FastifyInstance,
  deps: { database: CatalogDatabase; clock: Clock },
): void {
  const { database, clock } = deps;
  registerCatalogFileRoutes(app, deps);
  app.addSchema(VariantSchema);
  app.addSchema(ProductSchema);
  const tags = ['Catalog'];
  const read = { permission: 'catalog:read' };
  const write = { permission: 'catalog:write' };
  const Product = Type.Ref(ProductSchema);
  const ListQuery = Type.Composite([PageQuery, ProductListQuery]);

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/api/v1/products',
    {
      config: read,
      schema: {
        tags,
        summary: 'List and search products, newest first',
        description:
          '`q` finds products by SKU or barcode prefix (`TEE-`), or by the words of the title (`classic te`).',
        querystring: ListQuery,
        response: { 200: Page(Product), ...problemReplies(401, 403, 422) },
      },
    },
    async (request) => searchProducts(database.db, request.query),
  );

  app.post<{ Body: Static<typeof CreateProductBody> }>(
    '/api/v1/products',
    {
      config: write,
      schema: {
        tags,
        summary: 'Create a product with its variants and prices',
        body: CreateProductBody,
        response: { 201: Product, ...problemReplies(409, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createProduct(database, clock, actorOf(request), request.body)),
  );

  const ProductParams = IdParam('prd');
  app.get<{ Params: Static<typeof ProductParams> }>(
    '/api/v1/products/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Get a product',
        params: ProductParams,
        response: { 200: Product, ...problemReplies(404) },
      },
    },
    async (request) => getProduct(database.db, request.params.id),
  );

  app.patch<{ Params: Static<typeof ProductParams>; Body: Static<typeof UpdateProductBody> }>(
    '/api/v1/products/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a product (title, status, options, customs data, images…)',
        params: ProductParams,
        body: UpdateProductBody,
        response: { 200: Product, ...problemReplies(404, 409, 422) },
      },
    },
    async (request) => updateProduct(database, clock, actorOf(request), request.params.id, request.body),
  );

  app.post<{ Params: Static<typeof ProductParams> }>(
    '/api/v1/products/:id/archive',
    {
      config: write,
      schema: {
        tags,
        summary: 'Archive a product: it stays on past orders but can no longer be sold',
        params: ProductParams,
        response: { 200: Product, ...problemReplies(404) },
      },
    },
    async (request) => archiveProduct(database, clock, actorOf(request), request.params.id),
  );

  app.post<{ Params: Static<typeof ProductParams>; Body: Static<typeof VariantInput> }>(
    '/api/v1/products/:id/variants',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add a variant to a product',
        params: ProductParams,
        body: VariantInput,
        response: { 201: Product, ...problemReplies(404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addVariant(database, clock, actorOf(request), request.params.id, request.body)),
  );

  const VariantParams = IdParam('var');
  app.patch<{ Params: Static<typeof VariantParams>; Body: Static<typeof UpdateVariantBody> }>(
    '/api/v1/variants/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a variant: SKU, barcode, prices, weight and dimensions, backorders',
        params: VariantParams,
        body: UpdateVariantBody,
        response: { 200: Product, ...problemReplies(404, 409, 422) },
      },
    },
    async (request) => updateVariant(database, clock, actorOf(request), request.params.id, request.body),
  );
}

const importLimitBytes = 512 * 1024 * 1024;

const ImportResultSchema = Type.Object({
  imported: Type.Boolean(),
  rows: Type.Integer(),
  productsCreated: Type.Integer(),
  productsUpdated: Type.Integer(),
  variantsCreated: Type.Integer(),
  variantsUpdated: Type.Integer(),
  skippedRows: Type.Integer(),
  errorCount: Type.Integer({ description: 'All errors found; `errors` lists the first 1,000' }),
  errors: Type.Array(Type.Object({ line: Type.Integer(), field: Type.String(), detail: Type.String() })),
});

/** CSV in and out. Imports are streamed: the file is read as it arrives, never held whole. */
function registerCatalogFileRoutes(
  app: FastifyInstance,
  deps: { database: CatalogDatabase; clock: Clock },
): void {
  const { database, clock } = deps;
  const tags = ['Catalog'];
  app.get(
    '/api/v1/products/export',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags,
        summary: 'The whole catalog as CSV, in the format the import reads',
        produces: ['text/csv'],
      },
    },
    async (_request, reply) => {
      const csv = await exportCatalogCsv(database.db);
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="catalog-${clock.now().toISOString().slice(0, 10)}.csv"`,
        )
        .send(csv);
    },
  );

  app.register(async (files) => {
    // The body stays a stream: the importer reads it as it arrives.
    files.addContentTypeParser(['text/csv', 'application/csv'], (_request, payload, done) =>
      done(null, payload),
    );
    const Query = Type.Object({
      partial: Type.Optional(
        Type.Boolean({ default: false, description: 'Import the good rows of a file with bad ones' }),
      ),
    });
    files.post<{ Querystring: Static<typeof Query> }>(
      '/api/v1/products/import',
      {
        config: { permission: 'catalog:write' },
        schema: {
          tags,
          summary: 'Import products and variants from CSV (create by handle and SKU, or update)',
          description:
            'Send the file as the body with `Content-Type: text/csv`. One row per variant; rows of one product together. ' +
            'Columns: handle, title, description, status, tax_class, hs_code, country_of_origin, returnable, image_urls, ' +
            'option1_name…option3_value, sku, barcode, weight_grams, length_mm, width_mm, height_mm, backorderable, and ' +
            '`price_<ISO code>` columns with decimal amounts. A file with errors changes nothing unless `partial=true`; ' +
            'every error names its line and column.',
          querystring: Query,
          response: { 200: ImportResultSchema, ...problemReplies(413, 415, 422) },
        },
      },
      async (request, reply) => {
        if (typeof (request.body as { pipe?: unknown } | null)?.pipe !== 'function') {
          throw new Problem(
            'unsupported-media-type',
            'Send the file itself as the body, with Content-Type: text/csv.',
          );
        }
        // pipeline, not pipe: a failure on either side (a dropped upload, the size limit) ends both.
        const body = pipeline(request.body as Readable, limitBytes(importLimitBytes), () => {});
        const result = await importCatalogCsv(database, clock, actorOf(request), body, {
          partial: request.query.partial ?? false,
        });
        if (!result.imported) {
          const shown = result.errors.slice(0, 1000);
          throw new Problem(
            'validation-failed',
            `The file has ${result.errorCount} error(s); nothing was imported.`,
            {
              errors: shown.map((e) => ({
                pointer: `/lines/${e.line}${e.field ? `/${e.field}` : ''}`,
                detail: e.detail,
              })),
              extensions: { rows: result.rows, errorCount: result.errorCount, rowErrors: shown },
            },
          );
        }
        return reply.send(result);
      },
    );
  });
}

function limitBytes(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit)
        callback(
          new Problem('payload-too-large', `The file is larger than the ${limit / 1024 / 1024} MB accepted.`),
        );
      else callback(null, chunk);
    },
  });
}
