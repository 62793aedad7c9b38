import { systemActor } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { createLocation, type NewLocation } from './locations.ts';
import { receiveStock } from './stock.ts';

export const demoLocations: NewLocation[] = [
  {
    code: 'MAD',
    name: 'Madrid warehouse',
    kind: 'warehouse',
    timezone: 'Europe/Madrid',
    address: {
      line1: 'Calle de la Logística 12',
      city: 'Getafe',
      region: 'M',
      postalCode: '28906',
      country: 'ES',
    },
  },
  {
    code: 'BCN',
    name: 'Barcelona warehouse',
    kind: 'warehouse',
    timezone: 'Europe/Madrid',
    address: {
      line1: 'Carrer del Port 40',
      city: 'El Prat de Llobregat',
      region: 'B',
      postalCode: '08820',
      country: 'ES',
    },
  },
  {
    code: 'BER',
    name: 'Berlin warehouse',
    kind: 'warehouse',
    timezone: 'Europe/Berlin',
    address: { line1: 'Lagerstraße 5', city: 'Berlin', postalCode: '12099', country: 'DE' },
  },
];

export async function seedDemoLocations(database: Database<Tables>, clock: Clock): Promise<string> {
  for (const location of demoLocations) await createLocation(database.db, clock, location);
  return `${demoLocations.length} warehouses in 2 countries`;
}

/**
 * Stock for most SKUs, received into the warehouses the way a shop would: Madrid carries nearly
 * everything, Barcelona and Berlin less; a few SKUs are sold out everywhere.
 */
export async function seedDemoStock(database: Database<Tables>, clock: Clock): Promise<string> {
  const skus = (await database.db.selectFrom('variants').select('sku').orderBy('sku').execute()).map(
    (r) => r.sku,
  );
  const locations = await database.db.selectFrom('locations').select(['id', 'code']).execute();
  let lines = 0;
  for (const location of locations) {
    const share = location.code === 'MAD' ? 9 : location.code === 'BCN' ? 5 : 6;
    const stocked = skus.filter((_, i) => (i * 7 + location.code.charCodeAt(0)) % 10 < share && i % 23 !== 5);
    if (stocked.length === 0) continue;
    await receiveStock(database, clock, systemActor, {
      locationId: location.id,
      reference: `OPENING-${location.code}`,
      lines: stocked.map((sku, i) => ({ sku, quantity: 5 + ((i * 13 + sku.length) % 60) })),
    });
    lines += stocked.length;
  }
  return `stock for ${lines} SKU-warehouse pairs`;
}
