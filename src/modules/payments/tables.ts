import type { Timestamp } from '../../platform/db/tables.ts';
import type { PaymentStatus } from './states.ts';

export interface PaymentsTable {
  id: string;
  orderId: string;
  provider: string;
  method: string;
  status: PaymentStatus;
  currency: string;
  amount: number;
  captured: number;
  refunded: number;
  providerReference: string | null;
  declineReason: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface TestGatewayChargesTable {
  reference: string;
  idempotencyKey: string;
  token: string;
  amount: number;
  currency: string;
  status: 'authorized' | 'declined' | 'captured' | 'voided';
  captured: number;
  refunded: number;
  createdAt: Timestamp;
}

export interface PaymentTables {
  payments: PaymentsTable;
  testGatewayCharges: TestGatewayChargesTable;
}

declare module '../../platform/db/tables.ts' {
  interface Tables extends PaymentTables {}
}
