import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.ts';
import { apiKeyWith, type Credentials, signInAs } from '../../../test/support/auth.ts';
import { databaseKinds } from '../../../test/support/database.ts';

let serial = 0;
/** A valid product body; SKUs and handles are unique per call. */
function productBody(overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    title: `Classic tee ${serial}`,
    status: 'active',
    options: [{ name: 'Size', values: ['S', 'M'] }],
    countryOfOrigin: 'PT',
    hsCode: '610910',
    variants: [
      {
        sku: `TEE-${serial}-S`,
        optionValues: { Size: 'S' },
        prices: [
          { currency: 'EUR', amount: 1999 },
          { currency: 'USD', amount: 2199 },
        ],
      },
      {
        sku: `TEE-${serial}-M`,
        optionValues: { Size: 'M' },
        weightGrams: 180,
        prices: [{ currency: 'EUR', amount: 1999 }],
      },
    ],
    ...overrides,
  };
}

describe.each(databaseKinds)('catalog (%s)', (kind) => {
  const t = useTestApp(kind);
  let manager: Credentials;
  beforeAll(async () => {
    manager = await signInAs(t.app, 'manager');
  });
  const create = (payload: unknown, headers = manager.headers) =>
    t.app.inject({ method: 'POST', url: '/api/v1/products', headers, payload: payload as object });
  const counts = async () => {
    const db = t.app.ordo.database.db;
    const [p, v, pr] = await Promise.all([
      db.selectFrom('products').select('id').execute(),
      db.selectFrom('variants').select('id').execute(),
      db.selectFrom('variantPrices').select('variantId').execute(),
    ]);
    return [p.length, v.length, pr.length];
  };

  it('creates a product with variants, prices and a handle from its title', async () => {
    const res = await create(
      productBody({
        title: 'Café Crème Mug',
        options: [],
        variants: [
          { sku: 'MUG-CREME', barcode: '4006381333931', prices: [{ currency: 'EUR', amount: 1250 }] },
        ],
      }),
    );
    expect(res.statusCode).toBe(201);
    const product = res.json();
    expect(product).toMatchObject({
      id: expect.stringMatching(/^prd_/),
      handle: 'cafe-creme-mug',
      status: 'active',
      taxClass: 'standard',
      returnable: true,
      variants: [
        {
          sku: 'MUG-CREME',
          barcode: '4006381333931',
          title: 'Default',
          prices: [{ currency: 'EUR', amount: 1250 }],
        },
      ],
    });
    const again = await create(
      productBody({
        title: 'Café Crème Mug',
        options: [],
        variants: [{ sku: 'MUG-CREME-2', prices: [{ currency: 'EUR', amount: 1250 }] }],
      }),
    );
    expect(again.json().handle).toBe('cafe-creme-mug-2');
  });

  it('titles variants from their option values', async () => {
    const product = (await create(productBody())).json();
    expect(product.variants.map((v: { title: string }) => v.title)).toEqual(['S', 'M']);
    expect(product.variants[1].weightGrams).toBe(180);
  });

  const bad: [string, (b: ReturnType<typeof productBody>) => void, string][] = [
    ['a bad SKU', (b) => (b.variants[0]!.sku = 'tee shirt!'), '/variants/0/sku'],
    ['a SKU repeated in the request', (b) => (b.variants[1]!.sku = b.variants[0]!.sku), '/variants/1/sku'],
    [
      'a barcode with a wrong check digit',
      (b) => Object.assign(b.variants[0]!, { barcode: '4006381333932' }),
      '/variants/0/barcode',
    ],
    ['a negative price', (b) => (b.variants[0]!.prices[0]!.amount = -1), '/variants/0/prices/0/amount'],
    [
      'a price with decimals',
      (b) => (b.variants[0]!.prices[0]!.amount = 19.99),
      '/variants/0/prices/0/amount',
    ],
    [
      'an unknown currency',
      (b) => (b.variants[0]!.prices[0]!.currency = 'XYZ'),
      '/variants/0/prices/0/currency',
    ],
    [
      'a currency priced twice',
      (b) => b.variants[0]!.prices.push({ currency: 'EUR', amount: 1 }),
      '/variants/0/prices/2/currency',
    ],
    [
      'a lowercase currency',
      (b) => (b.variants[0]!.prices[0]!.currency = 'eur'),
      '/variants/0/prices/0/currency',
    ],
    ['no price', (b) => (b.variants[0]!.prices = []), '/variants/0/prices'],
    ['an oversize title', (b) => (b.title = 'x'.repeat(201)), '/title'],
    ['an oversize description', (b) => Object.assign(b, { description: 'x'.repeat(5001) }), '/description'],
    ['an unknown country', (b) => (b.countryOfOrigin = 'XX'), '/countryOfOrigin'],
    ['a malformed HS code', (b) => (b.hsCode = '61.09'), '/hsCode'],
    [
      'an option value the product does not have',
      (b) => (b.variants[0]!.optionValues = { Size: 'XL' }),
      '/variants/0/optionValues/Size',
    ],
    [
      'a missing option value',
      (b) => (b.variants[0]!.optionValues = {} as { Size: string }),
      '/variants/0/optionValues/Size',
    ],
    [
      'no option values at all',
      (b) => delete (b.variants[0] as { optionValues?: unknown }).optionValues,
      '/variants/0/optionValues/Size',
    ],
    ['a title that is not well-formed text', (b) => (b.title = 'Tee \ud800'), '/title'],
    ['no variants', (b) => (b.variants = []), '/variants'],
    ['an image that is not a URL', (b) => Object.assign(b, { images: ['not a url'] }), '/images/0'],
    ['an unknown field', (b) => Object.assign(b, { colour: 'red' }), '/colour'],
    ['an unknown tax class', (b) => Object.assign(b, { taxClass: 'luxury' }), '/taxClass'],
  ];
  it.each(bad)('refuses %s naming the field, and writes nothing', async (_what, spoil, pointer) => {
    const before = await counts();
    const body = productBody();
    spoil(body);
    const res = await create(body);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    expect(await counts()).toEqual(before);
  });

  it('refuses a SKU or barcode another variant has with 409 naming it', async () => {
    const first = (
      await create(
        productBody({
          options: [],
          variants: [{ sku: 'DUP-1', barcode: '036000291452', prices: [{ currency: 'EUR', amount: 100 }] }],
        }),
      )
    ).json();
    const before = await counts();
    const res = await create(
      productBody({
        options: [],
        variants: [{ sku: 'DUP-1', barcode: '036000291452', prices: [{ currency: 'EUR', amount: 100 }] }],
      }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/variants/0/sku',
      '/variants/0/barcode',
    ]);
    expect(res.json().existingVariants).toEqual({ 'DUP-1': first.variants[0].id });
    expect(await counts()).toEqual(before);
  });

  it('finds products by SKU prefix, barcode and title words, and filters by status', async () => {
    const lamp = (
      await create(
        productBody({
          title: 'Brass desk lamp',
          options: [],
          variants: [
            { sku: 'LAMP-BRASS-01', barcode: '96385074', prices: [{ currency: 'EUR', amount: 8900 }] },
          ],
        }),
      )
    ).json();
    const draft = (
      await create(
        productBody({
          title: 'Brass floor lamp',
          status: 'draft',
          options: [],
          variants: [{ sku: 'LAMP-BRASS-02', prices: [{ currency: 'EUR', amount: 15900 }] }],
        }),
      )
    ).json();
    const search = async (query: string) =>
      (await t.app.inject({ url: `/api/v1/products?${query}`, headers: manager.headers }))
        .json()
        .items.map((p: { id: string }) => p.id);
    expect(await search('q=lamp-brass')).toEqual([draft.id, lamp.id]);
    expect(await search('q=96385074')).toEqual([lamp.id]);
    expect(await search('q=brass%20des')).toEqual([lamp.id]);
    expect(await search('q=BRASS%20LAMP&status=draft')).toEqual([draft.id]);
    expect(await search('q=%25')).toEqual([]);
    expect(await search('q=nothing-like-this')).toEqual([]);
  });

  it('pages through the catalog without repeats', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = (
        await t.app.inject({ url: `/api/v1/products?limit=3${query}`, headers: manager.headers })
      ).json();
      for (const p of page.items) {
        expect(seen.has(p.id)).toBe(false);
        seen.add(p.id);
      }
      cursor = page.next;
      pages++;
    } while (cursor && pages < 50);
    const [products] = await counts();
    expect(seen.size).toBe(products);
  });

  it('changes prices with an audit entry showing before and after', async () => {
    const product = (await create(productBody())).json();
    const variant = product.variants[0];
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/variants/${variant.id}`,
      headers: manager.headers,
      payload: {
        prices: [
          { currency: 'EUR', amount: 2499 },
          { currency: 'USD', amount: 2699 },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().variants[0].prices).toEqual([
      { currency: 'EUR', amount: 2499 },
      { currency: 'USD', amount: 2699 },
    ]);
    const owner = await signInAs(t.app, 'owner');
    const audit = await t.app.inject({
      url: `/api/v1/audit-log?subjectId=${variant.id}&action=variant.price_changed`,
      headers: owner.headers,
    });
    expect(audit.json().items).toEqual([
      expect.objectContaining({
        actorId: manager.staffId,
        before: {
          sku: variant.sku,
          prices: [
            { currency: 'EUR', amount: 1999 },
            { currency: 'USD', amount: 2199 },
          ],
        },
        after: {
          sku: variant.sku,
          prices: [
            { currency: 'EUR', amount: 2499 },
            { currency: 'USD', amount: 2699 },
          ],
        },
      }),
    ]);
  });

  it('lets agents and warehouse staff see the catalog but not change prices', async () => {
    const product = (await create(productBody())).json();
    for (const role of ['agent', 'warehouse'] as const) {
      const staff = await signInAs(t.app, role);
      expect(
        (await t.app.inject({ url: `/api/v1/products/${product.id}`, headers: staff.headers })).statusCode,
      ).toBe(200);
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/variants/${product.variants[0].id}`,
        headers: staff.headers,
        payload: { prices: [{ currency: 'EUR', amount: 1 }] },
      });
      expect(res.statusCode).toBe(403);
    }
    const key = await apiKeyWith(t.app, ['catalog:read']);
    expect((await t.app.inject({ url: '/api/v1/products', headers: key.headers })).statusCode).toBe(200);
    expect((await create(productBody(), key.headers)).statusCode).toBe(403);
  });

  it('archives a product and records it', async () => {
    const product = (await create(productBody())).json();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/products/${product.id}/archive`,
      headers: manager.headers,
    });
    expect(res.json().status).toBe('archived');
    const events = await t.app.ordo.database.db
      .selectFrom('outboxEvents')
      .select(['type'])
      .where('aggregateId', '=', product.id)
      .execute();
    expect(events.map((e) => e.type)).toEqual(['product.created', 'product.updated']);
  });

  it('adds a variant and refuses options that would orphan existing variants', async () => {
    const product = (await create(productBody())).json();
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/v1/products/${product.id}/variants`,
      headers: manager.headers,
      payload: {
        sku: `${product.variants[0].sku}-X`,
        optionValues: { Size: 'L' },
        prices: [{ currency: 'EUR', amount: 1 }],
      },
    });
    expect(added.statusCode).toBe(422);
    expect(added.json().errors[0].pointer).toBe('/optionValues/Size');
    const shrink = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/products/${product.id}`,
      headers: manager.headers,
      payload: { options: [{ name: 'Size', values: ['S'] }] },
    });
    expect(shrink.statusCode).toBe(422);
    expect(shrink.json().errors[0].pointer).toBe('/options');
  });

  it('answers a race for the same SKU with one 201 and 409s, never a 500', async () => {
    const body = productBody({
      options: [],
      variants: [{ sku: 'RACE-1', prices: [{ currency: 'EUR', amount: 1 }] }],
    });
    const replies = await Promise.all(Array.from({ length: 6 }, () => create(body)));
    const codes = replies.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409, 409]);
  });

  it('refuses nesting deeper than any request needs, before reading it', async () => {
    const deep = `${'['.repeat(5000)}"x"${']'.repeat(5000)}`;
    const body = JSON.stringify({ ...productBody(), description: 'DEEP' }).replace('"DEEP"', deep);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/products',
      headers: { ...manager.headers, 'content-type': 'application/json' },
      payload: body,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].detail).toContain('nested deeper than');
  });

  it('answers an unknown product with 404', async () => {
    const res = await t.app.inject({
      url: '/api/v1/products/prd_01JDQ6Y3M5W9X8Z2A4B6C8D0EF',
      headers: manager.headers,
    });
    expect(res.statusCode).toBe(404);
  });
});
