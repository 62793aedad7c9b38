/** Inventory: where stock lives. Locations now; stock levels, movements and reservations next. */

export { seedDemoLocations } from './demo.ts';
export { createLocation, type Location, type NewLocation, registerLocationRoutes } from './locations.ts';
export * as inventoryMigration006 from './migrations/2026-11-30-006-locations.ts';
export type { InventoryTables } from './tables.ts';
