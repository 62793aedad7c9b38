import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely, Selectable } from 'kysely';
import { type Address, addressErrors, normalizeAddress } from '../../platform/address.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { Page, PageQuery, paginate } from '../../platform/http/pagination.ts';
import { ValidationFailed } from '../../platform/http/problems.ts';
import { newId } from '../../platform/ids.ts';
import { LocationSchema } from './schema.ts';
import type { LocationsTable } from './tables.ts';

export type Location = Selectable<LocationsTable>;

export interface NewLocation {
  code: string;
  name: string;
  kind: 'warehouse' | 'store';
  address: Omit<Address, 'name' | 'phone'>;
  timezone: string;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export async function createLocation(
  db: Kysely<Tables>,
  clock: Clock,
  input: NewLocation,
): Promise<Location> {
  const errors = addressErrors({ ...input.address, name: input.name }, '/address');
  if (!isTimeZone(input.timezone))
    errors.push({ pointer: '/timezone', detail: `${input.timezone} is not an IANA time zone` });
  if (errors.length > 0) throw new ValidationFailed(errors);
  const address = normalizeAddress({ ...input.address, name: input.name });
  const now = clock.now();
  return db
    .insertInto('locations')
    .values({
      id: newId('loc'),
      code: input.code,
      name: input.name,
      kind: input.kind,
      line1: address.line1,
      line2: address.line2 ?? null,
      city: address.city,
      region: address.region ?? null,
      postalCode: address.postalCode ?? null,
      country: address.country,
      timezone: input.timezone,
      active: true,
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function registerLocationRoutes(app: FastifyInstance, deps: { db: Kysely<Tables> }): void {
  app.addSchema(LocationSchema);
  app.get<{ Querystring: Static<typeof PageQuery> }>(
    '/api/v1/locations',
    {
      config: { permission: 'inventory:read' },
      schema: {
        tags: ['Inventory'],
        summary: 'Warehouses and stores that hold stock',
        querystring: PageQuery,
        response: { 200: Page(Type.Ref(LocationSchema)) },
      },
    },
    async (request) =>
      paginate(deps.db.selectFrom('locations').selectAll(), {
        limit: request.query.limit,
        cursor: request.query.cursor,
        keys: ['code'],
        cursorOf: (row) => [row.code],
      }),
  );
}
