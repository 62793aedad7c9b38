#!/usr/bin/env node
// Places orders through the real endpoint (POST /api/v1/orders with an API key) and measures
// orders/s and latency; in the same run, the ceiling of the bare SQL (the same reservation and
// inserts over a pg pool, no HTTP), and a hot SKU (one SKU with 100 units, 500 buyers at once).
// Setup: the demo shop plus 10,000 SKUs imported from CSV with stock in the Madrid warehouse.
// Usage: node bench/place-orders.mjs [--orders 6000] [--concurrency 32] [--processes 2]
//          [--background on|off] [--postgres postgres://postgres@127.0.0.1:5432/postgres]
//          [--skip-pglite] [--skip-postgres]
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Agent, request } from 'undici';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const orders = Number(option('--orders', '6000'));
const concurrency = Number(option('--concurrency', '32'));
const processes = Number(option('--processes', '2'));
// With `--background off` no process runs the outbox dispatcher and jobs (mail, webhooks): the
// endpoint's own cost, as when those run in processes of their own.
const background = option('--background', 'on') === 'on';
const postgresUrl = option('--postgres', 'postgres://postgres@127.0.0.1:5432/postgres');
const skus = 10_000;
const dir = mkdtempSync(join(tmpdir(), 'ordo-orders-bench-'));
const agent = new Agent({ connections: concurrency * 2, pipelining: 1, keepAliveTimeout: 30_000 });

function ordo(cliArgs, env) {
  const run = spawnSync(process.execPath, ['bin/ordo.js', ...cliArgs], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`ordo ${cliArgs.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

function serve(env) {
  const child = spawn(process.execPath, ['bin/ordo.js', 'serve'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = new Promise((resolve, reject) => {
    const look = (chunk) => {
      output += chunk;
      const m = /is ready at http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (m) resolve(Number(m[1]));
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, port };
}

function stop(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/** The shop: the demo (warehouses, rates, staff) plus 10,000 SKUs with stock. */
function prepare(env) {
  ordo(['migrate'], env);
  ordo(['seed', '--demo'], env);
  const catalog = join(dir, 'catalog.csv');
  const lines = ['handle,title,status,option1_name,option1_value,sku,price_EUR'];
  for (let i = 0; i < skus; i++) lines.push(`bench-${i},Bench product ${i},active,Size,M,BENCH-${i},19.99`);
  writeFileSync(catalog, `${lines.join('\n')}\n`);
  ordo(['import', 'catalog', catalog], env);
  return catalog;
}

function stockFile(locationCode, perSku, hot) {
  const file = join(dir, `stock-${locationCode}.csv`);
  const lines = ['location,sku,on_hand'];
  for (let i = 0; i < skus; i++) lines.push(`${locationCode},BENCH-${i},${perSku}`);
  lines.push(`${locationCode},${hot},100`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function call(base, method, path, body, headers = {}) {
  const res = await request(`${base}${path}`, {
    method,
    dispatcher: agent,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, json: text ? JSON.parse(text) : null };
}

async function apiKey(base) {
  const login = await call(base, 'POST', '/api/v1/auth/login', {
    email: 'owner@demo.ordo.dev',
    password: 'ordo-demo-owner',
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0];
  const key = await call(
    base,
    'POST',
    '/api/v1/api-keys',
    { name: 'benchmark web shop', scopes: ['orders:write'] },
    { cookie, 'x-csrf-token': login.json.csrfToken },
  );
  if (key.status !== 201) throw new Error(`API key: ${JSON.stringify(key.json)}`);
  return key.json.key;
}

const order = (sku, n) => ({
  channel: 'web',
  currency: 'EUR',
  customer: { email: `buyer${n % 5000}@bench.example`, name: `Buyer ${n % 5000}` },
  lines: [{ sku, quantity: 1 }],
  shippingAddress: {
    name: `Buyer ${n % 5000}`,
    line1: 'Calle Mayor 1',
    city: 'Madrid',
    region: 'M',
    postalCode: '28013',
    country: 'ES',
  },
  shippingMethod: 'standard',
  payment: { method: 'card', token: 'tok_visa' },
});

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** `total` orders from `clients` clients, round-robin over the servers; each request times itself. */
async function load(bases, key, total, clients, skuOf) {
  const latencies = [];
  const statuses = new Map();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (;;) {
        const n = next++;
        if (n >= total) return;
        const t0 = performance.now();
        const res = await call(bases[n % bases.length], 'POST', '/api/v1/orders', order(skuOf(n), n), {
          authorization: `Bearer ${key}`,
          'idempotency-key': randomUUID(),
        });
        latencies.push(performance.now() - t0);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) throw new Error(`server error: ${JSON.stringify(res.json)}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: Math.round(total / seconds),
    p50: percentile(latencies, 50).toFixed(1),
    p99: percentile(latencies, 99).toFixed(1),
    statuses: Object.fromEntries(statuses),
  };
}

