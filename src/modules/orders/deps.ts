import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Tables } from '../../platform/db/tables.ts';
import type { PaymentProviders } from '../payments/index.ts';

/** What the order services need: the database, the clock, payment providers and a log. */
export interface OrderDeps {
  database: Database<Tables>;
  clock: Clock;
  providers: PaymentProviders;
  log?: { error: (details: object, message: string) => void };
}
