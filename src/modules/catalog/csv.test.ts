import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.ts';
import { type Credentials, signInAs } from '../../../test/support/auth.ts';
import { databaseKinds } from '../../../test/support/database.ts';
import { systemActor } from '../../platform/audit/audit.ts';
import { importCatalogCsv } from './csv-import.ts';

const header =
  'handle,title,status,country_of_origin,option1_name,option1_value,sku,barcode,weight_grams,price_EUR,price_USD';
const good = [
  header,
  'linen-shirt,Linen shirt,active,PT,Size,S,LIN-S,4006381333931,220,69.00,75.00',
  'linen-shirt,,,,,M,LIN-M,,220,69.00,75.00',
  'linen-shirt,,,,,L,LIN-L,,230,71.50,',
  '"wool-blanket","Wool blanket, grey",draft,GB,,,BLK-1,,1400,95,105.5',
].join('\n');

describe.each(databaseKinds)('catalog CSV (%s)', (kind) => {
  const t = useTestApp(kind);
  let manager: Credentials;
  beforeAll(async () => {
    manager = await signInAs(t.app, 'manager');
  });
  const upload = (csv: string, query = '', headers: Record<string, string> = manager.headers) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/products/import${query}`,
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: csv,
    });
  const productCount = async () =>
    (await t.app.ordo.database.db.selectFrom('products').select('id').execute()).length;

  it('imports products with options and prices, then updates them from the same file', async () => {
    const res = await upload(good);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      imported: true,
      rows: 4,
      productsCreated: 2,
      variantsCreated: 4,
      productsUpdated: 0,
      errors: [],
    });
    const list = (await t.app.inject({ url: '/api/v1/products?q=LIN-', headers: manager.headers })).json()
      .items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      handle: 'linen-shirt',
      title: 'Linen shirt',
      countryOfOrigin: 'PT',
      options: [{ name: 'Size', values: ['S', 'M', 'L'] }],
    });
    expect(
      list[0].variants.map((v: { sku: string; title: string; prices: unknown }) => [
        v.sku,
        v.title,
        v.prices,
      ]),
    ).toEqual([
      [
        'LIN-S',
        'S',
        [
          { currency: 'EUR', amount: 6900 },
          { currency: 'USD', amount: 7500 },
        ],
      ],
      [
        'LIN-M',
        'M',
        [
          { currency: 'EUR', amount: 6900 },
          { currency: 'USD', amount: 7500 },
        ],
      ],
      ['LIN-L', 'L', [{ currency: 'EUR', amount: 7150 }]],
    ]);
    const again = await upload(good.replace('69.00,75.00', '59.00,65.00'));
    expect(again.json()).toMatchObject({
      productsCreated: 0,
      productsUpdated: 2,
      variantsCreated: 0,
      variantsUpdated: 4,
    });
    const shirt = (await t.app.inject({ url: '/api/v1/products?q=LIN-S', headers: manager.headers })).json()
      .items[0];
    expect(shirt.variants[0].prices[0]).toEqual({ currency: 'EUR', amount: 5900 });
  });

  it('reports every bad row with its line and column, and imports nothing', async () => {
    const before = await productCount();
    const csv = [
      header,
      'mug,Mug,active,PT,,,MUG-1,4006381333932,380,16.00,18.00',
      'cap,Cap,active,XX,,,CAP-1,,110,29,31',
      'cap,,,,,,CAP 2,,abc,-3,',
      'tote,Tote,sideways,PT,,,TOTE-1,,300,24.999,26',
      'tote2,,active,PT,,,TOTE-1,,300,24,26',
    ].join('\n');
    const res = await upload(csv);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.detail).toContain('nothing was imported');
    expect(body.rowErrors).toEqual(
      expect.arrayContaining([
        { line: 2, field: 'barcode', detail: expect.stringContaining('check digit') },
        { line: 3, field: 'country_of_origin', detail: 'XX is not an ISO 3166 country code' },
        { line: 4, field: 'sku', detail: expect.any(String) },
        { line: 4, field: 'weight_grams', detail: 'must be a whole number of at least 0, got "abc"' },
        { line: 4, field: 'price_EUR', detail: expect.any(String) },
        { line: 5, field: 'status', detail: 'must be draft, active or archived' },
        { line: 5, field: 'price_EUR', detail: '"24.999" is not an amount in EUR (e.g. 19.99)' },
        { line: 6, field: 'title', detail: "is required on a product's first row" },
        { line: 6, field: 'sku', detail: 'TOTE-1 appears earlier in the file' },
      ]),
    );
    expect(body.errors[0]).toEqual({ pointer: '/lines/2/barcode', detail: expect.any(String) });
    expect(await productCount()).toBe(before);
  });

  it('imports the good products of a bad file when asked to, skipping the bad ones whole', async () => {
    const csv = [
      header,
      'good-one,Good one,active,PT,,,GOOD-1,,100,10,11',
      'bad-one,Bad one,active,PT,Size,S,BAD-S,,100,10,11',
      'bad-one,,,,,,BAD-M,,100,10,11',
    ].join('\n');
    const res = await upload(csv, '?partial=true');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      imported: true,
      productsCreated: 1,
      skippedRows: 2,
      errors: [{ line: 4, field: 'option1_value' }],
    });
    const found = (await t.app.inject({ url: '/api/v1/products?q=BAD-', headers: manager.headers })).json()
      .items;
    expect(found).toEqual([]);
  });

  it.each([
    ['an unknown column', 'handle,title,sku,colour\nx,X,X-1,red', { line: 1, field: 'colour' }],
    ['a missing sku column', 'handle,title,price_EUR\nx,X,1', { line: 1, field: 'sku' }],
    [
      'a price column for no currency',
      'handle,title,sku,price_EURO\nx,X,X-1,1',
      { line: 1, field: 'price_EURO' },
    ],
    ['a row with too many fields', 'handle,title,sku,price_EUR\nx,X,X-1,1\ny,Y,Y-1,1,extra', { line: 3 }],
    ['an unclosed quote', 'handle,title,sku,price_EUR\nx,"X,X-1,1\n', { line: 2 }],
    [
      'products whose rows are apart',
      'handle,title,sku,price_EUR\na,A,A-1,1\nb,B,B-1,1\na,,A-2,1',
      { line: 4, field: 'handle' },
    ],
    ['an empty file', 'handle,title,sku,price_EUR\n', { line: 1 }],
  ])('refuses %s, saying where', async (_what, csv, where) => {
    const res = await upload(csv);
    expect(res.statusCode).toBe(422);
    expect(res.json().rowErrors).toEqual(expect.arrayContaining([expect.objectContaining(where)]));
  });

  it('refuses a SKU that belongs to another product', async () => {
    await upload([header, 'first-product,First,active,PT,,,SHARED-1,,1,1,1'].join('\n'));
    const res = await upload([header, 'second-product,Second,active,PT,,,SHARED-1,,1,1,1'].join('\n'));
    expect(res.statusCode).toBe(422);
    expect(res.json().rowErrors).toEqual([
      { line: 2, field: 'sku', detail: 'SHARED-1 belongs to product first-product' },
    ]);
  });

  it('exports the catalog in the format it imports', async () => {
    const exported = await t.app.inject({ url: '/api/v1/products/export', headers: manager.headers });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^text\/csv/);
    expect(exported.headers['content-disposition']).toMatch(
      /^attachment; filename="catalog-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(exported.body.split('\n')[0]).toContain('handle,title,description,status');
    expect(exported.body).toContain('"Wool blanket, grey"');
    const reimport = await upload(exported.body);
    expect(reimport.statusCode, reimport.body).toBe(200);
    expect(reimport.json().productsCreated).toBe(0);
    expect(reimport.json().variantsUpdated).toBe(reimport.json().rows);
  });

  it('imports over a real connection, and refuses a body that is not a file', async () => {
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const csv = [header, 'socket-tee,Socket tee,active,PT,,,SOCKET-1,,100,10.00,11.00'].join('\r\n');
      const res = await fetch(`${base}/api/v1/products/import`, {
        method: 'POST',
        headers: { ...manager.headers, 'content-type': 'text/csv' },
        body: `\uFEFF${csv}`,
      });
      expect(res.status, await res.clone().text()).toBe(200);
      expect(await res.json()).toMatchObject({ imported: true, productsCreated: 1 });
      const json = await fetch(`${base}/api/v1/products/import`, {
        method: 'POST',
        headers: { ...manager.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ rows: [] }),
      });
      expect(json.status).toBe(415);
      const keyed = await fetch(`${base}/api/v1/products/import`, {
        method: 'POST',
        headers: { ...manager.headers, 'content-type': 'text/csv', 'idempotency-key': 'k-file' },
        body: csv,
      });
      expect(keyed.status).toBe(422);
    } finally {
      await t.app.server.close();
    }
  });

  it('refuses a column named twice, even in a file with no rows', async () => {
    const res = await upload('handle,title,sku,price_EUR,price_EUR\nx,X,X-1,1,999');
    expect(res.statusCode).toBe(422);
    expect(res.json().rowErrors).toEqual([{ line: 1, field: 'price_EUR', detail: 'column appears twice' }]);
    const headerOnly = await upload('handle,title,sku,colour\n');
    expect(headerOnly.json().rowErrors).toEqual([
      { line: 1, field: 'colour', detail: 'is not a column of the catalog format' },
    ]);
  });

  it('keeps imports from staff who may not change the catalog', async () => {
    const agent = await signInAs(t.app, 'agent');
    expect((await upload(good, '', agent.headers)).statusCode).toBe(403);
  });

  it('streams a large file: work starts long before the file ends', async () => {
    const total = 6000;
    let produced = 0;
    let producedAtFirstProgress = -1;
    async function* lines() {
      yield `${header}\n`;
      for (let i = 0; i < total; i++) {
        produced++;
        yield `bulk-${i},Bulk item ${i},active,PT,,,BULK-${i},,100,${(i % 90) + 10}.50,12\n`;
      }
    }
    const result = await importCatalogCsv(t.app.ordo.database, t.clock, systemActor, Readable.from(lines()), {
      onProgress: () => {
        if (producedAtFirstProgress < 0) producedAtFirstProgress = produced;
      },
    });
    expect(result).toMatchObject({
      imported: true,
      rows: total,
      productsCreated: total,
      variantsCreated: total,
      errors: [],
    });
    expect(producedAtFirstProgress).toBeGreaterThan(0);
    expect(producedAtFirstProgress).toBeLessThan(total / 2);
  }, 120_000);
});
