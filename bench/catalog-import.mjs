#!/usr/bin/env node
// Times `ordo import catalog` on a generated file of 100,000 variant rows (25,000 products in
// four sizes, priced in EUR and USD), on PostgreSQL (a fresh database) and on the embedded PGlite.
// Usage: node bench/catalog-import.mjs [--rows 100000] [--postgres postgres://postgres@127.0.0.1:5432/postgres] [--skip-pglite]
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const rows = Number(option('--rows', '100000'));
const postgresUrl = option('--postgres', 'postgres://postgres@127.0.0.1:5432/postgres');
const dir = mkdtempSync(join(tmpdir(), 'ordo-import-bench-'));
const file = join(dir, 'catalog.csv');

const sizes = ['S', 'M', 'L', 'XL'];
const out = createWriteStream(file);
out.write(
  'handle,title,description,status,country_of_origin,hs_code,option1_name,option1_value,sku,weight_grams,price_EUR,price_USD\n',
);
for (let i = 0; i < rows; i++) {
  const product = Math.floor(i / sizes.length);
  const size = sizes[i % sizes.length];
  const first = i % sizes.length === 0;
  const line = first
    ? `tee-${product},"Organic tee ${product}, style ${product % 97}",Heavyweight cotton,active,PT,610910,Size,${size},TEE-${product}-${size},180,${19 + (product % 20)}.99,${21 + (product % 20)}.99\n`
    : `tee-${product},,,,,,,${size},TEE-${product}-${size},180,${19 + (product % 20)}.99,${21 + (product % 20)}.99\n`;
  if (!out.write(line)) await new Promise((resolve) => out.once('drain', resolve));
}
await new Promise((resolve) => out.end(resolve));
const mb = (statSync(file).size / 1024 / 1024).toFixed(1);

function timeImport(env) {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['bin/ordo.js', 'import', 'catalog', file], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`import failed:\n${run.stdout}\n${run.stderr}`);
  return { seconds, output: run.stdout.trim().split('\n').at(-1) };
}

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(`file: ${rows} rows, ${mb} MB`);

const database = `ordo_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: postgresUrl });
await admin.connect();
await admin.query(`create database ${database}`);
try {
  const url = new URL(postgresUrl);
  url.pathname = `/${database}`;
  const first = timeImport({ DATABASE_URL: url.toString() });
  console.log(
    `PostgreSQL, new catalog: ${first.seconds.toFixed(1)} s (${Math.round(rows / first.seconds)} rows/s) — ${first.output}`,
  );
  const again = timeImport({ DATABASE_URL: url.toString() });
  console.log(
    `PostgreSQL, same file again (all updates): ${again.seconds.toFixed(1)} s (${Math.round(rows / again.seconds)} rows/s)`,
  );
} finally {
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.end();
}
if (!args.includes('--skip-pglite')) {
  const dataDir = join(dir, 'data');
  const embedded = timeImport({ DATABASE_URL: '', ORDO_DATA_DIR: dataDir });
  console.log(
    `PGlite (embedded), new catalog: ${embedded.seconds.toFixed(1)} s (${Math.round(rows / embedded.seconds)} rows/s)`,
  );
}
rmSync(dir, { recursive: true, force: true });
