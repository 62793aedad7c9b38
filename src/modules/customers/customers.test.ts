import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.ts';
import { type Credentials, signInAs } from '../../../test/support/auth.ts';
import { databaseKinds } from '../../../test/support/database.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { recordTimeline } from './timeline.ts';

let serial = 0;
function customerBody(overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    email: `ana.${serial}@example.com`,
    name: 'Ana García',
    phone: `+34 612 345 ${String(100 + serial).padStart(3, '0')}`,
    language: 'es',
    marketingConsent: { granted: true, source: 'checkout' },
    tags: ['vip'],
    addresses: [
      { name: 'Ana García', line1: 'Calle Mayor 1', city: 'Madrid', postalCode: '28013', country: 'ES' },
    ],
    ...overrides,
  };
}

describe.each(databaseKinds)('customers (%s)', (kind) => {
  const t = useTestApp(kind);
  let agent: Credentials;
  beforeAll(async () => {
    agent = await signInAs(t.app, 'agent');
  });
  const create = (payload: unknown) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: agent.headers,
      payload: payload as object,
    });
  const count = async () =>
    (await t.app.ordo.database.db.selectFrom('customers').select('id').execute()).length;

  it('creates a customer with the phone in E.164 and consent recorded with its time and source', async () => {
    const res = await create(customerBody({ phone: '612 999 888' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      id: expect.stringMatching(/^cus_/),
      phone: '+34612999888',
      language: 'es',
      marketingConsent: true,
      marketingConsentAt: t.clock.now().toISOString(),
      marketingConsentSource: 'checkout',
      addresses: [{ postalCode: '28013', country: 'ES', isDefault: true }],
    });
  });

  it('refuses a duplicate email in any case, and a duplicate phone in another notation, pointing at the existing customer', async () => {
    const first = (await create(customerBody())).json();
    const before = await count();
    const sameEmail = await create(customerBody({ email: first.email.toUpperCase() }));
    expect(sameEmail.statusCode).toBe(409);
    expect(sameEmail.json()).toMatchObject({ existingId: first.id, errors: [{ pointer: '/email' }] });
    const samePhone = await create(customerBody({ phone: first.phone.replace('+34', '0034 ') }));
    expect(samePhone.statusCode).toBe(409);
    expect(samePhone.json()).toMatchObject({ existingId: first.id, errors: [{ pointer: '/phone' }] });
    expect(await count()).toBe(before);
  });

  it.each([
    [{ email: 'not-an-email' }, '/email'],
    [{ phone: '12345' }, '/phone'],
    [
      { addresses: [{ name: 'A', line1: 'B', city: 'Madrid', postalCode: '2801', country: 'ES' }] },
      '/addresses/0/postalCode',
    ],
    [
      { addresses: [{ name: 'A', line1: 'B', city: 'Madrid', postalCode: '28013', country: 'XX' }] },
      '/addresses/0/country',
    ],
    [{ addresses: [{ name: 'A', line1: 'B', city: 'London', country: 'GB' }] }, '/addresses/0/postalCode'],
    [
      {
        addresses: [
          { name: 'A', line1: 'B', city: 'Madrid', postalCode: '28013', country: 'ES', phone: 'abc' },
        ],
      },
      '/addresses/0/phone',
    ],
    [{ language: 'Spanish' }, '/language'],
    [{ name: 'x'.repeat(201) }, '/name'],
    [{ notes: 'x'.repeat(5001) }, '/notes'],
    [{ tags: ['a,b'] }, '/tags/0'],
    [{ marketingConsent: { granted: true } }, '/marketingConsent/source'],
  ])('refuses %o naming %s, and writes nothing', async (override, pointer) => {
    const before = await count();
    const res = await create(customerBody(override));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    expect(await count()).toBe(before);
  });

  it('finds customers by email prefix, phone in any notation, and name words', async () => {
    const zoe = (
      await create(
        customerBody({
          email: 'zoe.lindqvist@example.se',
          name: 'Zoë Lindqvist',
          phone: '+46 70 123 45 67',
          addresses: [],
        }),
      )
    ).json();
    const search = async (q: string) =>
      (await t.app.inject({ url: `/api/v1/customers?q=${encodeURIComponent(q)}`, headers: agent.headers }))
        .json()
        .items.map((c: { id: string }) => c.id);
    expect(await search('zoe.lind')).toEqual([zoe.id]);
    expect(await search('+46701234567')).toEqual([zoe.id]);
    expect(await search('0046 70 123 45 67')).toEqual([zoe.id]);
    expect(await search('lindq')).toEqual([zoe.id]);
    expect(await search('Zoë')).toEqual([zoe.id]);
    const tagged = await t.app.inject({ url: '/api/v1/customers?tag=vip&limit=200', headers: agent.headers });
    expect(tagged.json().items.length).toBeGreaterThan(0);
    expect(tagged.json().items.every((c: { tags: string[] }) => c.tags.includes('vip'))).toBe(true);
  });

  it('records consent changes and audits customer data changes', async () => {
    const customer = (await create(customerBody())).json();
    t.clock.advance({ hours: 3 });
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/customers/${customer.id}`,
      headers: agent.headers,
      payload: { marketingConsent: { granted: false, source: 'unsubscribe link' }, name: 'Ana García López' },
    });
    expect(res.json()).toMatchObject({
      marketingConsent: false,
      marketingConsentSource: 'unsubscribe link',
      marketingConsentAt: t.clock.now().toISOString(),
    });
    const owner = await signInAs(t.app, 'owner');
    const audit = await t.app.inject({
      url: `/api/v1/audit-log?subjectId=${customer.id}&action=customer.updated`,
      headers: owner.headers,
    });
    expect(audit.json().items[0]).toMatchObject({
      before: { name: 'Ana García', marketingConsent: true, marketingConsentSource: 'checkout' },
      after: {
        name: 'Ana García López',
        marketingConsent: false,
        marketingConsentSource: 'unsubscribe link',
      },
    });
  });

  it('keeps a timeline that notes and other modules write to', async () => {
    const customer = (await create(customerBody())).json();
    const note = await t.app.inject({
      method: 'POST',
      url: `/api/v1/customers/${customer.id}/notes`,
      headers: agent.headers,
      payload: { body: 'Prefers delivery after 6 pm.\nCall first.' },
    });
    expect(note.statusCode).toBe(201);
    t.clock.advance({ minutes: 1 });
    // What the orders module will do when an order is placed, twice for the same order.
    for (let i = 0; i < 2; i++) {
      await withTransaction(t.app.ordo.database, (trx) =>
        recordTimeline(trx, {
          customerId: customer.id,
          kind: 'order',
          summary: 'Order #1001 placed',
          refType: 'order',
          refId: 'ord_1',
          actorName: 'Web shop',
          at: t.clock.now(),
        }),
      );
    }
    const timeline = await t.app.inject({
      url: `/api/v1/customers/${customer.id}/timeline`,
      headers: agent.headers,
    });
    expect(timeline.json().items.map((e: { kind: string; summary: string }) => [e.kind, e.summary])).toEqual([
      ['order', 'Order #1001 placed'],
      ['note', 'Prefers delivery after 6 pm.'],
    ]);
  });

  it('adds and removes addresses, with the postcode checked for the country', async () => {
    const customer = (await create(customerBody())).json();
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/customers/${customer.id}/addresses`,
      headers: agent.headers,
      payload: { name: 'Ana', line1: '1 Main St', city: 'Boston', postalCode: 'ABCDE', country: 'US' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].pointer).toBe('/postalCode');
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/v1/customers/${customer.id}/addresses`,
      headers: agent.headers,
      payload: {
        name: 'Ana',
        line1: '1 Main St',
        city: 'Boston',
        region: 'MA',
        postalCode: '02108',
        country: 'US',
        isDefault: true,
        phone: '(617) 555-0100',
      },
    });
    expect(added.statusCode).toBe(201);
    const addresses = added.json().addresses;
    expect(addresses).toHaveLength(2);
    expect(addresses[0]).toMatchObject({ country: 'US', isDefault: true, phone: '+16175550100' });
    expect(addresses[1].isDefault).toBe(false);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/customers/${customer.id}/addresses/${addresses[0].id}`,
      headers: agent.headers,
    });
    expect(removed.json().addresses).toHaveLength(1);
    // Removing the default makes the remaining address the default.
    expect(removed.json().addresses[0]).toMatchObject({ country: 'ES', isDefault: true });
  });

  it('lets warehouse staff read customers but not change them', async () => {
    const warehouse = await signInAs(t.app, 'warehouse');
    expect((await t.app.inject({ url: '/api/v1/customers', headers: warehouse.headers })).statusCode).toBe(
      200,
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: warehouse.headers,
      payload: customerBody(),
    });
    expect(res.statusCode).toBe(403);
  });
});
