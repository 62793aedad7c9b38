/** Payments: the lifecycle of a payment, providers, authorisation, capture, void and refund. */

export {
  type AuthorizationResult,
  authorizationRow,
  newPaymentId,
  recordAuthorization,
  reduceAuthorization,
  releaseAuthorization,
  requestAuthorization,
} from './authorization.ts';
export * as paymentsMigration008 from './migrations/2026-11-30-008-payments.ts';
export * as paymentsMigration011 from './migrations/2026-11-30-011-test-gateway-unlogged.ts';
export { manualProvider, type PaymentProvider, ProviderTimeout, testGateway } from './providers.ts';
export {
  authorizePayment,
  capturePayment,
  declined,
  getPayment,
  type Payment,
  type PaymentProviders,
  refundPayment,
  resolvePendingPayment,
  voidPayment,
} from './service.ts';
export { type PaymentStatus, paymentLifecycle } from './states.ts';
