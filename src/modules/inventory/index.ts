/** Inventory: where stock lives. Locations now; stock levels, movements and reservations next. */

export { seedDemoLocations, seedDemoStock } from './demo.ts';
export { createLocation, type Location, type NewLocation, registerLocationRoutes } from './locations.ts';
export * as inventoryMigration006 from './migrations/2026-11-30-006-locations.ts';
export * as inventoryMigration007 from './migrations/2026-11-30-007-stock.ts';
export {
  releaseStock,
  reserveStock,
  type Sellable,
  type SellableSite,
  type StockChange,
  sellableSites,
  sellableStock,
} from './reservations.ts';
export {
  applyMovement,
  checkLedger,
  InsufficientStock,
  type LedgerMismatch,
  type Movement,
  receiveStock,
} from './stock.ts';
export { importStockCsv, type StockImportResult } from './stock-import.ts';
export { registerStockRoutes } from './stock-routes.ts';
export type { InventoryTables } from './tables.ts';
