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
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface InventoryTables {
  locations: LocationsTable;
}

declare module '../../platform/db/tables.ts' {
  interface Tables extends InventoryTables {}
}
