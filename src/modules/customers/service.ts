import type { Kysely } from 'kysely';
import { type Address, addressErrors, normalizeAddress, toE164 } from '../../platform/address.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/outbox.ts';
import { type FieldError, NotFound, Problem, ValidationFailed } from '../../platform/http/problems.ts';
import { newId } from '../../platform/ids.ts';
import {
  addressColumns,
  type Customer,
  type CustomerDatabase,
  getCustomer,
  loadCustomers,
} from './queries.ts';
import type { AddressInput, CreateCustomerBody, UpdateCustomerBody } from './schema.ts';

function normalizePhone(
  phone: string | null | undefined,
  addresses: Address[] | undefined,
  pointer: string,
  errors: FieldError[],
) {
  if (!phone) return null;
  const e164 = toE164(phone, addresses?.[0]?.country);
  if (!e164)
    errors.push({
      pointer,
      detail: `${phone} is not a valid phone number (use the international form, e.g. +34 612 345 678)`,
    });
  return e164;
}

/** Another customer with this email (any case) or phone: a 409 pointing at them. */
async function assertNoDuplicate(
  trx: Kysely<Tables>,
  email: string | null,
  phone: string | null,
  exceptId?: string,
) {
  if (!email && !phone) return;
  let query = trx
    .selectFrom('customers')
    .select(['id', 'email', 'phone'])
    .where((eb) =>
      eb.or([
        ...(email ? [eb(eb.fn('lower', ['email']), '=', email.toLowerCase())] : []),
        ...(phone ? [eb('phone', '=', phone)] : []),
      ]),
    );
  if (exceptId) query = query.where('id', '!=', exceptId);
  const existing = await query.executeTakeFirst();
  if (!existing) return;
  const sameEmail = email !== null && existing.email?.toLowerCase() === email.toLowerCase();
  throw new Problem(
    'conflict',
    sameEmail
      ? `Customer ${existing.id} already has the email ${existing.email}.`
      : `Customer ${existing.id} already has the phone number ${existing.phone}.`,
    {
      errors: [
        { pointer: sameEmail ? '/email' : '/phone', detail: `is already used by customer ${existing.id}` },
      ],
      extensions: { existingId: existing.id },
    },
  );
}

async function insertAddress(
  trx: Kysely<Tables>,
  customerId: string,
  input: AddressInput,
  isDefault: boolean,
  now: Date,
) {
  const address = normalizeAddress(input);
  const id = newId('adr');
  if (isDefault)
    await trx
      .updateTable('customerAddresses')
      .set({ isDefault: false })
      .where('customerId', '=', customerId)
      .execute();
  await trx
    .insertInto('customerAddresses')
    .values({
      id,
      customerId,
      name: address.name,
      line1: address.line1,
      line2: address.line2 ?? null,
      city: address.city,
      region: address.region ?? null,
      postalCode: address.postalCode ?? null,
      country: address.country,
      phone: address.phone ?? null,
      isDefault,
      createdAt: now,
    })
    .execute();
  return id;
}

export async function createCustomer(
  database: CustomerDatabase,
  clock: Clock,
  actor: Actor,
  input: CreateCustomerBody,
): Promise<Customer> {
  const errors: FieldError[] = [];
  const phone = normalizePhone(input.phone, input.addresses, '/phone', errors);
  for (const [i, address] of (input.addresses ?? []).entries())
    errors.push(...addressErrors(address, `/addresses/${i}`));
  if (errors.length > 0) throw new ValidationFailed(errors);
  const email = input.email?.trim() || null;
  return withTransaction(database, async (trx) => {
    await assertNoDuplicate(trx, email, phone);
    const now = clock.now();
    const id = newId('cus');
    const consent = input.marketingConsent;
    try {
      await trx
        .insertInto('customers')
        .values({
          id,
          email,
          name: input.name.trim(),
          phone,
          language: input.language ?? 'en',
          marketingConsent: consent?.granted ?? false,
          marketingConsentAt: consent ? now : null,
          marketingConsentSource: consent?.source ?? null,
          tags: JSON.stringify([...new Set(input.tags ?? [])]),
          notes: input.notes ?? '',
          createdAt: now,
          updatedAt: now,
        })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error, 'customers_phone')) {
        throw new Problem('conflict', `A customer with the phone number ${phone} already exists.`, {
          errors: [{ pointer: '/phone', detail: 'is already used by another customer' }],
        });
      }
      if (isUniqueViolation(error, 'customers_email')) {
        throw new Problem('conflict', `A customer with the email ${email} already exists.`, {
          errors: [{ pointer: '/email', detail: 'is already used by another customer' }],
        });
      }
      throw error;
    }
    for (const [i, address] of (input.addresses ?? []).entries()) {
      await insertAddress(trx, id, address, address.isDefault ?? i === 0, now);
    }
    await recordAudit(trx, actor, now, {
      action: 'customer.created',
      subjectType: 'customer',
      subjectId: id,
      after: { email, name: input.name, phone, marketingConsent: consent?.granted ?? false },
    });
    await appendEvent(trx, now, { type: 'customer.created', aggregateId: id, payload: { customerId: id } });
    return (await loadCustomers(trx, [id]))[0]!;
  });
}

