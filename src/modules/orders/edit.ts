import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/outbox.ts';
import { NotFound, Problem, ValidationFailed } from '../../platform/http/problems.ts';
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
  authorizationRow,
  declined,
  newPaymentId,
  recordAuthorization,
  releaseAuthorization,
  requestAuthorization,
} from '../payments/index.ts';
import { planAllocation } from './allocation.ts';
import { backlogOf, withoutBacklog } from './backorders.ts';
import { assertEditable, lockOrder, shrinkLine, writeTotals } from './cancel.ts';
import type { OrderDeps } from './deps.ts';
import { type EditInput, propose } from './edit-proposal.ts';
import { addAllocations, repromise } from './holdings.ts';
import { outOfStock } from './place.ts';
import { getOrder, type OrderRow } from './queries.ts';
import type { OrderReply } from './schema.ts';
import { settleAfterChange, settlePaymentsJob, syncPaymentStatus } from './settlement.ts';
import { recordOrderEvents } from './timeline.ts';

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
    if (authorization.answer === null) {
      // An extra authorisation nobody can confirm is not built on: give back whatever it may hold.
      await releaseAuthorization(deps.providers, authorization, deps.log);
      throw new Problem(
        'payment-provider-unavailable',
        'The payment provider did not answer; the order was not changed. Try again.',
      );
    }
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
      await addAllocations(
        trx,
        orderId,
        plan.allocations.map((a) => ({
          lineId: growing[a.line]!.id,
          locationId: a.locationId,
          quantity: a.quantity,
        })),
      );
      const { promised, priority } = await repromise(trx, order, proposal.transitDays, sites, now);
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
        else {
          // The earlier money was already received: the difference is a new amount to collect.
          const id = newPaymentId();
          await trx
            .insertInto('payments')
            .values(
              authorizationRow(now, orderId, {
                paymentId: id,
                method: 'manual',
                provider: deps.providers.manual.name,
                amount: extra,
                currency: order.currency,
                answer: { outcome: 'pending', reference: `manual_${id}` },
              }),
            )
            .execute();
        }
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
      await releaseAuthorization(deps.providers, authorization, deps.log);
    }
    throw error;
  }
  if (proposal.total < coverage) await settleAfterChange(deps, actor, orderId);
  // A new authorisation or amount to collect moves the order's payment status too.
  else await syncPaymentStatus(deps, actor, orderId);
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
