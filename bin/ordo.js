#!/usr/bin/env node
// Starts Ordo from a single bundled file (dist/server.mjs): loading one file is much faster than
// hundreds of modules. The bundle is rebuilt with esbuild whenever a source is newer than it, so
// an edit takes effect on the next start; if it cannot be built, the sources run through tsx.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist', 'server.mjs');

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (!entry.endsWith('.test.ts')) latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

function fresh() {
  if (!existsSync(bundle)) return false;
  const builtAt = statSync(bundle).mtimeMs;
  return [join(root, 'src'), join(root, 'package-lock.json')].every(
    (p) => !existsSync(p) || newest(p) <= builtAt,
  );
}

async function build() {
  const { build: esbuild } = await import('esbuild');
  mkdirSync(dirname(bundle), { recursive: true });
  // Several processes may start at once: each writes its own file, then renames it into place.
  const temporary = `${bundle}.${process.pid}.tmp`;
  await esbuild({
    entryPoints: [join(root, 'src', 'main.ts')],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages that find their own files (WebAssembly, native code, static assets) stay outside.
    external: [
      '@electric-sql/pglite',
      '@node-rs/argon2',
      '@fastify/swagger-ui',
      '@fastify/static',
      'vite',
      'tsx',
      'esbuild',
    ],
    banner: {
      js: "import { createRequire as __ordoRequire } from 'node:module'; const require = __ordoRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  renameSync(temporary, bundle);
}

let bundled = fresh();
if (!bundled) {
  try {
    await build();
    bundled = true;
  } catch (error) {
    console.error(`Could not bundle the server (${error.message}); running the sources directly.`);
  }
}
if (bundled) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
