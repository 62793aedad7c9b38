import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import { actorOf } from '../../platform/http/access.ts';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import { IdParam, problemReplies } from '../../platform/http/schemas.ts';
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
import {
  addVariant,
  archiveProduct,
  type CatalogDatabase,
  createProduct,
  getProduct,
  updateProduct,
  updateVariant,
} from './service.ts';

export function registerCatalogRoutes(
  app: FastifyInstance,
  deps: { database: CatalogDatabase; clock: Clock },
): void {
  const { database, clock } = deps;
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
