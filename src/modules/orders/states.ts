import { defineLifecycle } from '../../platform/lifecycle.ts';

/** An order's own progress; payment and fulfilment have lifecycles of their own. */
export const orderLifecycle = defineLifecycle(
  'The order',
  {
    pending: ['confirmed', 'on_hold', 'cancelled'],
    confirmed: ['processing', 'on_hold', 'cancelled'],
    on_hold: ['pending', 'confirmed', 'processing', 'cancelled'],
    processing: ['completed', 'on_hold', 'cancelled'],
    completed: [],
    cancelled: [],
  },
  'pending',
);

export const fulfillmentLifecycle = defineLifecycle(
  'The fulfilment status',
  {
    unfulfilled: ['backordered', 'partially_fulfilled', 'fulfilled'],
    backordered: ['unfulfilled', 'partially_fulfilled', 'fulfilled'],
    partially_fulfilled: ['partially_fulfilled', 'fulfilled', 'partially_delivered'],
    fulfilled: ['partially_delivered', 'delivered'],
    partially_delivered: ['partially_delivered', 'delivered'],
    delivered: [],
  },
  'unfulfilled',
);

export type OrderStatus = (typeof orderLifecycle.states)[number];
export type FulfillmentStatus = (typeof fulfillmentLifecycle.states)[number];