/** The same reservation and inserts as one order, as bare SQL over a pool: the ceiling. */
async function bareSql(url, total, clients) {
  const pool = new pg.Pool({ connectionString: url, max: clients });
  const { rows } = await pool.query(
    `select v.id as variant_id, l.location_id from variants v join stock_levels l on l.variant_id = v.id
     where v.sku like 'BENCH-%' and l.on_hand - l.reserved > 0`,
  );
  const customer = (await pool.query('select id from customers limit 1')).rows[0].id;
  let next = 0;
  const latencies = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      const c = await pool.connect();
      try {
        for (;;) {
          const n = next++;
          if (n >= total) return;
          const { variant_id: variantId, location_id: locationId } = rows[n % rows.length];
          const id = randomUUID();
          const t0 = performance.now();
          await c.query('begin');
          await c.query(
            'select on_hand from stock_levels where variant_id = $1 and location_id = $2 for update',
            [variantId, locationId],
          );
          const reserved = await c.query(
            `update stock_levels set reserved = reserved + 1 where variant_id = $1 and location_id = $2
             and on_hand - reserved - safety_stock >= 1 returning on_hand`,
            [variantId, locationId],
          );
          if (reserved.rowCount !== 1) throw new Error('bench stock ran out');
          await c.query(
            `insert into stock_movements (id, variant_id, location_id, kind, on_hand_delta, reserved_delta, reference_type, reference_id, actor_kind, actor_name, at)
             values ($1, $2, $3, 'reservation', 0, 1, 'order', $4, 'system', 'bench', now())`,
            [`mov_${id}`, variantId, locationId, `ord_${id}`],
          );
          await c.query(
            `insert into orders (id, number, channel, status, payment_status, fulfillment_status, customer_id, email, customer_name, language, currency,
               shipping_address, billing_address, shipping_method, prices_include_tax, subtotal, discount, shipping, shipping_tax_rate, tax, total,
               priority, placed_by_kind, placed_by_name, placed_at, updated_at)
             values ($1, nextval('order_numbers'), 'web', 'confirmed', 'authorized', 'unfulfilled', $2, 'b@bench.example', 'Buyer', 'es', 'EUR',
               '{}'::jsonb, '{}'::jsonb, 'standard', true, 1999, 0, 395, 2100, 416, 2394, 100, 'system', 'bench', now(), now())`,
            [`ord_${id}`, customer],
          );
          await c.query(
            `insert into order_lines (id, order_id, position, variant_id, sku, title, tax_class, quantity, unit_price, discount, tax_rate, tax, total)
             values ($1, $2, 0, $3, 'BENCH', 'Bench', 'standard', 1, 1999, 0, 2100, 347, 1999)`,
            [`oln_${id}`, `ord_${id}`, variantId],
          );
          await c.query(
            'insert into order_allocations (order_id, line_id, location_id, quantity) values ($1, $2, $3, 1)',
            [`ord_${id}`, `oln_${id}`, locationId],
          );
          await c.query(
            `insert into payments (id, order_id, provider, method, status, currency, amount, created_at, updated_at)
             values ($1, $2, 'test', 'card', 'authorized', 'EUR', 2394, now(), now())`,
            [`pay_${id}`, `ord_${id}`],
          );
          await c.query(
            `insert into outbox_events (id, type, aggregate_id, payload, occurred_at) values ($1, 'bench.placed', $2, '{}'::jsonb, now())`,
            [`evt_${id}`, `ord_${id}`],
          );
          await c.query('commit');
          latencies.push(performance.now() - t0);
        }
      } finally {
        c.release();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await pool.end();
  latencies.sort((a, b) => a - b);
  return {
    perSecond: Math.round(total / seconds),
    p50: percentile(latencies, 50).toFixed(1),
    p99: percentile(latencies, 99).toFixed(1),
  };
}

async function hotSku(bases, key) {
  const buyers = 500;
  const results = await Promise.all(
    Array.from({ length: buyers }, (_, n) =>
      call(bases[n % bases.length], 'POST', '/api/v1/orders', order('HOT-1', 100_000 + n), {
        authorization: `Bearer ${key}`,
      }),
    ),
  );
  const count = (s) => results.filter((r) => r.status === s).length;
  return { sold: count(201), refused: count(409), other: buyers - count(201) - count(409) };
}

async function run(label, env, serverCount, url) {
  console.log(`\n## ${label}`);
  prepare(env);
  const hot = 'HOT-1';
  const catalog = join(dir, 'hot.csv');
  writeFileSync(catalog, `handle,title,status,sku,price_EUR\nhot-1,Hot product,active,${hot},49.00\n`);
  ordo(['import', 'catalog', catalog], env);
  // Enough that no SKU runs out in the run: what is measured is placing, not refusing.
  ordo(['import', 'stock', stockFile('MAD', Math.ceil((orders * 2) / skus) + 10, hot)], env);
  const servers = Array.from({ length: serverCount }, (_, i) =>
    serve({ ...env, ORDO_WORKERS: background && i === 0 ? 'true' : 'false' }),
  );
  try {
    const bases = (await Promise.all(servers.map((s) => s.port))).map((p) => `http://127.0.0.1:${p}`);
    const key = await apiKey(bases[0]);
    await load(bases, key, Math.min(500, orders), concurrency, (n) => `BENCH-${(n * 7919) % skus}`); // warm-up
    const endpoint = await load(bases, key, orders, concurrency, (n) => `BENCH-${(n * 7919 + 13) % skus}`);
    console.log(
      `endpoint, ${serverCount} process(es), c=${concurrency}: ${endpoint.perSecond} orders/s, p50 ${endpoint.p50} ms, p99 ${endpoint.p99} ms ${JSON.stringify(endpoint.statuses)}`,
    );
    const hotRun = await hotSku(bases, key);
    console.log(
      `hot SKU (100 units, 500 buyers at once): ${hotRun.sold} sold, ${hotRun.refused} refused, ${hotRun.other} other`,
    );
    if (url) {
      const bare = await bareSql(url, orders, concurrency);
      console.log(
        `bare SQL ceiling, c=${concurrency}: ${bare.perSecond} orders/s, p50 ${bare.p50} ms, p99 ${bare.p99} ms`,
      );
      console.log(`endpoint / bare SQL: ${Math.round((endpoint.perSecond / bare.perSecond) * 100)} %`);
    }
  } finally {
    // The embedded database is one process's: the check runs once the servers have stopped.
    await Promise.all(servers.map((s) => stop(s.child)));
  }
  const check = ordo(['check'], env);
  console.log(`ordo check: ${check.trim().split('\n').at(-1)}`);
}

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(
  `${skus} SKUs, ${orders} orders of one line each, ${concurrency} concurrent clients, background work ${background ? 'in the first server process' : 'off'}`,
);
try {
  if (!args.includes('--skip-postgres')) {
    const database = `ordo_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create database ${database}`);
    const url = new URL(postgresUrl);
    url.pathname = `/${database}`;
    try {
      await run(
        `PostgreSQL, ${processes} server processes`,
        { DATABASE_URL: url.toString() },
        processes,
        url.toString(),
      );
    } finally {
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.end();
    }
  }
  if (!args.includes('--skip-pglite')) {
    await run('PGlite (embedded), one process', { ORDO_DATA_DIR: join(dir, 'data') }, 1, undefined);
  }
} finally {
  await agent.close();
  rmSync(dir, { recursive: true, force: true });
}
