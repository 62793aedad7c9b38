import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { buildWeb, webBuildNeeded } from '../../src/cli/web-build.ts';
import { migrations } from '../../src/migrations.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** File holding a migrated PGlite data directory (dumpDataDir). */
    pgliteSnapshot: string;
    /** A migrated PostgreSQL database to copy per test file, or why there is none. */
    postgres: { url: string; template: string } | { skipped: string };
  }
}

const adminUrl = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

/**
 * Migrates once per run: a PGlite snapshot that each test file loads (~0.5 s instead of ~3 s
 * for a fresh engine), and a PostgreSQL template database that each test file copies.
 */
export default async function setup(project: TestProject) {
  // Built once here, before any test file runs: browser tests in parallel files would otherwise
  // rebuild web/dist over each other.
  if (webBuildNeeded()) await buildWeb();
  const dir = join(tmpdir(), `ordo-test-${process.pid}`);
  await mkdir(dir, { recursive: true });
  const embedded = await openDatabase({});
  await migrateToLatest(embedded.db, migrations);
  const snapshot = await embedded.pglite!.dumpDataDir('none');
  const snapshotFile = join(dir, 'pglite-snapshot.tar');
  await writeFile(snapshotFile, Buffer.from(await snapshot.arrayBuffer()));
  await embedded.close();
  project.provide('pgliteSnapshot', snapshotFile);

  const url = process.env.TEST_DATABASE_URL;
  const required = process.env.ORDO_REQUIRE_PG === '1';
  let template: string | undefined;
  if (!url) {
    const reason = 'TEST_DATABASE_URL is not set, so the PostgreSQL runs of the database tests are skipped';
    if (required) throw new Error(`ORDO_REQUIRE_PG=1 but ${reason}.`);
    console.warn(`\n[ordo tests] ${reason}.\n`);
    project.provide('postgres', { skipped: reason });
  } else {
    template = `ordo_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    try {
      await admin.connect();
      await admin.query(`create database ${template}`);
    } catch (error) {
      await admin.end().catch(() => undefined);
      const reason = `PostgreSQL at TEST_DATABASE_URL cannot be used (${(error as Error).message})`;
      if (required) throw new Error(`ORDO_REQUIRE_PG=1 but ${reason}.`);
      console.warn(`\n[ordo tests] ${reason}; the PostgreSQL runs are skipped.\n`);
      project.provide('postgres', { skipped: reason });
      template = undefined;
    }
    if (template) {
      await admin.end();
      const database = await openDatabase({ url: adminUrl(url, template), poolSize: 1 });
      await migrateToLatest(database.db, migrations);
      await database.close();
      project.provide('postgres', { url, template });
    }
  }

  return async () => {
    await rm(dir, { recursive: true, force: true });
    if (url && template) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      // Test files drop their own copies; this catches any a crashed file left behind.
      const leftovers = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like 'ordo_t_${process.pid}_%' or datname = $1`,
        [template],
      );
      for (const { datname } of leftovers.rows)
        await admin.query(`drop database if exists ${datname} with (force)`);
      await admin.end();
    }
  };
}
