/** Customers: who buys, how to reach them, where to ship, and their timeline. */

export { demoCustomers, seedDemoCustomers } from './demo.ts';
export { type BuyerDetails, findOrCreateCustomer, type MatchedCustomer } from './matching.ts';
export * as customersMigration005 from './migrations/2026-11-30-005-customers.ts';
export { type Customer, getCustomer, loadCustomers, searchCustomers } from './queries.ts';
export { registerCustomerRoutes } from './routes.ts';
export { createCustomer, updateCustomer } from './service.ts';
export type { CustomerTables } from './tables.ts';
export { type NewTimelineEntry, recordTimeline, timelineBatch } from './timeline.ts';
