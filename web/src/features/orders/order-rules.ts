import type { Order } from './order-hooks';

/**
 * Whether staff may still cancel or edit the order, as the server's `assertEditable` decides
 * (orders/cancel.ts): not once it is cancelled or completed, and not once picking has started.
 * The server checks again on every change; this only keeps buttons that would be refused off the page.
 * Replace it with the reply's own list of allowed actions once the order API sends one.
 */
export type Changeability = 'open' | 'closed' | 'picking';

export function changeability(order: Pick<Order, 'status' | 'fulfillmentStatus'>): Changeability {
  if (order.status === 'cancelled' || order.status === 'completed') return 'closed';
  if (order.status === 'processing') return 'picking';
  if (order.fulfillmentStatus !== 'unfulfilled' && order.fulfillmentStatus !== 'backordered')
    return 'picking';
  return 'open';
}
