import { addressErrors } from '../../platform/address.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/outbox.ts';
import { type FieldError, NotFound, Problem, ValidationFailed } from '../../platform/http/problems.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import { variantsForSale } from '../catalog/index.ts';
import {
  releaseStock,
  reserveStock,
  type StockChange,
  sellableSites,
  sellableStock,
} from '../inventory/index.ts';
import {
  type AuthorizationResult,
  declined,
  newPaymentId,
  recordAuthorization,
  releaseAuthorization,
  requestAuthorization,
} from '../payments/index.ts';
import { planAllocation } from './allocation.ts';
import { backlogOf, withoutBacklog } from './backorders.ts';
import { assertEditable, lockOrder, scaledDiscount, shrinkLine, writeTotals } from './cancel.ts';
import type { OrderDeps } from './deps.ts';
import { outOfStock } from './place.ts';
import { computeTotals, shippingAmount } from './pricing.ts';
import { promiseFor } from './promise.ts';
import { getOrder, type OrderLineRow, type OrderRow } from './queries.ts';
import { shippingRatesTo, taxRatesOf } from './rates.ts';
import type { OrderAddressInput, OrderReply } from './schema.ts';
import { settleAfterChange, settlePaymentsJob } from './settlement.ts';
import { recordOrderEvents } from './timeline.ts';
import { lineErrors, toOrderAddress } from './verify.ts';

export interface EditInput {
  /** The version the editor saw; a different current version is a 409 (someone changed it meanwhile). */
  version?: number | undefined;
  /** The complete new set of lines: SKUs left out are removed. */
  lines?: { sku: string; quantity: number; discount?: number | undefined }[] | undefined;
  shippingAddress?: OrderAddressInput | undefined;
  shippingMethod?: string | undefined;
  /** A card for the difference when the new total is more than is authorised. */
  payment?: { method: 'card'; token: string } | undefined;
  onShortage?: 'reject' | 'backorder' | undefined;
  reason?: string | undefined;
}

interface Proposal {
  lines: OrderLineRow[];
  /** Units to add per line id (new lines included), to allocate. */
  added: Map<string, number>;
  /** Units to take off per line id. */
  removed: Map<string, number>;
  changes: string[];
  address: OrderRow['shippingAddress'];
  method: string;
  shipping: number;
  shippingTaxRate: number;
  transitDays: number;
  total: number;
}

