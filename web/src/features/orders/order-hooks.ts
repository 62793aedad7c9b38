import type { Static } from '@sinclair/typebox';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  OrderAddressInput,
  OrderEventReply,
  OrderLineSchema,
  OrderPaymentSchema,
  OrderReply,
  PlaceOrderBody,
} from '../../../../src/modules/orders/schema.ts';
import { apiFetch } from '../../api/client';
import { useCursorPages } from '../../api/use-cursor-pages';
import { auditKeys } from '../audit/audit-hooks';
import { customerKeys } from '../customers/customer-hooks';
import { inventoryKeys } from '../inventory/inventory-hooks';

export type Order = OrderReply;
export type OrderLine = Static<typeof OrderLineSchema>;
export type OrderPayment = Static<typeof OrderPaymentSchema>;
export type OrderEvent = OrderEventReply;
export type OrderAddress = Order['shippingAddress'];
export type PlaceOrderInput = PlaceOrderBody;
export type NewOrderAddress = OrderAddressInput;

// orders/routes.ts keeps OrderListQuery beside the route; derive this from it once schema.ts has it.
/** The list's filters. `placedFrom` is inclusive and `placedTo` exclusive, both UTC days. */
export interface OrderFilter {
  status?: string;
  paymentStatus?: string;
  fulfillmentStatus?: string;
  channel?: string;
  customerId?: string;
  sku?: string;
  placedFrom?: string;
  placedTo?: string;
  /** An order number, an email (prefix) or words of the customer's name. */
  q?: string;
}

/** POST /api/v1/orders/:id/cancel: the whole order, or these units of these lines. */
export interface CancelOrderInput {
  reason: string;
  lines?: { lineId: string; quantity: number }[];
}

/** PATCH /api/v1/orders/:id: what changes, at the version the editor saw. */
export interface EditOrderInput {
  version: number;
  lines?: { sku: string; quantity: number }[];
  shippingAddress?: NewOrderAddress;
  shippingMethod?: string;
  /** A card for the difference when the new total is more than is authorised. */
  payment?: { method: 'card'; token: string };
  reason?: string;
}

// orders/rate-routes.ts keeps ShippingRateSchema private; derive this from it once it is exported.
/** One way to ship to a country in a currency, and what it costs. */
export interface ShippingRate {
  method: string;
  country: string;
  currency: string;
  name: string;
  amount: number;
  /** Goods amount from which this method is free; null for never. */
  freeFrom: number | null;
  transitDays: number;
}

const pageSize = 25;

/** Query keys for orders: every order mutation invalidates what it changed under `all`. */
export const orderKeys = {
  all: ['orders'] as const,
  lists: () => [...orderKeys.all, 'list'] as const,
  list: (filter: OrderFilter, size: number) => [...orderKeys.lists(), filter, size] as const,
  details: () => [...orderKeys.all, 'detail'] as const,
  detail: (id: string) => [...orderKeys.details(), id] as const,
  timelines: () => [...orderKeys.all, 'timeline'] as const,
  timeline: (id: string) => [...orderKeys.timelines(), id] as const,
  shippingRates: (country: string, currency: string) =>
    [...orderKeys.all, 'shipping-rates', country, currency] as const,
};

const orderPath = (id: string) => `/api/v1/orders/${encodeURIComponent(id)}`;

/** GET /api/v1/orders, newest first, a page at a time. */
export function useOrders(filter: OrderFilter, size = pageSize) {
  return useCursorPages<Order>({
    queryKey: orderKeys.list(filter, size),
    path: '/api/v1/orders',
    params: { ...filter },
    pageSize: size,
    keepPrevious: true,
  });
}

/** GET /api/v1/orders/:id with lines, allocations, payments and the totals the server computed. */
export function useOrder(id: string) {
  return useQuery({
    queryKey: orderKeys.detail(id),
    queryFn: () => apiFetch<Order>(orderPath(id)),
  });
}

/** GET /api/v1/orders/:id/timeline, oldest first. */
export function useOrderTimeline(id: string) {
  return useQuery({
    queryKey: orderKeys.timeline(id),
    queryFn: async () => (await apiFetch<{ items: OrderEvent[] }>(`${orderPath(id)}/timeline`)).items,
  });
}

/** GET /api/v1/shipping-rates for one destination and currency; nothing is asked until both are known. */
export function useShippingRates(country: string | null, currency: string) {
  return useQuery({
    queryKey: orderKeys.shippingRates(country ?? '', currency),
    queryFn: async () => {
      const query = new URLSearchParams({ country: country ?? '', currency });
      return (await apiFetch<{ rates: ShippingRate[] }>(`/api/v1/shipping-rates?${query}`)).rates;
    },
    enabled: Boolean(country),
    staleTime: 5 * 60_000,
  });
}

/** An order changed: show the reply at once, refetch the lists, its timeline, stock and the audit log. */
function useOrderChanged() {
  const queryClient = useQueryClient();
  return (order: Order) => {
    queryClient.setQueryData(orderKeys.detail(order.id), order);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: orderKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: orderKeys.timeline(order.id) }),
      queryClient.invalidateQueries({ queryKey: inventoryKeys.all }),
      queryClient.invalidateQueries({ queryKey: customerKeys.timeline(order.customerId) }),
      queryClient.invalidateQueries({ queryKey: auditKeys.all }),
    ]);
  };
}

/**
 * POST /api/v1/orders with an Idempotency-Key: a retry with the same key and body gets the first
 * reply, never a second order. 422 names fields such as `/lines/0/quantity`; 409 `out-of-stock`
 * lists `shortages`; 402 `payment-declined` gives the `reason`.
 */
export function usePlaceOrder() {
  const changed = useOrderChanged();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: PlaceOrderInput; idempotencyKey: string }) =>
      apiFetch<Order>('/api/v1/orders', {
        method: 'POST',
        json: input,
        headers: { 'idempotency-key': idempotencyKey },
      }),
    onSuccess: (order) =>
      Promise.all([changed(order), queryClient.invalidateQueries({ queryKey: customerKeys.lists() })]),
  });
}

/** POST /api/v1/orders/:id/cancel. 409 once picking has started or the order is already cancelled. */
export function useCancelOrder() {
  const changed = useOrderChanged();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: CancelOrderInput }) =>
      apiFetch<Order>(`${orderPath(id)}/cancel`, { method: 'POST', json: input }),
    onSuccess: changed,
  });
}

/** PATCH /api/v1/orders/:id: lines, address, shipping method. 409 when someone changed it first. */
export function useEditOrder() {
  const changed = useOrderChanged();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: EditOrderInput }) =>
      apiFetch<Order>(orderPath(id), { method: 'PATCH', json: input }),
    onSuccess: changed,
  });
}
