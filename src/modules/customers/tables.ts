import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/tables.ts';

export interface CustomersTable {
  id: string;
  email: string | null;
  name: string;
  phone: string | null;
  language: string;
  marketingConsent: boolean;
  marketingConsentAt: Timestamp | null;
  marketingConsentSource: string | null;
  tags: Json<string[]>;
  notes: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  search: Generated<string>;
}

export interface CustomerAddressesTable {
  id: string;
  customerId: string;
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  country: string;
  phone: string | null;
  isDefault: boolean;
  createdAt: Timestamp;
}

export interface CustomerTimelineTable {
  id: string;
  customerId: string;
  /** `note`, and from other modules `order`, `contact`, `return`… */
  kind: string;
  summary: string;
  body: string | null;
  refType: string | null;
  refId: string | null;
  actorName: string;
  at: Timestamp;
}

export interface CustomerTables {
  customers: CustomersTable;
  customerAddresses: CustomerAddressesTable;
  customerTimeline: CustomerTimelineTable;
}

declare module '../../platform/db/tables.ts' {
  interface Tables extends CustomerTables {}
}