const auditedFields = [
  'email',
  'name',
  'phone',
  'language',
  'marketingConsent',
  'marketingConsentSource',
  'tags',
  'notes',
] as const;

export async function updateCustomer(
  database: CustomerDatabase,
  clock: Clock,
  actor: Actor,
  id: string,
  changes: UpdateCustomerBody,
): Promise<Customer> {
  return withTransaction(database, async (trx) => {
    const before = (await loadCustomers(trx, [id]))[0];
    if (!before) throw new NotFound('Customer', id);
    const errors: FieldError[] = [];
    const phone =
      changes.phone === undefined
        ? before.phone
        : normalizePhone(changes.phone, before.addresses, '/phone', errors);
    if (errors.length > 0) throw new ValidationFailed(errors);
    const email = changes.email === undefined ? before.email : changes.email?.trim() || null;
    await assertNoDuplicate(
      trx,
      changes.email !== undefined ? email : null,
      changes.phone !== undefined ? phone : null,
      id,
    );
    const now = clock.now();
    const consent = changes.marketingConsent;
    await trx
      .updateTable('customers')
      .set({
        email,
        phone,
        ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
        ...(changes.language !== undefined ? { language: changes.language } : {}),
        ...(changes.notes !== undefined ? { notes: changes.notes } : {}),
        ...(changes.tags !== undefined ? { tags: JSON.stringify([...new Set(changes.tags)]) } : {}),
        ...(consent && consent.granted !== before.marketingConsent
          ? {
              marketingConsent: consent.granted,
              marketingConsentAt: now,
              marketingConsentSource: consent.source,
            }
          : {}),
        updatedAt: now,
      })
      .where('id', '=', id)
      .execute();
    const after = (await loadCustomers(trx, [id]))[0]!;
    const changed = auditedFields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
    if (changed.length > 0) {
      await recordAudit(trx, actor, now, {
        action: 'customer.updated',
        subjectType: 'customer',
        subjectId: id,
        before: Object.fromEntries(changed.map((f) => [f, before[f]])),
        after: Object.fromEntries(changed.map((f) => [f, after[f]])),
      });
      await appendEvent(trx, now, {
        type: 'customer.updated',
        aggregateId: id,
        payload: { customerId: id, changed },
      });
    }
    return after;
  });
}

export async function addAddress(
  database: CustomerDatabase,
  clock: Clock,
  actor: Actor,
  customerId: string,
  input: AddressInput,
): Promise<Customer> {
  const errors = addressErrors(input, '');
  if (errors.length > 0) throw new ValidationFailed(errors);
  return withTransaction(database, async (trx) => {
    const customer = (await loadCustomers(trx, [customerId]))[0];
    if (!customer) throw new NotFound('Customer', customerId);
    const now = clock.now();
    const id = await insertAddress(
      trx,
      customerId,
      input,
      input.isDefault ?? customer.addresses.length === 0,
      now,
    );
    await recordAudit(trx, actor, now, {
      action: 'customer.address_added',
      subjectType: 'customer',
      subjectId: customerId,
      after: { addressId: id, ...normalizeAddress(input) },
    });
    return (await loadCustomers(trx, [customerId]))[0]!;
  });
}

export async function removeAddress(
  database: CustomerDatabase,
  clock: Clock,
  actor: Actor,
  customerId: string,
  addressId: string,
): Promise<Customer> {
  return withTransaction(database, async (trx) => {
    const removed = await trx
      .deleteFrom('customerAddresses')
      .where('id', '=', addressId)
      .where('customerId', '=', customerId)
      .returning(addressColumns)
      .executeTakeFirst();
    if (!removed) throw new NotFound('Address', addressId);
    if (removed.isDefault) {
      // The customer keeps a default address while they have any: the oldest remaining one.
      const next = await trx
        .selectFrom('customerAddresses')
        .select('id')
        .where('customerId', '=', customerId)
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      if (next)
        await trx
          .updateTable('customerAddresses')
          .set({ isDefault: true })
          .where('id', '=', next.id)
          .execute();
    }
    await recordAudit(trx, actor, clock.now(), {
      action: 'customer.address_removed',
      subjectType: 'customer',
      subjectId: customerId,
      before: removed,
    });
    return getCustomer(trx, customerId);
  });
}
