#!/usr/bin/env node
// Measures how long `ordo start` (what `npm start` runs) takes until /ready answers 200:
//   cold: an empty data directory (create the embedded database, migrate, seed the demo)
//   warm: the same data directory again (open, nothing to migrate)
// The web app is built beforehand; pass --web-build to also time a start that must build it.
// Usage: node bench/start-time.mjs [--runs 5] [--web-build]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const withWebBuild = args.includes('--web-build');

function startOnce(dataDir) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['bin/ordo.js', 'start'], {
      cwd: root,
      env: { ...process.env, ORDO_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = async (chunk) => {
      output += chunk;
      const match = output.match(/is ready at (http:\/\/\S+) /);
      if (!match) return;
      child.stdout.off('data', onData);
      const response = await fetch(`${match[1]}/ready`);
      const ms = performance.now() - started;
      child.kill('SIGTERM');
      child.on('exit', () =>
        response.status === 200 ? resolve(ms) : reject(new Error(`/ready answered ${response.status}`)),
      );
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      if (code !== 0 && code !== null && !output.includes('is ready at'))
        reject(new Error(`exited ${code}:\n${output}`));
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

if (withWebBuild) {
  rmSync(join(root, 'web', 'dist'), { recursive: true, force: true });
  const dir = mkdtempSync(join(tmpdir(), 'ordo-bench-'));
  const ms = await startOnce(dir);
  rmSync(dir, { recursive: true, force: true });
  console.log(`first start with web build + empty data: ${fmt(ms)}`);
}

const cold = [];
const warm = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'ordo-bench-'));
  cold.push(await startOnce(dir));
  warm.push(await startOnce(dir));
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(
  `cold start (empty data dir) to /ready 200: median ${fmt(median(cold))} [${cold.map(fmt).join(', ')}]`,
);
console.log(
  `warm start (existing data dir) to /ready 200: median ${fmt(median(warm))} [${warm.map(fmt).join(', ')}]`,
);
