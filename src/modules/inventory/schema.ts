import { type Static, Type } from '@sinclair/typebox';
import { Timestamp } from '../../platform/http/schemas.ts';

/** A warehouse or store that holds stock. */
export const LocationSchema = Type.Object(
  {
    id: Type.String({ examples: ['loc_01JDQ6Y3M5W9X8Z2A4B6C8D0EF'] }),
    code: Type.String({ examples: ['MAD'] }),
    name: Type.String({ examples: ['Madrid warehouse'] }),
    kind: Type.Union([Type.Literal('warehouse'), Type.Literal('store')]),
    line1: Type.String(),
    line2: Type.Union([Type.String(), Type.Null()]),
    city: Type.String(),
    region: Type.Union([Type.String(), Type.Null()]),
    postalCode: Type.Union([Type.String(), Type.Null()]),
    country: Type.String(),
    timezone: Type.String({ examples: ['Europe/Madrid'] }),
    cutoffTime: Type.String({
      description: 'Local time after which orders ship the next working day',
      examples: ['15:00'],
    }),
    workingDays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
      description: 'ISO weekdays it ships on (1 = Monday)',
    }),
    active: Type.Boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Location' },
);
export type LocationReply = Static<typeof LocationSchema>;

/** One variant's stock at one location, as the API shows it. */
export const StockLevelSchema = Type.Object(
  {
    sku: Type.String(),
    productTitle: Type.String(),
    variantTitle: Type.String(),
    variantId: Type.String(),
    locationId: Type.String(),
    onHand: Type.Integer(),
    reserved: Type.Integer(),
    safetyStock: Type.Integer(),
    available: Type.Integer({
      description: 'On hand, less reserved and less safety stock: what can be sold',
    }),
    reorderPoint: Type.Integer(),
    bin: Type.Union([Type.String(), Type.Null()]),
    updatedAt: Timestamp,
  },
  { $id: 'StockLevel' },
);
export type StockLevelReply = Static<typeof StockLevelSchema>;

/** One line of the stock ledger. */
export const MovementSchema = Type.Object(
  {
    id: Type.String(),
    sku: Type.String(),
    locationId: Type.String(),
    kind: Type.String({ examples: ['receipt', 'adjustment', 'reservation'] }),
    onHandDelta: Type.Integer(),
    reservedDelta: Type.Integer(),
    reason: Type.Union([Type.String(), Type.Null()]),
    referenceType: Type.Union([Type.String(), Type.Null()]),
    referenceId: Type.Union([Type.String(), Type.Null()]),
    actorName: Type.String(),
    at: Timestamp,
  },
  { $id: 'StockMovement' },
);
export type StockMovementReply = Static<typeof MovementSchema>;
