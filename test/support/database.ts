import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import type { AppDatabase } from '../../src/app.ts';
import { type DatabaseKind, openDatabase } from '../../src/platform/db/database.ts';

const postgres = inject('postgres');

/** The engines every database test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const databaseKinds: DatabaseKind[] = 'url' in postgres ? ['pglite', 'postgres'] : ['pglite'];

/** Why PostgreSQL-only tests are skipped here, or undefined when they run. */
export const postgresSkipReason: string | undefined = 'skipped' in postgres ? postgres.skipped : undefined;
if (postgresSkipReason) console.warn(`[ordo tests] PostgreSQL runs skipped: ${postgresSkipReason}`);

export interface TestDatabase {
  database: AppDatabase;
  /** postgres:// URL of this copy (PostgreSQL only), for child processes. */
  url: string | undefined;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, migrated database of the given kind, private to the caller. */
export async function createTestDatabase(
  kind: DatabaseKind,
  options: { poolSize?: number } = {},
): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const snapshot = new Blob([await readFile(inject('pgliteSnapshot'))]);
    const database: AppDatabase = await openDatabase({ snapshot });
    return { database, url: undefined, drop: () => database.close() };
  }
  if (!('url' in postgres)) throw new Error(`PostgreSQL is not available: ${postgres.skipped}`);
  const name = `ordo_t_${process.ppid}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${postgres.template}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(postgres.url, name);
  const database: AppDatabase = await openDatabase({ url, poolSize: options.poolSize ?? 10 });
  return {
    database,
    url,
    drop: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: postgres.url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** Registers a database for the enclosing describe block; read `.current` inside tests. */
export function useTestDatabase(kind: DatabaseKind, options: { poolSize?: number } = {}) {
  const handle = {} as { current: AppDatabase; url: string | undefined };
  let test: TestDatabase | undefined;
  beforeAll(async () => {
    test = await createTestDatabase(kind, options);
    handle.current = test.database;
    handle.url = test.url;
  });
  afterAll(async () => {
    await test?.drop();
  });
  return handle;
}
