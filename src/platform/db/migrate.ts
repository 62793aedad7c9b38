import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationResultSet, Migrator } from 'kysely/migration';

export type Migrations = Record<string, Migration>;

export class MigrationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/**
 * Applies every pending migration. Kysely's migrator holds a PostgreSQL advisory lock for the
 * whole run and applies each migration in a transaction, so processes that start together
 * queue behind one another instead of racing; the later ones find nothing left to do.
 */
export async function migrateToLatest<DB>(db: Kysely<DB>, migrations: Migrations): Promise<string[]> {
  const migrator = new Migrator({
    db: db as Kysely<unknown>,
    provider: { getMigrations: async () => migrations },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    const what = failed ? `migration ${failed} failed` : 'migrations could not run';
    throw new MigrationError(`${what}: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of the known migrations that the database has not applied yet. */
export async function pendingMigrations<DB>(db: Kysely<DB>, migrations: Migrations): Promise<string[]> {
  const table = await sql<{
    exists: boolean;
  }>`select to_regclass('kysely_migration') is not null as exists`.execute(db);
  const applied = new Set<string>();
  if (table.rows[0]?.exists) {
    const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    for (const row of rows.rows) applied.add(row.name);
  }
  return Object.keys(migrations)
    .sort()
    .filter((name) => !applied.has(name));
}
