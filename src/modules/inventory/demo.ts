import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { createLocation, type NewLocation } from './locations.ts';

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
