/**
 * Staff, sign-in and access control: who may do what. Other modules declare a permission from
 * `permissions` on each route; this module identifies callers and owns the role table.
 */
export { createStaff, type NewStaff, type StaffDatabase, type StaffMember } from './accounts.ts';
export { createApiKey } from './api-keys.ts';
export { staffAuthenticator } from './auth.ts';
export { demoStaffLogins, seedDemoStaff } from './demo.ts';
export * as staffMigration003 from './migrations/2026-11-30-003-staff.ts';
export {
  apiKeyScopes,
  isRole,
  type Permission,
  permissions,
  type Role,
  rolePermissions,
  roles,
} from './permissions.ts';
export { registerStaffRoutes } from './routes.ts';
export { CreateStaffBody } from './schema.ts';
export { purgeSessions } from './sessions.ts';
export type { StaffTables } from './tables.ts';
