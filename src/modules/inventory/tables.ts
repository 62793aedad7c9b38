import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../../platform/db/tables.ts';

export interface LocationsTable {
  id: string;
  code: string;
  name: string;
  kind: 'warehouse' | 'store';
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  country: string;
  /** IANA zone: cut-off times and working days are read in it. */
  timezone: string;
  active: boolean;
  /** Local time ('HH:MM') after which orders ship the next working day. */
  cutoffTime: Generated<string>;
  /** ISO weekdays the location ships on (1 = Monday). */
  workingDays: ColumnType<number[], string | undefined, string>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export type MovementKind =
  | 'receipt'
  | 'reservation'
  | 'release'
  | 'pick'
  | 'adjustment'
  | 'return'
  | 'transfer_out'
  | 'transfer_in'
  | 'count';

export interface StockLevelsTable {
  variantId: string;
  locationId: string;
  onHand: number;
  reserved: number;
  safetyStock: number;
  reorderPoint: number;
  bin: string | null;
  updatedAt: Timestamp;
}

export interface StockMovementsTable {
  id: string;
  variantId: string;
  locationId: string;
  kind: MovementKind;
  onHandDelta: number;
  reservedDelta: number;
  reason: string | null;
  referenceType: string | null;
  referenceId: string | null;
  actorKind: string;
  actorId: string | null;
  actorName: string;
  at: Timestamp;
}

export interface InventoryTables {
  locations: LocationsTable;
  stockLevels: StockLevelsTable;
  stockMovements: StockMovementsTable;
}

declare module '../../platform/db/tables.ts' {
  interface Tables extends InventoryTables {}
}
