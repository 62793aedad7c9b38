import { type Static, Type } from '@sinclair/typebox';
import { Timestamp } from '../../platform/http/schemas.ts';
import { channels } from './tables.ts';

/**
 * The order contract integrators code against. Fields are added, never renamed. Checks that need
 * the catalog, stock or other fields (SKUs, prices, quantities, email, phone, postcodes, shipping
 * methods) are made by the service, so one reply reports every problem together.
 */

const Text = (max: number, example?: string) =>
  Type.String({ minLength: 1, maxLength: max, pattern: '\\S', ...(example ? { examples: [example] } : {}) });
const Nullable = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
const DateOnly = Type.String({ format: 'date', examples: ['2026-12-04'] });

export const OrderAddressInput = Type.Object(
  {
    name: Text(200, 'Ana García'),
    line1: Text(200, 'Calle Mayor 1'),
    line2: Nullable(200),
    city: Text(100, 'Madrid'),
    region: Nullable(100),
    postalCode: Nullable(20),
    country: Type.String({ maxLength: 2, description: 'ISO 3166-1 alpha-2', examples: ['ES'] }),
    phone: Nullable(40),
  },
  { additionalProperties: false },
);
export type OrderAddressInput = Static<typeof OrderAddressInput>;

const Channel = Type.Union(
  channels.map((c) => Type.Literal(c)),
  {
    description:
      'Where the order came from: web, marketplace, api (integrations with an API key); phone, email, pos, manual (staff)',
  },
);

export const maxLineQuantity = 10_000;
export const maxLines = 250;

export const OrderLineInput = Type.Object(
  {
    sku: Text(64, 'TEE-BLK-M'),
    quantity: Type.Integer({ description: `1 to ${maxLineQuantity}`, examples: [2] }),
    unitPrice: Type.Optional(
      Type.Integer({
        description: 'The price the caller expects, in minor units; refused if the catalog price differs',
        examples: [1999],
      }),
    ),
    discount: Type.Optional(
      Type.Integer({ description: 'Discount on the whole line, in minor units', examples: [0] }),
    ),
  },
  { additionalProperties: false },
);

const Payment = Type.Union([
  Type.Object(
    { method: Type.Literal('card'), token: Text(200, 'tok_visa') },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      method: Type.Literal('manual'),
      kind: Type.Optional(
        Type.Union([
          Type.Literal('invoice'),
          Type.Literal('cash_on_delivery'),
          Type.Literal('bank_transfer'),
          Type.Literal('cash'),
        ]),
      ),
    },
    { additionalProperties: false },
  ),
]);

export const PlaceOrderBody = Type.Object(
  {
    channel: Channel,
    currency: Type.String({ maxLength: 3, examples: ['EUR'] }),
    customer: Type.Object(
      {
        id: Type.Optional(Type.String({ maxLength: 40, examples: ['cus_01JDQ6Y3M5W9X8Z2A4B6C8D0EF'] })),
        email: Type.Optional(Type.Union([Type.String({ maxLength: 254 }), Type.Null()])),
        name: Type.Optional(Text(200, 'Ana García')),
        phone: Nullable(40),
        language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[A-Z]{2})?$', examples: ['es'] })),
      },
      {
        additionalProperties: false,
        description: 'An existing customer by id, or email + name (+ phone): matched, else created',
      },
    ),
    lines: Type.Array(OrderLineInput, { minItems: 1, maxItems: maxLines }),
    shippingAddress: OrderAddressInput,
    billingAddress: Type.Optional(Type.Union([OrderAddressInput, Type.Null()])),
    shippingMethod: Type.String({ maxLength: 40, examples: ['standard'] }),
    payment: Payment,
    notes: Nullable(2000),
    requestedDeliveryDate: Type.Optional(Type.Union([DateOnly, Type.Null()])),
    onShortage: Type.Optional(Type.Union([Type.Literal('reject'), Type.Literal('backorder')])),
  },
  {
    additionalProperties: false,
    examples: [
      {
        channel: 'web',
        currency: 'EUR',
        customer: {
          email: 'ana@example.com',
          name: 'Ana García',
          phone: '+34 612 345 678',
          language: 'es',
        },
        lines: [{ sku: 'TEE-BLK-M', quantity: 2, unitPrice: 1999 }],
        shippingAddress: {
          name: 'Ana García',
          line1: 'Calle Mayor 1',
          line2: null,
          city: 'Madrid',
          region: 'M',
          postalCode: '28013',
          country: 'ES',
          phone: '+34612345678',
        },
        billingAddress: null,
        shippingMethod: 'standard',
        payment: { method: 'card', token: 'tok_visa' },
        onShortage: 'reject',
      },
    ],
  },
);
export type PlaceOrderBody = Static<typeof PlaceOrderBody>;

