import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.ts';

const pendingSignals = new WeakMap<object, Set<string>>();

/**
 * Runs `work` in one transaction. Every service operation goes through here, so a failure
 * leaves nothing half-written. Signals raised with `signalAfterCommit` fire only once the
 * transaction has committed, and never after a rollback. Called with a database whose handle is
 * already a transaction, it runs `work` in that transaction.
 */
export async function withTransaction<DB, T>(
  database: Database<DB>,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  // Inside a transaction already (a seed composing several services): join it.
  if (database.db.isTransaction) return work(database.db as Transaction<DB>);
  let signals: Set<string> | undefined;
  const result = await database.db.transaction().execute(async (trx) => {
    signals = new Set();
    pendingSignals.set(trx, signals);
    return work(trx);
  });
  for (const name of signals ?? []) database.signals.emit(name);
  return result;
}

/** Asks for `name` to be emitted on the database's signals once `trx` commits. */
export function signalAfterCommit<DB>(trx: Kysely<DB>, name: string): void {
  pendingSignals.get(trx)?.add(name);
}
