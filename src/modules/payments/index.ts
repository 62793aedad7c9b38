/** Payments: the lifecycle of a payment, providers, authorisation, capture, void and refund. */
export { type PaymentStatus, paymentLifecycle } from './states.ts';