export const EditOrderBody = Type.Object(
  {
    version: Type.Optional(
      Type.Integer({ description: 'The version you saw; 409 if the order changed since' }),
    ),
    lines: Type.Optional(
      Type.Array(
        Type.Object(
          {
            sku: Text(64, 'TEE-BLK-M'),
            quantity: Type.Integer({ examples: [3] }),
            discount: Type.Optional(
              Type.Integer({ description: 'Discount on the whole line, in minor units' }),
            ),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: maxLines, description: 'The complete new set of lines' },
      ),
    ),
    shippingAddress: Type.Optional(OrderAddressInput),
    shippingMethod: Type.Optional(Type.String({ maxLength: 40, examples: ['express'] })),
    payment: Type.Optional(
      Type.Object(
        { method: Type.Literal('card'), token: Text(200, 'tok_visa') },
        { additionalProperties: false },
      ),
    ),
    onShortage: Type.Optional(Type.Union([Type.Literal('reject'), Type.Literal('backorder')])),
    reason: Type.Optional(Type.String({ maxLength: 500, examples: ['customer called to add a mug'] })),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    examples: [{ version: 1, lines: [{ sku: 'TEE-BLK-M', quantity: 3 }], shippingMethod: 'express' }],
  },
);
export type EditOrderBody = Static<typeof EditOrderBody>;

const Address = Type.Object({
  name: Type.String(),
  line1: Type.String(),
  line2: Type.Union([Type.String(), Type.Null()]),
  city: Type.String(),
  region: Type.Union([Type.String(), Type.Null()]),
  postalCode: Type.Union([Type.String(), Type.Null()]),
  country: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
});

export const OrderLineSchema = Type.Object({
  id: Type.String(),
  sku: Type.String(),
  title: Type.String(),
  quantity: Type.Integer({ description: 'Ordered and still wanted' }),
  cancelledQuantity: Type.Integer(),
  backordered: Type.Integer({ description: 'Of quantity, how many wait for stock' }),
  unitPrice: Type.Integer(),
  discount: Type.Integer(),
  taxRate: Type.Integer({ description: 'Basis points: 2100 = 21 %' }),
  tax: Type.Integer(),
  total: Type.Integer({ description: 'Line amount after discount (with tax when prices include it)' }),
  allocations: Type.Array(
    Type.Object({ locationId: Type.String(), locationCode: Type.String(), quantity: Type.Integer() }),
  ),
});

export const OrderPaymentSchema = Type.Object({
  id: Type.String(),
  method: Type.String(),
  provider: Type.String(),
  status: Type.String(),
  amount: Type.Integer(),
  captured: Type.Integer(),
  refunded: Type.Integer(),
  declineReason: Type.Union([Type.String(), Type.Null()]),
});

export const OrderSchema = Type.Object(
  {
    id: Type.String({ examples: ['ord_01JDQ6Y3M5W9X8Z2A4B6C8D0EF'] }),
    number: Type.Integer({ examples: [1001] }),
    channel: Type.String(),
    status: Type.String({ examples: ['confirmed'] }),
    paymentStatus: Type.String({ examples: ['authorized'] }),
    fulfillmentStatus: Type.String({ examples: ['unfulfilled'] }),
    customerId: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    customerName: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    language: Type.String(),
    currency: Type.String(),
    shippingAddress: Address,
    billingAddress: Address,
    shippingMethod: Type.String(),
    lines: Type.Array(OrderLineSchema),
    totals: Type.Object({
      subtotal: Type.Integer(),
      discount: Type.Integer(),
      shipping: Type.Integer(),
      tax: Type.Integer(),
      total: Type.Integer(),
      currency: Type.String(),
      pricesIncludeTax: Type.Boolean(),
    }),
    payments: Type.Array(OrderPaymentSchema),
    notes: Type.Union([Type.String(), Type.Null()]),
    requestedDeliveryDate: Type.Union([Type.String(), Type.Null()]),
    promisedDeliveryDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
    priority: Type.Integer({ description: 'Higher is picked first; see the picking queue' }),
    holdReason: Type.Union([Type.String(), Type.Null()]),
    cancelReason: Type.Union([Type.String(), Type.Null()]),
    placedBy: Type.Object({ kind: Type.String(), name: Type.String() }),
    version: Type.Integer({ description: 'Changes with every edit' }),
    placedAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Order' },
);
export type OrderReply = Static<typeof OrderSchema>;

export const OrderEventSchema = Type.Object(
  {
    id: Type.String(),
    kind: Type.String({ examples: ['status', 'payment', 'placed', 'edited', 'cancelled'] }),
    summary: Type.String(),
    fromState: Type.Union([Type.String(), Type.Null()]),
    toState: Type.Union([Type.String(), Type.Null()]),
    reason: Type.Union([Type.String(), Type.Null()]),
    actorName: Type.String(),
    at: Timestamp,
  },
  { $id: 'OrderEvent' },
);
export type OrderEventReply = Static<typeof OrderEventSchema>;
