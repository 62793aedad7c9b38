import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { type AppOptions, buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { TestClock } from '../../src/platform/clock.ts';
import type { DatabaseKind } from '../../src/platform/db/database.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  clock: TestClock;
  db: TestDatabase;
}

/** Collects log lines so tests can assert what operators would see. */
export function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { logger, lines };
}

export async function createTestApp(
  kind: DatabaseKind,
  options: Partial<Omit<AppOptions, 'database' | 'clock' | 'config'>> & {
    env?: Record<string, string>;
    database?: TestDatabase;
  } = {},
): Promise<TestApp> {
  const db = options.database ?? (await createTestDatabase(kind));
  const clock = new TestClock('2026-11-30T09:00:00Z');
  // Background loops stay off: tests run the dispatcher and workers step by step.
  // Webhook receivers in tests listen on loopback, which production refuses by default.
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    ORDO_WORKERS: 'false',
    ORDO_WEBHOOKS_ALLOW_PRIVATE: 'true',
    ...options.env,
  });
  const app = await buildApp({ ...options, config, database: db.database, clock });
  await app.ready();
  return { app, clock, db };
}

/** A test app for the enclosing describe block. */
export function useTestApp(kind: DatabaseKind, options: Parameters<typeof createTestApp>[1] = {}) {
  const handle = {} as TestApp;
  beforeAll(async () => {
    Object.assign(handle, await createTestApp(kind, options));
  });
  afterAll(async () => {
    await handle.app?.close();
    await handle.db?.drop();
  });
  return handle;
}

/** What the background loops would do, until nothing is left: deliver the outbox, run due jobs. */
export async function runBackground(t: TestApp): Promise<void> {
  for (;;) {
    const dispatched = await t.app.ordo.dispatcher.dispatchBatch();
    const ran = await t.app.ordo.worker.drain();
    if (dispatched === 0 && ran === 0) return;
  }
}
