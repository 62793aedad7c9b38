import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { SingleBar } from 'cli-progress';
import type { AppDatabase } from '../app.ts';
import { exportCatalogCsv, importCatalogCsv } from '../modules/catalog/index.ts';
import { importStockCsv } from '../modules/inventory/index.ts';
import { systemActor } from '../platform/audit/audit.ts';
import { systemClock } from '../platform/clock.ts';

/** `ordo import catalog file.csv`: streams the file in with a progress bar; prints each error with its line. */
export async function importCatalogFromCli(
  database: AppDatabase,
  file: string,
  options: { partial: boolean },
): Promise<boolean> {
  const size = statSync(file).size;
  const bar = new SingleBar({
    format: 'Importing {bar} {percentage}% | {rows} rows | {eta_formatted} left',
    hideCursor: true,
    noTTYOutput: false,
    etaBuffer: 50,
  });
  const interactive = process.stdout.isTTY === true;
  if (interactive) bar.start(size, 0, { rows: 0 });
  const started = performance.now();
  const result = await importCatalogCsv(database, systemClock, systemActor, createReadStream(file), {
    partial: options.partial,
    onProgress: ({ rows, bytes }) => interactive && bar.update(bytes, { rows }),
  });
  if (interactive) bar.stop();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const error of result.errors.slice(0, 50)) {
    console.error(`line ${error.line}${error.field ? `, ${error.field}` : ''}: ${error.detail}`);
  }
  if (result.errorCount > 50) console.error(`… and ${result.errorCount - 50} more errors`);
  if (!result.imported) {
    console.error(
      `Nothing was imported: ${result.errorCount} error(s) in ${result.rows} rows. Fix them, or pass --partial to import the good rows.`,
    );
    return false;
  }
  console.log(
    `Imported ${result.rows} rows in ${seconds} s: ${result.productsCreated} products created, ${result.productsUpdated} updated; ` +
      `${result.variantsCreated} variants created, ${result.variantsUpdated} updated` +
      (result.skippedRows ? `; ${result.skippedRows} rows skipped for errors` : '') +
      '.',
  );
  return true;
}

export async function exportCatalogFromCli(database: AppDatabase, file: string | undefined): Promise<void> {
  const csv = await exportCatalogCsv(database.db);
  await pipeline(csv, file ? createWriteStream(file) : process.stdout);
}

/** `ordo import stock counts.csv`: sets levels from counts; prints each error with its line. */
export async function importStockFromCli(database: AppDatabase, file: string): Promise<boolean> {
  const result = await importStockCsv(database, systemClock, systemActor, createReadStream(file));
  for (const error of result.errors.slice(0, 50)) {
    console.error(`line ${error.line}${error.field ? `, ${error.field}` : ''}: ${error.detail}`);
  }
  if (!result.imported) {
    console.error(`Nothing was changed: ${result.errorCount} error(s) in ${result.rows} rows.`);
    return false;
  }
  console.log(
    `Read ${result.rows} counts; ${result.changed} stock levels changed, each recorded in the ledger.`,
  );
  return true;
}
