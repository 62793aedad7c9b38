import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/tables.ts';
import type { PaymentStatus } from '../payments/index.ts';
import type { FulfillmentStatus, OrderStatus } from './states.ts';

export const channels = ['web', 'marketplace', 'api', 'phone', 'email', 'pos', 'manual'] as const;
export type Channel = (typeof channels)[number];
/** Channels an integration (API key) places orders on; staff key in the others. */
export const integrationChannels: readonly Channel[] = ['web', 'marketplace', 'api'];
export const staffChannels: readonly Channel[] = ['phone', 'email', 'pos', 'manual'];

export interface OrderAddress {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  country: string;
  phone: string | null;
}

/** A calendar date column: 'YYYY-MM-DD' both ways. */
export type DateColumn = ColumnType<string, string, string>;

export interface OrdersTable {
  id: string;
  number: ColumnType<number, number, never>;
  channel: Channel;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  fulfillmentStatus: FulfillmentStatus;
  customerId: string;
  email: string | null;
  customerName: string;
  phone: string | null;
  language: string;
  currency: string;
  shippingAddress: Json<OrderAddress>;
  billingAddress: Json<OrderAddress>;
  shippingMethod: string;
  pricesIncludeTax: boolean;
  subtotal: number;
  discount: number;
  shipping: number;
  /** Basis points the shipping is taxed at (the destination's standard rate). */
  shippingTaxRate: number;
  tax: number;
  total: number;
  notes: string | null;
  requestedDeliveryDate: DateColumn | null;
  promisedDeliveryDate: DateColumn | null;
  priority: number;
  holdReason: string | null;
  cancelReason: string | null;
  placedByKind: string;
  placedById: string | null;
  placedByName: string;
  idempotencyKey: string | null;
  version: Generated<number>;
  placedAt: Timestamp;
  updatedAt: Timestamp;
}

export interface OrderLinesTable {
  id: string;
  orderId: string;
  position: number;
  variantId: string;
  sku: string;
  title: string;
  taxClass: string;
  /** Ordered and still wanted (cancelled units are subtracted). */
  quantity: number;
  cancelledQuantity: Generated<number>;
  /** Of `quantity`, how many wait for stock. */
  backordered: Generated<number>;
  unitPrice: number;
  discount: number;
  /** Basis points: 2100 = 21 %. */
  taxRate: number;
  tax: number;
  total: number;
}

export interface OrderAllocationsTable {
  orderId: string;
  lineId: string;
  locationId: string;
  quantity: number;
}

export interface OrderEventsTable {
  id: string;
  orderId: string;
  kind: string;
  summary: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  data: Json<unknown> | null;
  actorKind: string;
  actorId: string | null;
  actorName: string;
  at: Timestamp;
}

export interface ShippingRatesTable {
  method: string;
  country: string;
  currency: string;
  name: string;
  amount: number;
  freeFrom: number | null;
  transitDays: number;
}

export interface TaxRatesTable {
  country: string;
  taxClass: string;
  rate: number;
  pricesIncludeTax: boolean;
}

export interface OrderTables {
  orders: OrdersTable;
  orderLines: OrderLinesTable;
  orderAllocations: OrderAllocationsTable;
  orderEvents: OrderEventsTable;
  shippingRates: ShippingRatesTable;
  taxRates: TaxRatesTable;
}

declare module '../../platform/db/tables.ts' {
  interface Tables extends OrderTables {}
}
