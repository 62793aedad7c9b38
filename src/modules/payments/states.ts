import { defineLifecycle } from '../../platform/lifecycle.ts';

/** A payment from authorisation to capture, refund or void. */
export const paymentLifecycle = defineLifecycle(
  'The payment',
  {
    pending: ['authorized', 'failed', 'voided', 'captured'],
    authorized: ['partially_captured', 'captured', 'voided', 'failed'],
    partially_captured: ['partially_captured', 'captured', 'partially_refunded', 'refunded'],
    captured: ['partially_refunded', 'refunded'],
    partially_refunded: ['partially_refunded', 'refunded'],
    refunded: [],
    voided: [],
    failed: [],
  },
  'pending',
);

export type PaymentStatus = (typeof paymentLifecycle.states)[number];
