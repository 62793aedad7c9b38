import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { actorOf } from '../../platform/http/access.ts';
import { problemReplies } from '../../platform/http/schemas.ts';
import { listShippingRates, listTaxRates, replaceShippingRates, replaceTaxRates } from './rates.ts';

const Country = Type.String({ pattern: '^[A-Z]{2}$', examples: ['ES'] });
const Currency = Type.String({ pattern: '^[A-Z]{3}$', examples: ['EUR'] });

const ShippingRateSchema = Type.Object(
  {
    method: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', examples: ['standard'] }),
    country: Country,
    currency: Currency,
    name: Type.String({ minLength: 1, maxLength: 100, examples: ['Standard (2–3 days)'] }),
    amount: Type.Integer({ minimum: 0, maximum: 100_000_000, examples: [495] }),
    freeFrom: Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000_000 }), Type.Null()], {
      description: 'Goods amount (after discounts) from which shipping is free; null for never',
    }),
    transitDays: Type.Integer({ minimum: 0, maximum: 60, examples: [2] }),
  },
  { additionalProperties: false },
);

const TaxRateSchema = Type.Object(
  {
    country: Country,
    taxClass: Type.String({ minLength: 1, maxLength: 40, examples: ['standard'] }),
    rate: Type.Integer({ minimum: 0, maximum: 10_000, description: 'Basis points: 2100 = 21 %' }),
    pricesIncludeTax: Type.Boolean({
      description: 'Whether catalog prices for this destination include the tax',
    }),
  },
  { additionalProperties: false },
);

/** The rate card and tax rates: read by whoever takes orders, changed by who runs the shop. */
export function registerRateRoutes(
  app: FastifyInstance,
  deps: { database: Database<Tables>; clock: Clock },
): void {
  const { database, clock } = deps;
  const tags = ['Shipping and tax'];
  const ShippingFilter = Type.Object({ country: Type.Optional(Country), currency: Type.Optional(Currency) });
  const ShippingRates = Type.Object({ rates: Type.Array(ShippingRateSchema, { maxItems: 5000 }) });
  const TaxRates = Type.Object({ rates: Type.Array(TaxRateSchema, { maxItems: 5000 }) });

  app.get<{ Querystring: Static<typeof ShippingFilter> }>(
    '/api/v1/shipping-rates',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags,
        summary: 'Shipping methods and what they cost, by destination and currency',
        querystring: ShippingFilter,
        response: { 200: ShippingRates },
      },
    },
    async (request) => {
      const { country, currency } = request.query;
      const rates = (await listShippingRates(database.db)).filter(
        (r) => (!country || r.country === country) && (!currency || r.currency === currency),
      );
      return { rates };
    },
  );

  app.put<{ Body: Static<typeof ShippingRates> }>(
    '/api/v1/shipping-rates',
    {
      config: { permission: 'settings:manage' },
      schema: {
        tags,
        summary: 'Replace the whole rate card (audited)',
        body: ShippingRates,
        response: { 200: ShippingRates, ...problemReplies(422) },
      },
    },
    async (request) => ({
      rates: await replaceShippingRates(database, clock, actorOf(request), request.body.rates),
    }),
  );

  app.get(
    '/api/v1/tax-rates',
    {
      config: { permission: 'orders:read' },
      schema: { tags, summary: 'Tax rates by destination and tax class', response: { 200: TaxRates } },
    },
    async () => ({ rates: await listTaxRates(database.db) }),
  );

  app.put<{ Body: Static<typeof TaxRates> }>(
    '/api/v1/tax-rates',
    {
      config: { permission: 'settings:manage' },
      schema: {
        tags,
        summary: 'Replace the tax rates (audited)',
        body: TaxRates,
        response: { 200: TaxRates, ...problemReplies(422) },
      },
    },
    async (request) => ({
      rates: await replaceTaxRates(database, clock, actorOf(request), request.body.rates),
    }),
  );
}
