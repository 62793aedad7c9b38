import { InvalidTransition } from '../../platform/http/problems.ts';

/**
 * The three lifecycles of an order, each an explicit table: the keys are the states, the values
 * the states each may move to. Anything else is refused (a 409) by `assertTransition`.
 */
export const orderStates = {
  pending: ['confirmed', 'on_hold', 'cancelled'],
  confirmed: ['processing', 'on_hold', 'cancelled'],
  on_hold: ['pending', 'confirmed', 'processing', 'cancelled'],
  processing: ['completed', 'on_hold', 'cancelled'],
  completed: [],
  cancelled: [],
} as const satisfies Record<string, readonly string[]>;

export const paymentStates = {
  pending: ['authorized', 'failed', 'voided'],
  authorized: ['partially_captured', 'captured', 'voided', 'failed'],
  partially_captured: ['partially_captured', 'captured', 'partially_refunded', 'refunded'],
  captured: ['partially_refunded', 'refunded'],
  partially_refunded: ['partially_refunded', 'refunded'],
  refunded: [],
  voided: [],
  failed: ['pending'],
} as const satisfies Record<string, readonly string[]>;

export const fulfillmentStates = {
  unfulfilled: ['backordered', 'partially_fulfilled', 'fulfilled'],
  backordered: ['unfulfilled', 'partially_fulfilled', 'fulfilled'],
  partially_fulfilled: ['partially_fulfilled', 'fulfilled', 'partially_delivered'],
  fulfilled: ['partially_delivered', 'delivered'],
  partially_delivered: ['partially_delivered', 'delivered'],
  delivered: [],
} as const satisfies Record<string, readonly string[]>;

export type OrderStatus = keyof typeof orderStates;
export type PaymentStatus = keyof typeof paymentStates;
export type FulfillmentStatus = keyof typeof fulfillmentStates;

export const lifecycles = {
  order: { table: orderStates, initial: 'pending' },
  payment: { table: paymentStates, initial: 'pending' },
  fulfillment: { table: fulfillmentStates, initial: 'unfulfilled' },
} as const;
export type Lifecycle = keyof typeof lifecycles;

/** The states `from` may move to: the UI offers these and nothing else. */
export function nextStates<L extends Lifecycle>(lifecycle: L, from: string): readonly string[] {
  return (lifecycles[lifecycle].table as Record<string, readonly string[]>)[from] ?? [];
}

export function canTransition(lifecycle: Lifecycle, from: string, to: string): boolean {
  return nextStates(lifecycle, from).includes(to);
}

/** Refuses a move the table does not allow, with a 409 naming what is allowed. */
export function assertTransition(lifecycle: Lifecycle, from: string, to: string): void {
  if (!canTransition(lifecycle, from, to)) {
    throw new InvalidTransition(
      `The ${lifecycle === 'order' ? 'order' : `${lifecycle} status`}`,
      from,
      to,
      nextStates(lifecycle, from),
    );
  }
}

export function isFinal(lifecycle: Lifecycle, state: string): boolean {
  return nextStates(lifecycle, state).length === 0;
}
