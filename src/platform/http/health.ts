import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { type Migrations, pendingMigrations } from '../db/migrate.ts';
import { sendProblem } from './errors.ts';
import { Problem } from './problems.ts';

/** `/health`: the process answers. `/ready`: it can serve, the database is reachable and migrated. */
export function registerHealth(
  app: FastifyInstance,
  database: Database<unknown>,
  migrations: Migrations,
): void {
  app.get(
    '/health',
    {
      schema: {
        tags: ['Operations'],
        summary: 'Liveness: the process is up',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
      config: { permission: 'public' },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      schema: {
        tags: ['Operations'],
        summary: 'Readiness: the database is reachable and fully migrated',
        response: {
          200: Type.Object({ status: Type.Literal('ready'), database: Type.String() }),
        },
      },
      config: { permission: 'public' },
    },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(database.db);
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check: database unreachable');
        return sendProblem(reply, new Problem('service-unavailable', 'The database cannot be reached.'));
      }
      const pending = await pendingMigrations(database.db, migrations);
      if (pending.length > 0) {
        return sendProblem(
          reply,
          new Problem(
            'service-unavailable',
            `The database is not migrated: ${pending.length} migration(s) pending.`,
            {
              extensions: { pendingMigrations: pending },
            },
          ),
        );
      }
      return { status: 'ready' as const, database: database.kind };
    },
  );
}
