import { type Kysely, type Selectable, sql } from 'kysely';
import type { Tables } from '../../platform/db/tables.ts';
import { type Page, type PageQuery, paginate } from '../../platform/http/pagination.ts';
import { NotFound } from '../../platform/http/problems.ts';
import type { Payment } from '../payments/index.ts';
import type { OrderEventReply, OrderReply } from './schema.ts';
import type { OrderLinesTable, OrdersTable } from './tables.ts';

export type OrderRow = Selectable<OrdersTable>;
export type OrderLineRow = Selectable<OrderLinesTable>;
export interface AllocationRow {
  lineId: string;
  locationId: string;
  locationCode: string;
  quantity: number;
}

/** The order as the API shows it, from its rows. */
export function toReply(
  order: OrderRow,
  lines: OrderLineRow[],
  allocations: AllocationRow[],
  payments: Payment[],
): OrderReply {
  return {
    id: order.id,
    number: order.number,
    channel: order.channel,
    status: order.status,
    paymentStatus: order.paymentStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    customerId: order.customerId,
    email: order.email,
    customerName: order.customerName,
    phone: order.phone,
    language: order.language,
    currency: order.currency,
    shippingAddress: order.shippingAddress,
    billingAddress: order.billingAddress,
    shippingMethod: order.shippingMethod,
    lines: [...lines]
      .sort((a, b) => a.position - b.position)
      .map((l) => ({
        id: l.id,
        sku: l.sku,
        title: l.title,
        quantity: l.quantity,
        cancelledQuantity: l.cancelledQuantity,
        backordered: l.backordered,
        unitPrice: l.unitPrice,
        discount: l.discount,
        taxRate: l.taxRate,
        tax: l.tax,
        total: l.total,
        allocations: allocations
          .filter((a) => a.lineId === l.id && a.quantity > 0)
          .map((a) => ({ locationId: a.locationId, locationCode: a.locationCode, quantity: a.quantity })),
      })),
    totals: {
      subtotal: order.subtotal,
      discount: order.discount,
      shipping: order.shipping,
      tax: order.tax,
      total: order.total,
      currency: order.currency,
      pricesIncludeTax: order.pricesIncludeTax,
    },
    payments: payments.map((p) => ({
      id: p.id,
      method: p.method,
      provider: p.provider,
      status: p.status,
      amount: p.amount,
      captured: p.captured,
      refunded: p.refunded,
      declineReason: p.declineReason,
    })),
    notes: order.notes,
    requestedDeliveryDate: order.requestedDeliveryDate,
    promisedDeliveryDate: order.promisedDeliveryDate,
    priority: order.priority,
    holdReason: order.holdReason,
    cancelReason: order.cancelReason,
    placedBy: { kind: order.placedByKind, name: order.placedByName },
    version: order.version,
    placedAt: order.placedAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}

export async function loadOrders(db: Kysely<Tables>, ids: string[]): Promise<OrderReply[]> {
  if (ids.length === 0) return [];
  const [orders, lines, allocations, payments] = await Promise.all([
    db.selectFrom('orders').selectAll().where('id', 'in', ids).execute(),
    db.selectFrom('orderLines').selectAll().where('orderId', 'in', ids).execute(),
    db
      .selectFrom('orderAllocations')
      .innerJoin('locations', 'locations.id', 'orderAllocations.locationId')
      .select([
        'orderAllocations.orderId',
        'orderAllocations.lineId',
        'orderAllocations.locationId',
        'locations.code as locationCode',
        'orderAllocations.quantity',
      ])
      .where('orderAllocations.orderId', 'in', ids)
      .execute(),
    db.selectFrom('payments').selectAll().where('orderId', 'in', ids).orderBy('createdAt').execute(),
  ]);
  const byId = new Map(orders.map((o) => [o.id, o]));
  return ids.flatMap((id) => {
    const order = byId.get(id);
    if (!order) return [];
    return [
      toReply(
        order,
        lines.filter((l) => l.orderId === id),
        allocations.filter((a) => a.orderId === id),
        payments.filter((p) => p.orderId === id),
      ),
    ];
  });
}

export async function getOrder(db: Kysely<Tables>, id: string): Promise<OrderReply> {
  const [order] = await loadOrders(db, [id]);
  if (!order) throw new NotFound('Order', id);
  return order;
}

export interface OrderFilter extends PageQuery {
  status?: string | undefined;
  paymentStatus?: string | undefined;
  fulfillmentStatus?: string | undefined;
  channel?: string | undefined;
  customerId?: string | undefined;
  sku?: string | undefined;
  /** Placed on or after (inclusive) / before (exclusive), ISO dates or times. */
  placedFrom?: string | undefined;
  placedTo?: string | undefined;
  /** An order number, an email (prefix) or words of the customer's name. */
  q?: string | undefined;
}

export async function searchOrders(db: Kysely<Tables>, filter: OrderFilter): Promise<Page<OrderReply>> {
  let query = db.selectFrom('orders').select('id');
  if (filter.status) query = query.where('status', '=', filter.status as OrderRow['status']);
  if (filter.paymentStatus)
    query = query.where('paymentStatus', '=', filter.paymentStatus as OrderRow['paymentStatus']);
  if (filter.fulfillmentStatus)
    query = query.where('fulfillmentStatus', '=', filter.fulfillmentStatus as OrderRow['fulfillmentStatus']);
  if (filter.channel) query = query.where('channel', '=', filter.channel as OrderRow['channel']);
  if (filter.customerId) query = query.where('customerId', '=', filter.customerId);
  if (filter.placedFrom) query = query.where('placedAt', '>=', new Date(filter.placedFrom));
  if (filter.placedTo) query = query.where('placedAt', '<', new Date(filter.placedTo));
  if (filter.sku) {
    const sku = filter.sku;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('orderLines')
          .select('orderLines.id')
          .whereRef('orderLines.orderId', '=', 'orders.id')
          .where('orderLines.sku', '=', sku),
      ),
    );
  }
  const q = filter.q?.trim();
  if (q) {
    const number = /^#?(\d{1,15})$/.exec(q);
    if (number) query = query.where('number', '=', Number(number[1]));
    else if (q.includes('@'))
      query = query.where(
        sql<boolean>`lower(email) like ${`${q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`}`,
      );
    else
      query = query.where(
        sql<boolean>`to_tsvector('simple', customer_name) @@ plainto_tsquery('simple', ${q})`,
      );
  }
  const page = await paginate(query, {
    limit: filter.limit,
    cursor: filter.cursor,
    keys: ['id'],
    direction: 'desc',
    cursorOf: (r) => [r.id],
  });
  return {
    items: await loadOrders(
      db,
      page.items.map((o) => o.id),
    ),
    next: page.next,
  };
}

export async function orderTimeline(db: Kysely<Tables>, orderId: string): Promise<OrderEventReply[]> {
  const rows = await db
    .selectFrom('orderEvents')
    .select(['id', 'kind', 'summary', 'fromState', 'toState', 'reason', 'actorName', 'at'])
    .where('orderId', '=', orderId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
