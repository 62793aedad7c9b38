import { catalogMigration004 } from './modules/catalog/index.ts';
import { customersMigration005 } from './modules/customers/index.ts';
import { inventoryMigration006, inventoryMigration007 } from './modules/inventory/index.ts';
import { ordersMigration009 } from './modules/orders/index.ts';
import { paymentsMigration008, paymentsMigration011 } from './modules/payments/index.ts';
import { staffMigration003 } from './modules/staff/index.ts';
import type { Migrations } from './platform/db/migrate.ts';
import * as platform001 from './platform/db/migrations/2026-11-30-001-platform.ts';
import * as platform002 from './platform/db/migrations/2026-11-30-002-audit-log.ts';
import * as platform010 from './platform/db/migrations/2026-11-30-010-mail.ts';
import * as platform012 from './platform/db/migrations/2026-11-30-012-mail-dedupe.ts';

/**
 * Every migration of the application, platform and modules together, by name. Names sort in
 * the order they must run: a date, a sequence number and what the migration is about.
 */
export const migrations: Migrations = {
  '2026-11-30-001-platform': platform001,
  '2026-11-30-002-audit-log': platform002,
  '2026-11-30-003-staff': staffMigration003,
  '2026-11-30-004-catalog': catalogMigration004,
  '2026-11-30-005-customers': customersMigration005,
  '2026-11-30-006-locations': inventoryMigration006,
  '2026-11-30-007-stock': inventoryMigration007,
  '2026-11-30-008-payments': paymentsMigration008,
  '2026-11-30-009-orders': ordersMigration009,
  '2026-11-30-010-mail': platform010,
  '2026-11-30-011-test-gateway-unlogged': paymentsMigration011,
  '2026-11-30-012-mail-dedupe': platform012,
};
