/**
 * Orders: placing them from any channel (verified, priced, paid and reserved), their lifecycles,
 * delivery promises, priority, the shop's shipping rate card and tax rates.
 */
export { planAllocation } from './allocation.ts';
export { allocateBackorders, type BackorderAllocated, defineBackorderWork } from './backorders.ts';
export { cancelOrder } from './cancel.ts';
export { demoShippingRates, demoTaxRates, seedDemoOrders, seedDemoRates } from './demo.ts';
export { editOrder } from './edit.ts';
export * as ordersMigration009 from './migrations/2026-11-30-009-orders.ts';
export {
  backorderArrivedSubscriber,
  backorderArrivedVariables,
  confirmationVariables,
  orderConfirmationSubscriber,
} from './notifications.ts';
export { definePaymentReviewJob, resolvePaymentReview } from './payment-review.ts';
export { type OrderDeps, placeOrder } from './place.ts';
export { effectivePriority, priorityScore } from './priority.ts';
export { promisedDeliveryDate, type ShippingLocation, shipDate } from './promise.ts';
export { getOrder, loadOrders, searchOrders } from './queries.ts';
export { registerRateRoutes } from './rate-routes.ts';
export { registerOrderRoutes } from './routes.ts';
export type { OrderReply } from './schema.ts';
export { defineSettlementJob, settleOrderPayments } from './settlement.ts';
export { type FulfillmentStatus, fulfillmentLifecycle, type OrderStatus, orderLifecycle } from './states.ts';
export type { OrderTables } from './tables.ts';
