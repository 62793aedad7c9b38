import closeWithGrace from 'close-with-grace';
import { Command } from 'commander';
import { type AppDatabase, buildApp } from './app.ts';
import { exportCatalogFromCli, importCatalogFromCli, importStockFromCli } from './cli/catalog-files.ts';
import { demoLogins, demoSeededAt, type SeedResult, seedDemo } from './cli/seed.ts';
import { createStaffFromCli } from './cli/staff.ts';
import { buildWeb, webBuildNeeded, webDistDir } from './cli/web-build.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { migrations } from './migrations.ts';
import { checkLedger } from './modules/inventory/index.ts';
import { systemClock } from './platform/clock.ts';
import { DataDirInUse } from './platform/db/data-dir-lock.ts';
import { openDatabase } from './platform/db/database.ts';
import { MigrationError, migrateToLatest, pendingMigrations } from './platform/db/migrate.ts';
import type { Tables } from './platform/db/tables.ts';
import { Problem } from './platform/http/problems.ts';
import { version } from './version.ts';

const started = performance.now();
const elapsed = () => `${Math.round(performance.now() - started)} ms`;

async function openMigrated(config: Config): Promise<{ database: AppDatabase; firstRun: boolean }> {
  const database: AppDatabase = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const firstRun =
    (await pendingMigrations(database.db, migrations)).length === Object.keys(migrations).length;
  // On PostgreSQL, migrate on a connection of its own without the statement timeout: an index
  // build may take minutes, and so may waiting for another process's migration lock.
  const migrator = config.databaseUrl
    ? await openDatabase<Tables>({ url: config.databaseUrl, poolSize: 1, statementTimeoutMs: 0 })
    : database;
  const applied = await migrateToLatest(migrator.db, migrations).finally(() =>
    migrator === database ? undefined : migrator.close(),
  );
  if (applied.length > 0) console.error(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
  return { database, firstRun };
}

function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `embedded PostgreSQL (PGlite) in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

function describeMail(config: Config): string {
  if (!config.smtpUrl) return 'kept in Ordo (set SMTP_URL to send): see Outgoing mail in the back office';
  const url = new URL(config.smtpUrl);
  const port = url.port || (url.protocol === 'smtps:' ? 465 : 587);
  return `SMTP at ${url.hostname}:${port}, from ${config.mailFrom.address}`;
}

function printSeedResult(result: SeedResult): void {
  if (!result.seeded) console.log('The demo data was already seeded; nothing changed.');
  else if (result.report.length === 0)
    console.log('Demo data: nothing to add in this release (the demo shop arrives with the catalog).');
  else for (const line of result.report) console.log(`Demo data: ${line}`);
}

/** The demo's sign-ins when the demo was seeded; otherwise how to create the first owner if there is none. */
async function signInLines(database: AppDatabase): Promise<string[]> {
  if (await demoSeededAt(database)) {
    return [
      '  Demo sign-ins',
      ...demoLogins.map((l) => `    ${l.role.padEnd(10)} ${l.email} / ${l.password}`),
    ];
  }
  const anyone = await database.db
    .selectFrom('staff')
    .select('id')
    .where('active', '=', true)
    .limit(1)
    .executeTakeFirst();
  if (anyone) return [];
  return [
    '  No staff account yet. Create the owner with:',
    '    npx ordo staff create --role owner --email you@example.com --name "Your Name"',
  ];
}

async function serve(config: Config, options: { seedOnFirstRun: boolean }): Promise<void> {
  const { database, firstRun } = await openMigrated(config);
  if (options.seedOnFirstRun && firstRun) {
    printSeedResult(await seedDemo(database, systemClock));
  }
  const app = await buildApp({ config, database, webDistDir });
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'stopping after an unexpected error');
    else app.log.info({ signal }, 'stopping');
    await app.close();
    await database.close();
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = config.publicUrl.replace(/:\d+$/, `:${port}`);
  console.log(
    [
      '',
      `Ordo ${version} is ready at ${base} (started in ${elapsed()})`,
      `  Customer portal  ${base}/`,
      `  Back office      ${base}/admin`,
      `  API reference    ${base}/docs`,
      `  Database         ${describeDatabase(config)}`,
      `  Mail             ${describeMail(config)}`,
      ...(await signInLines(database)),
      '',
    ].join('\n'),
  );
}

const program = new Command('ordo')
  .version(version)
  .description('Ordo: orders, stock, fulfilment and service in one place');

program
  .command('serve')
  .description('apply pending migrations and serve the API and web app')
  .action(async () => serve(loadConfig(), { seedOnFirstRun: false }));

program
  .command('start')
  .description(
    'what `npm start` runs: build the web app if needed, migrate, seed the demo on first run, serve',
  )
  .action(async () => {
    const config = loadConfig();
    if (webBuildNeeded()) {
      console.log('Building the web app…');
      await buildWeb();
      console.log(`Web app built (${elapsed()})`);
    }
    await serve(config, { seedOnFirstRun: true });
  });

program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(async () => {
    const config = loadConfig();
    const { database } = await openMigrated(config);
    const pending = await pendingMigrations(database.db, migrations);
    console.log(
      pending.length === 0 ? `Database is up to date (${describeDatabase(config)}).` : `Pending: ${pending}`,
    );
    await database.close();
  });

program
  .command('seed')
  .description('load data into the database')
  .option('--demo', 'the demo shop')
  .action(async (options: { demo?: boolean }) => {
    if (!options.demo) {
      console.error('Say what to seed: `ordo seed --demo` loads the demo shop.');
      process.exitCode = 2;
      return;
    }
    const config = loadConfig();
    const { database } = await openMigrated(config);
    printSeedResult(await seedDemo(database, systemClock));
    await database.close();
  });

const staff = program.command('staff').description('staff accounts');
staff
  .command('create')
  .description('create a staff account (the first owner of a shop that did not start from the demo)')
  .requiredOption('--role <role>', 'owner, admin, manager, agent or warehouse')
  .requiredOption('--email <email>', 'sign-in email')
  .requiredOption('--name <name>', 'full name')
  .option('--password <password>', 'password (asked for when omitted; at least 10 characters)')
  .action(async (options: { role: string; email: string; name: string; password?: string }) => {
    const config = loadConfig();
    const { database } = await openMigrated(config);
    try {
      console.log(await createStaffFromCli(database, options));
    } finally {
      await database.close();
    }
  });

program
  .command('import')
  .description('import data from a file')
  .argument('<what>', 'catalog or stock')
  .argument(
    '<file>',
    'CSV file (catalog: the format of GET /api/v1/products/export; stock: location,sku,on_hand)',
  )
  .option('--partial', 'catalog only: import the good rows of a file that has bad ones')
  .action(async (what: string, file: string, options: { partial?: boolean }) => {
    if (what !== 'catalog' && what !== 'stock') {
      throw new Problem('bad-request', `Ordo imports "catalog" or "stock", not "${what}".`);
    }
    const { database } = await openMigrated(loadConfig());
    try {
      const ok =
        what === 'catalog'
          ? await importCatalogFromCli(database, file, { partial: options.partial ?? false })
          : await importStockFromCli(database, file);
      if (!ok) process.exitCode = 1;
    } finally {
      await database.close();
    }
  });

program
  .command('export')
  .description('export data to a file')
  .argument('<what>', 'catalog')
  .argument('[file]', 'CSV file to write; standard output when omitted')
  .action(async (what: string, file: string | undefined) => {
    if (what !== 'catalog') throw new Problem('bad-request', `Ordo exports "catalog", not "${what}".`);
    const { database } = await openMigrated(loadConfig());
    try {
      await exportCatalogFromCli(database, file);
    } finally {
      await database.close();
    }
  });

program
  .command('check')
  .description('verify that every stock level equals the sum of its movement ledger')
  .action(async () => {
    const { database } = await openMigrated(loadConfig());
    try {
      const mismatches = await checkLedger(database.db);
      for (const m of mismatches) {
        console.error(
          `${m.variantId} at ${m.locationId}: on hand ${m.onHand} but the ledger sums to ${m.ledgerOnHand}; reserved ${m.reserved}, ledger ${m.ledgerReserved}`,
        );
      }
      if (mismatches.length > 0) process.exitCode = 1;
      else console.log('Stock and ledger agree.');
    } finally {
      await database.close();
    }
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (
    error instanceof ConfigError ||
    error instanceof MigrationError ||
    error instanceof DataDirInUse ||
    error instanceof Problem
  ) {
    console.error(error.message);
  } else {
    console.error('Ordo could not start:', error);
  }
  process.exit(1);
}
