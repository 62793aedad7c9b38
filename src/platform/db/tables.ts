import type { ColumnType, Generated } from 'kysely';

/** A timestamp column: read as Date, written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type Json<T> = ColumnType<T, string, string>;

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  method: string;
  path: string;
  fingerprint: string;
  state: 'running' | 'completed';
  /** Token of the request that holds the key; only it may store or release the reply. */
  claim: string;
  responseStatus: number | null;
  responseHeaders: Json<Record<string, string>> | null;
  responseBody: string | null;
  lockedUntil: Timestamp;
  createdAt: Timestamp;
  expiresAt: Timestamp;
}

export interface OutboxEventsTable {
  id: string;
  type: string;
  aggregateId: string | null;
  payload: Json<unknown>;
  occurredAt: Timestamp;
  dispatchedAt: Timestamp | null;
}

export type JobState = 'pending' | 'running' | 'completed' | 'dead';

export interface JobsTable {
  id: string;
  name: string;
  payload: Json<unknown>;
  state: JobState;
  priority: Generated<number>;
  runAt: Timestamp;
  attempts: Generated<number>;
  /** Null: the job type's own limit applies. */
  maxAttempts: number | null;
  lockedBy: string | null;
  lockedUntil: Timestamp | null;
  lastError: string | null;
  dedupeKey: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  finishedAt: Timestamp | null;
}

export interface JobSchedulesTable {
  name: string;
  cron: string;
  timezone: string;
  jobName: string;
  payload: Json<unknown>;
  nextRunAt: Timestamp;
  lastRunAt: Timestamp | null;
}

export interface WebhookEndpointsTable {
  id: string;
  url: string;
  description: string;
  secret: string;
  eventTypes: Json<string[]>;
  enabled: boolean;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export type WebhookDeliveryState = 'pending' | 'delivered' | 'retrying' | 'dead';

export interface WebhookDeliveriesTable {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  state: WebhookDeliveryState;
  attempts: Generated<number>;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: Timestamp | null;
  deliveredAt: Timestamp | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface MetaTable {
  key: string;
  value: Json<unknown>;
  updatedAt: Timestamp;
}

export interface AuditLogTable {
  id: string;
  actorKind: 'staff' | 'api_key' | 'system';
  actorId: string | null;
  actorName: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  requestId: string | null;
  at: Timestamp;
}

export type OutgoingMailStatus = 'queued' | 'sending' | 'sent' | 'stored' | 'failed';

export interface OutgoingMailTable {
  id: string;
  toAddress: string;
  toName: Generated<string>;
  fromAddress: string | null;
  fromName: string | null;
  subject: string;
  text: string;
  html: string;
  language: string;
  template: string;
  referenceType: string | null;
  referenceId: string | null;
  status: OutgoingMailStatus;
  attempts: Generated<number>;
  sendingUntil: Timestamp | null;
  lastError: string | null;
  providerMessageId: string | null;
  createdAt: Timestamp;
  sentAt: Timestamp | null;
  /** Set when the message may be queued only once (`queueMailOnce`). */
  dedupeKey: string | null;
}

/**
 * Every table Ordo has, as Kysely sees them. The platform's are listed here; each module adds its
 * own by augmenting this interface (`declare module '…/platform/db/tables.ts' { interface Tables
 * extends StaffTables {} }`), so one database type serves all code without the platform importing
 * any module.
 */
export interface Tables {
  idempotencyKeys: IdempotencyKeysTable;
  outboxEvents: OutboxEventsTable;
  jobs: JobsTable;
  jobSchedules: JobSchedulesTable;
  webhookEndpoints: WebhookEndpointsTable;
  webhookDeliveries: WebhookDeliveriesTable;
  ordoMeta: MetaTable;
  auditLog: AuditLogTable;
  outgoingMail: OutgoingMailTable;
}

/** The platform's own tables (the same type: modules extend it in place). */
export type PlatformTables = Tables;
