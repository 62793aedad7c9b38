/**
 * Orders: their lifecycles and delivery promises. Placing, editing and cancelling orders build
 * on these (the order routes arrive with placement).
 */
export { promisedDeliveryDate, type ShippingLocation, shipDate } from './promise.ts';
export { type FulfillmentStatus, fulfillmentLifecycle, type OrderStatus, orderLifecycle } from './states.ts';