/** Works out the edited order from the current one, checking everything a reply must name. */
async function propose(
  deps: OrderDeps,
  order: OrderRow,
  lines: OrderLineRow[],
  input: EditInput,
): Promise<Proposal> {
  const db = deps.database.db;
  const errors: FieldError[] = [];
  const address = input.shippingAddress ? toOrderAddress(input.shippingAddress) : order.shippingAddress;
  if (input.shippingAddress) errors.push(...addressErrors(input.shippingAddress, '/shippingAddress'));
  const method = input.shippingMethod ?? order.shippingMethod;
  const destinationChanged =
    address.country !== order.shippingAddress.country || method !== order.shippingMethod;
  const [rates, taxes] = errors.length
    ? [[], new Map()]
    : await Promise.all([
        shippingRatesTo(db, address.country, order.currency),
        taxRatesOf(db, address.country),
      ]);
  const rate = rates.find((r) => r.method === method);
  if (errors.length === 0 && !rate)
    errors.push({
      pointer: '/shippingMethod',
      detail: `${method} is not available to ${address.country} in ${order.currency}`,
    });

  const wanted: { sku: string; quantity: number; discount?: number | undefined }[] =
    input.lines ?? lines.filter((l) => l.quantity > 0).map((l) => ({ sku: l.sku, quantity: l.quantity }));
  const newSkus = wanted.filter((w) => !lines.some((l) => l.sku === w.sku)).map((w) => w.sku);
  const variants = await variantsForSale(db, newSkus, order.currency);
  const known = new Map(
    lines.map((l) => [
      l.sku,
      {
        variantId: l.variantId,
        sku: l.sku,
        title: l.title,
        active: true,
        backorderable: false,
        taxClass: l.taxClass,
        price: l.unitPrice,
      },
    ]),
  );
  errors.push(...lineErrors(wanted, new Map([...variants, ...known]), order.currency));
  if (errors.length === 0) {
    for (const taxClass of new Set(
      [...variants.values()]
        .map((v) => v.taxClass)
        .concat(
          lines.map((l) => l.taxClass),
          'standard',
        ),
    ))
      if (!taxes.has(taxClass))
        errors.push({
          pointer: '/shippingAddress/country',
          detail: `the shop has no ${taxClass} tax rate for ${address.country}`,
        });
  }
  if (errors.length > 0) throw new ValidationFailed(errors);

  const changes: string[] = [];
  const added = new Map<string, number>();
  const removed = new Map<string, number>();
  const next: OrderLineRow[] = lines.map((line) => {
    const want = wanted.find((w) => w.sku === line.sku);
    const quantity = want?.quantity ?? 0;
    const taxRate = destinationChanged ? taxes.get(line.taxClass)!.rate : line.taxRate;
    if (quantity === line.quantity && want?.discount === undefined && taxRate === line.taxRate) return line;
    if (quantity > line.quantity) added.set(line.id, quantity - line.quantity);
    if (quantity < line.quantity) removed.set(line.id, line.quantity - quantity);
    if (quantity !== line.quantity) changes.push(`${line.sku}: ${line.quantity} → ${quantity}`);
    const discount =
      want?.discount ?? (quantity < line.quantity ? scaledDiscount(line, quantity) : line.discount);
    return {
      ...line,
      quantity,
      taxRate,
      discount,
      cancelledQuantity: line.cancelledQuantity + Math.max(0, line.quantity - quantity),
    };
  });
  let position = Math.max(...lines.map((l) => l.position)) + 1;
  for (const want of wanted.filter((w) => newSkus.includes(w.sku))) {
    const variant = variants.get(want.sku)!;
    const id = newId('oln');
    added.set(id, want.quantity);
    changes.push(`${want.sku}: added ${want.quantity}`);
    next.push({
      id,
      orderId: order.id,
      position: position++,
      variantId: variant.variantId,
      sku: variant.sku,
      title: variant.title,
      taxClass: variant.taxClass,
      quantity: want.quantity,
      cancelledQuantity: 0,
      backordered: 0,
      unitPrice: variant.price!,
      discount: want.discount ?? 0,
      taxRate: taxes.get(variant.taxClass)!.rate,
      tax: 0,
      total: 0,
    });
  }
  if (input.shippingAddress)
    changes.push(`shipping address → ${address.line1}, ${address.city}, ${address.country}`);
  if (method !== order.shippingMethod) changes.push(`shipping method ${order.shippingMethod} → ${method}`);
  const shippingTaxRate = taxes.get('standard')!.rate;
  const goods = next.reduce((s, l) => s + l.unitPrice * l.quantity - l.discount, 0);
  const shipping = destinationChanged ? shippingAmount(rate!, goods) : order.shipping;
  const total = computeTotals(
    next.map((l) => ({ ...l })),
    { amount: next.every((l) => l.quantity === 0) ? 0 : shipping, taxRate: shippingTaxRate },
    order.pricesIncludeTax,
    order.currency,
  ).total;
  return {
    lines: next,
    added,
    removed,
    changes,
    address,
    method,
    shipping,
    shippingTaxRate,
    transitDays: rate!.transitDays,
    total,
  };
}

/**
 * Edits an order before picking starts: quantities, lines, address, shipping method. Repriced,
 * re-reserved (fewer units go back to sale, more are allocated like a new order), and the payment
 * follows: a card authorises the difference when the total rises; a lower total releases or
 * refunds the rest right after the change.
 */
