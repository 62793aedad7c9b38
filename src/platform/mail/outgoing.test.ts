import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.ts';
import { type Credentials, signInAs } from '../../../test/support/auth.ts';
import { databaseKinds } from '../../../test/support/database.ts';
import { orderConfirmation } from '../../../test/support/mail.ts';
import { withTransaction } from '../db/transaction.ts';
import { newId } from '../ids.ts';
import { type MailMessage, queueMail, queueMailOnce } from './outgoing.ts';

describe.each(databaseKinds)('outgoing mail without SMTP (%s)', (kind) => {
  const t = useTestApp(kind);
  let agent: Credentials;
  beforeAll(async () => {
    agent = await signInAs(t.app, 'agent');
  });

  const message = (overrides: Partial<MailMessage<'order-confirmation'>> = {}) => ({
    to: { address: 'ana.garcia@example.es', name: 'Ana García' },
    template: 'order-confirmation' as const,
    language: 'es',
    variables: orderConfirmation(),
    reference: { type: 'order', id: newId('ord') },
    ...overrides,
  });
  const queue = (overrides: Partial<MailMessage<'order-confirmation'>> = {}) =>
    withTransaction(t.app.ordo.database, (trx) => queueMail(trx, t.clock.now(), message(overrides)));
  const get = (id: string, headers = agent.headers) =>
    t.app.inject({ url: `/api/v1/outgoing-mail/${id}`, headers });
  const list = (query = '', headers = agent.headers) =>
    t.app.inject({ url: `/api/v1/outgoing-mail${query}`, headers });

  it('keeps a queued message for the back office, readable with its text and HTML', async () => {
    const queued = await queue();
    expect(queued.subject).toBe('Tu pedido #1001 en Ordo Demo Shop está confirmado');
    expect((await get(queued.id)).json()).toMatchObject({ status: 'queued', attempts: 0, fromAddress: null });

    expect(await t.app.ordo.worker.drain()).toBeGreaterThanOrEqual(1);
    const res = await get(queued.id);
    expect(res.statusCode).toBe(200);
    const mail = res.json();
    expect(mail).toMatchObject({
      id: queued.id,
      status: 'stored',
      attempts: 1,
      toAddress: 'ana.garcia@example.es',
      toName: 'Ana García',
      fromAddress: 'shop@demo.ordo.dev',
      fromName: 'Ordo Demo Shop',
      subject: queued.subject,
      language: 'es',
      template: 'order-confirmation',
      referenceType: 'order',
      lastError: null,
      providerMessageId: null,
      sentAt: null,
      createdAt: '2026-11-30T09:00:00.000Z',
    });
    expect(mail.text).toContain('Hola, Ana García:');
    expect(mail.html).toContain('<html lang="es">');

    // Running the job again keeps it as it is: stored once.
    await t.app.ordo.worker.drain();
    expect((await get(queued.id)).json()).toMatchObject({ status: 'stored', attempts: 1 });
  });

  it('sends nothing and keeps nothing when the change that asked for it rolls back', async () => {
    const reference = { type: 'order', id: newId('ord') };
    await expect(
      withTransaction(t.app.ordo.database, async (trx) => {
        await queueMail(trx, t.clock.now(), message({ reference }));
        throw new Error('the order could not be placed');
      }),
    ).rejects.toThrow('the order could not be placed');
    const jobs = await t.app.ordo.database.db
      .selectFrom('jobs')
      .select('id')
      .where('name', '=', 'mail.deliver')
      .where('state', '=', 'pending')
      .execute();
    expect(jobs).toEqual([]);
    expect((await list(`?referenceId=${reference.id}`)).json().items).toEqual([]);
  });

  it('queues a message once per key, however often the handler asking for it runs', async () => {
    const reference = { type: 'order', id: newId('ord') };
    const key = `test:${newId('evt')}`;
    const once = () =>
      withTransaction(t.app.ordo.database, (trx) =>
        queueMailOnce(trx, t.clock.now(), key, message({ reference })),
      );
    const first = await once();
    expect(first).toMatchObject({ language: 'es' });
    expect(await once()).toBeNull();
    const other = await withTransaction(t.app.ordo.database, (trx) =>
      queueMailOnce(trx, t.clock.now(), `${key}-other`, message({ reference })),
    );
    expect(other).not.toBeNull();
    const queued = (await list(`?referenceId=${reference.id}`)).json().items;
    expect(queued.map((m: { id: string }) => m.id).sort()).toEqual([first!.id, other!.id].sort());
    const delivering = await t.app.ordo.database.db
      .selectFrom('jobs')
      .select('id')
      .where('dedupeKey', '=', `mail:${first!.id}`)
      .execute();
    expect(delivering).toHaveLength(1);
  });

  it('refuses a recipient that is not an email address, so the change asking for it fails', async () => {
    await expect(queue({ to: { address: 'not an address' } })).rejects.toThrow(/not an email address/);
    await expect(queue({ to: { address: 'a@b.example>, c@d.example' } })).rejects.toThrow(
      /not an email address/,
    );
  });

  it('lists mail newest first, a page at a time, filtered by status, record and recipient', async () => {
    const reference = { type: 'order', id: newId('ord') };
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      t.clock.advance({ minutes: 1 });
      ids.push((await queue({ reference, to: { address: `Page.${i}@Example.com` } })).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?referenceId=${reference.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await list(query)).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.items[0]).not.toHaveProperty('html');
      expect(page.items[0]).not.toHaveProperty('text');
      seen.push(...page.items.map((m: { id: string }) => m.id));
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    const to = (await list('?to=page.3@example.com')).json().items;
    expect(to.map((m: { id: string }) => m.id)).toEqual([ids[3]]);
    const queued = (await list(`?referenceId=${reference.id}&status=queued`)).json().items;
    expect(queued).toHaveLength(5);
    await t.app.ordo.worker.drain();
    await t.app.ordo.worker.drain();
    expect((await list(`?referenceId=${reference.id}&status=queued`)).json().items).toEqual([]);
    expect((await list(`?referenceId=${reference.id}&status=stored`)).json().items).toHaveLength(5);
  });

  it('answers 404 for an unknown message and 422 naming a malformed id or filter', async () => {
    const missing = newId('mail');
    const res = await get(missing);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ type: 'https://ordo.dev/problems/not-found', id: missing });
    const malformed = await get('ord_123');
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().errors).toEqual([expect.objectContaining({ pointer: '/id', in: 'path' })]);
    const status = await list('?status=lost');
    expect(status.statusCode).toBe(422);
    expect(status.json().errors).toContainEqual({
      pointer: '/status',
      in: 'query',
      detail: 'must be "stored"',
    });
  });

  it('shows the mail to roles with support:read only', async () => {
    const { id } = await queue();
    expect((await list('', {})).statusCode).toBe(401);
    const warehouse = await signInAs(t.app, 'warehouse');
    for (const res of [await list('', warehouse.headers), await get(id, warehouse.headers)]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().permission).toBe('support:read');
      expect(res.body).not.toContain('Ana');
    }
    for (const role of ['owner', 'admin', 'manager', 'agent'] as const) {
      const { headers } = await signInAs(t.app, role);
      expect((await get(id, headers)).statusCode, role).toBe(200);
    }
  });

  it('describes the routes in OpenAPI under Outgoing mail', async () => {
    const spec = (await t.app.inject({ url: '/docs/json' })).json();
    expect(spec.paths['/api/v1/outgoing-mail'].get.tags).toEqual(['Outgoing mail']);
    expect(spec.paths['/api/v1/outgoing-mail/{id}'].get.tags).toEqual(['Outgoing mail']);
    expect(spec.tags.map((tag: { name: string }) => tag.name)).toContain('Outgoing mail');
  });
});
