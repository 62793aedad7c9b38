import { EventEmitter } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * An open database: the Kysely handle plus what the platform needs around it.
 * `signals` carries in-process wake-up hints after commits (outbox, jobs); it holds no state.
 */
export interface Database<DB> {
  kind: DatabaseKind;
  db: Kysely<DB>;
  signals: EventEmitter;
  /** The embedded engine, when this is PGlite (for snapshots). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A postgres:// URL; without it, the embedded PGlite database is used. */
  url?: string | undefined;
  /** PGlite data directory; `memory://` or undefined keeps it in memory. */
  dataDir?: string | undefined;
  /** A PGlite snapshot made by `dumpDataDir`, to start from a migrated state (tests). */
  snapshot?: Blob | File | undefined;
  /** Connection pool size for PostgreSQL. */
  poolSize?: number;
  /** Longest a statement may run on PostgreSQL; 0 for none (migrations). Default 30 s. */
  statementTimeoutMs?: number;
}

// Nested JSON (event payloads, stored replies) keeps the keys it was written with.
const camelCase = () => new CamelCasePlugin({ maintainNestedObjectKeys: true });

// One reading of each type on both engines, so code never sees a difference:
// - int8 (counts, money in minor units) as a number: exact below 2^53, which they never reach;
// - date as its 'YYYY-MM-DD' text: a calendar day has no time zone to shift it;
// - numeric stays text (both engines' default), exact; callers convert where they know the scale.
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} is beyond the safe integer range`);
  return n;
}
const parseDate = (value: string) => value;
pg.types.setTypeParser(pg.types.builtins.INT8, parseInt8);
pg.types.setTypeParser(pg.types.builtins.DATE, parseDate);
const pgliteParsers = { [pg.types.builtins.INT8]: parseInt8, [pg.types.builtins.DATE]: parseDate };

export async function openDatabase<DB>(options: OpenDatabaseOptions): Promise<Database<DB>> {
  const signals = new EventEmitter();
  signals.setMaxListeners(100);
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      // A stuck statement must not hold a request forever.
      statement_timeout: options.statementTimeoutMs ?? 30_000,
      idle_in_transaction_session_timeout: 60_000,
    });
    // An idle client that loses its connection emits here; without a listener the process would crash.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [camelCase()] });
    return { kind: 'postgres', db, signals, close: () => db.destroy() };
  }
  const inMemory = !options.dataDir || options.dataDir.startsWith('memory://');
  let release = () => {};
  if (!inMemory) {
    await mkdir(options.dataDir as string, { recursive: true });
    release = lockDataDir(options.dataDir as string);
  }
  const pglite = await PGlite.create({
    parsers: pgliteParsers,
    ...(inMemory ? {} : { dataDir: options.dataDir }),
    ...(options.snapshot ? { loadDataDir: options.snapshot } : {}),
  }).catch((error: unknown) => {
    release();
    throw error;
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }), plugins: [camelCase()] });
  const close = async () => {
    await db.destroy();
    release();
  };
  return { kind: 'pglite', db, signals, pglite, close };
}
