import type { Json, Timestamp } from '../../platform/db/tables.ts';
import type { Role } from './permissions.ts';

export interface StaffTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  active: boolean;
  passwordChangedAt: Timestamp;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface StaffSessionsTable {
  id: string;
  tokenHash: string;
  staffId: string;
  csrfToken: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  expiresAt: Timestamp;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  scopes: Json<string[]>;
  keyHash: string;
  keyPrefix: string;
  createdBy: string;
  createdAt: Timestamp;
  lastUsedAt: Timestamp | null;
  revokedAt: Timestamp | null;
}

export interface LoginFailuresTable {
  email: string;
  ip: string;
  at: Timestamp;
}

export interface StaffTables {
  staff: StaffTable;
  staffSessions: StaffSessionsTable;
  apiKeys: ApiKeysTable;
  loginFailures: LoginFailuresTable;
}

declare module '../../platform/db/tables.ts' {
  interface Tables extends StaffTables {}
}
