/**
 * Orders: their lifecycles and delivery promises. Placing, editing and cancelling orders build
 * on these (the order routes arrive with placement).
 */
export { promisedDeliveryDate, type ShippingLocation, shipDate } from './promise.ts';
export {
  assertTransition,
  canTransition,
  type FulfillmentStatus,
  fulfillmentStates,
  isFinal,
  nextStates,
  type OrderStatus,
  orderStates,
  type PaymentStatus,
  paymentStates,
} from './states.ts';