export async function editOrder(
  deps: OrderDeps,
  actor: Actor,
  orderId: string,
  input: EditInput,
): Promise<OrderReply> {
  const db = deps.database.db;
  const order = await db.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
  if (!order) throw new NotFound('Order', orderId);
  assertEditable(order, 'edited');
  if (input.version !== undefined && input.version !== order.version) throw changedMeanwhile(order);
  const lines = await db
    .selectFrom('orderLines')
    .selectAll()
    .where('orderId', '=', orderId)
    .orderBy('position')
    .execute();
  const proposal = await propose(deps, order, lines, input);
  if (proposal.lines.every((l) => l.quantity === 0))
    throw new ValidationFailed([
      { pointer: '/lines', detail: 'an order needs at least one line; cancel it instead' },
    ]);
  if (proposal.changes.length === 0) return getOrder(db, orderId);

  const payments = await db.selectFrom('payments').selectAll().where('orderId', '=', orderId).execute();
  const coverage = payments
    .filter((p) => !['voided', 'failed', 'refunded'].includes(p.status))
    .reduce((s, p) => s + p.amount - p.refunded, 0);
  const extra = proposal.total - coverage;
  const manual = payments.length > 0 && payments.every((p) => p.method === 'manual');
  let authorization: AuthorizationResult | undefined;
  if (extra > 0 && !manual) {
    if (!input.payment)
      throw new ValidationFailed([
        {
          pointer: '/payment',
          detail: `the new total ${proposal.total} is ${extra} more than is authorised; give a card token for the difference`,
        },
      ]);
    authorization = await requestAuthorization(deps.providers, {
      paymentId: newPaymentId(),
      method: 'card',
      token: input.payment.token,
      amount: extra,
      currency: order.currency,
    });
    if (authorization.answer?.outcome === 'declined')
      throw declined({ declineReason: authorization.answer.reason });
  }
  try {
    await withTransaction(deps.database, async (trx) => {
      const locked = await lockOrder(trx, orderId);
      if (locked.version !== order.version) throw changedMeanwhile(locked);
      assertEditable(locked, 'edited');
      const now = deps.clock.now();
      const released: StockChange[] = [];
      const after = [...proposal.lines];
      for (const [lineId, quantity] of proposal.removed) {
        const line = lines.find((l) => l.id === lineId)!;
        const shrunk = await shrinkLine(trx, line, quantity);
        released.push(...shrunk.released);
        const i = after.findIndex((l) => l.id === lineId);
        after[i] = { ...after[i]!, backordered: shrunk.backordered };
      }
      await releaseStock(trx, actor, now, released, { type: 'order', id: orderId, reason: 'order edited' });

      const sites = await sellableSites(trx);
      const growing = after.filter((l) => proposal.added.has(l.id));
      const growingIds = growing.map((l) => l.variantId);
      const levels = await sellableStock(trx, growingIds, true);
      const stock = withoutBacklog(levels.stock, await backlogOf(trx, growingIds));
      const backorderable = new Map(
        (
          await variantsForSale(
            trx,
            growing.map((l) => l.sku),
            order.currency,
          )
        ).entries(),
      );
      const plan = planAllocation(
        growing.map((l, i) => ({
          line: i,
          variantId: l.variantId,
          quantity: proposal.added.get(l.id)!,
          mayBackorder: input.onShortage === 'backorder' && !!backorderable.get(l.sku)?.backorderable,
        })),
        sites,
        (v, loc) => stock.get(v)?.get(loc) ?? 0,
        proposal.address,
      );
      if (plan.shortages.length > 0)
        throw outOfStock(
          plan.shortages.map((s) => ({
            sku: growing[s.line]!.sku,
            requested: s.requested,
            available: s.available,
          })),
        );
      const reserve = plan.allocations.map((a) => ({
        variantId: growing[a.line]!.variantId,
        locationId: a.locationId,
        quantity: a.quantity,
      }));
      if (
        !(await reserveStock(trx, actor, now, reserve, {
          type: 'order',
          id: orderId,
          reason: 'order edited',
        }))
      )
        throw outOfStock([]);
      const fresh = after.filter((l) => !lines.some((x) => x.id === l.id));
      if (fresh.length > 0) await trx.insertInto('orderLines').values(fresh).execute();
      for (const [i, line] of growing.entries()) {
        const j = after.findIndex((l) => l.id === line.id);
        after[j] = { ...after[j]!, backordered: after[j]!.backordered + (plan.backordered.get(i) ?? 0) };
      }
      for (const a of plan.allocations) {
        await trx
          .insertInto('orderAllocations')
          .values({ orderId, lineId: growing[a.line]!.id, locationId: a.locationId, quantity: a.quantity })
          .onConflict((oc) =>
            oc
              .columns(['lineId', 'locationId'])
              .doUpdateSet((eb) => ({ quantity: eb('orderAllocations.quantity', '+', a.quantity) })),
          )
          .execute();
      }
      const used = await trx
        .selectFrom('orderAllocations')
        .select('locationId')
        .where('orderId', '=', orderId)
        .where('quantity', '>', 0)
        .execute();
      const customer = await trx
        .selectFrom('customers')
        .select('tags')
        .where('id', '=', order.customerId)
        .executeTakeFirstOrThrow();
      const { promised, priority } = promiseFor(
        { transitDays: proposal.transitDays, requestedDeliveryDate: order.requestedDeliveryDate },
        used.map((u) => u.locationId),
        sites,
        now,
        customer.tags,
      );
      await trx
        .updateTable('orders')
        .set({
          shippingAddress: JSON.stringify(proposal.address),
          shippingMethod: proposal.method,
          shipping: proposal.shipping,
          shippingTaxRate: proposal.shippingTaxRate,
          promisedDeliveryDate: promised ?? order.promisedDeliveryDate,
          priority,
        })
        .where('id', '=', orderId)
        .execute();
      const row = await writeTotals(
        trx,
        { ...locked, shipping: proposal.shipping, shippingTaxRate: proposal.shippingTaxRate },
        after,
        {},
        now,
      );
      if (authorization) await recordAuthorization(trx, now, orderId, authorization);
      if (extra > 0 && manual) {
        const open = payments.find((p) => p.status === 'pending');
        if (open)
          await trx
            .updateTable('payments')
            .set((eb) => ({ amount: eb('amount', '+', extra), updatedAt: now }))
            .where('id', '=', open.id)
            .execute();
      }
      await recordOrderEvents(trx, orderId, actor, now, [
        {
          kind: 'edited',
          summary: `Edited: ${proposal.changes.join('; ')}`,
          reason: input.reason?.trim() || null,
          data: { total: row.total, before: order.total },
        },
      ]);
      await recordAudit(trx, actor, now, {
        action: 'order.edited',
        subjectType: 'order',
        subjectId: orderId,
        before: { total: order.total, currency: order.currency, version: order.version },
        after: { total: row.total, changes: proposal.changes, reason: input.reason?.trim() || null },
      });
      await appendEvent(trx, now, {
        type: 'order.updated',
        aggregateId: orderId,
        payload: {
          orderId,
          number: order.number,
          changes: proposal.changes,
          total: row.total,
          currency: row.currency,
        },
      });
      if (row.total < coverage)
        await enqueueJob(trx, now, {
          name: settlePaymentsJob,
          payload: { orderId },
          dedupeKey: `${settlePaymentsJob}:${orderId}`,
          runAt: new Date(now.getTime() + 60_000),
        });
    });
  } catch (error) {
    if (authorization) {
      await releaseAuthorization(deps.providers, authorization).catch((releaseError: unknown) =>
        deps.log?.error(
          { err: releaseError, paymentId: authorization.paymentId },
          'an authorisation for an edit that did not happen could not be voided; it will lapse at the provider',
        ),
      );
    }
    throw error;
  }
  if (proposal.total < coverage) await settleAfterChange(deps, actor, orderId);
  return getOrder(db, orderId);
}

function changedMeanwhile(order: OrderRow): Problem {
  return new Problem(
    'conflict',
    `Order ${order.number} was changed by someone else meanwhile; reload it and edit again.`,
    {
      extensions: { version: order.version },
    },
  );
}
