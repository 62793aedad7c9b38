/**
 * Who may do what: the one table every route declares against. A route names one permission in
 * `config.permission`; a staff member has the permissions of their role; an API key has the
 * scopes its owner gave it, where `x:write` includes `x:read`.
 */

export const roles = ['owner', 'admin', 'manager', 'agent', 'warehouse'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'catalog:read',
  'catalog:write',
  'customers:read',
  'customers:write',
  'orders:read',
  'orders:write',
  'orders:refund',
  'inventory:read',
  'inventory:write',
  'fulfillment:read',
  'fulfillment:write',
  'support:read',
  'support:write',
  'reports:read',
  'audit:read',
  'webhooks:manage',
  'settings:manage',
  'staff:manage',
  'api-keys:manage',
] as const;
export type Permission = (typeof permissions)[number];

const all = new Set<Permission>(permissions);
const without = (...excluded: Permission[]) => new Set(permissions.filter((p) => !excluded.includes(p)));

export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  // The shop's owner: everything, and the only one who manages staff and API keys.
  owner: all,
  // Runs the system day to day.
  admin: without('staff:manage', 'api-keys:manage'),
  // Runs operations: orders, stock, fulfilment, service and the catalog; reads reports.
  manager: without('staff:manage', 'api-keys:manage', 'audit:read', 'webhooks:manage', 'settings:manage'),
  // Answers customers: orders, refunds and returns, customer records; sees but does not price the catalog.
  agent: new Set<Permission>([
    'catalog:read',
    'customers:read',
    'customers:write',
    'orders:read',
    'orders:write',
    'orders:refund',
    'inventory:read',
    'fulfillment:read',
    'support:read',
    'support:write',
  ]),
  // Picks, packs and ships; keeps stock right. No money, no customer records beyond reading.
  warehouse: new Set<Permission>([
    'catalog:read',
    'customers:read',
    'orders:read',
    'inventory:read',
    'inventory:write',
    'fulfillment:read',
    'fulfillment:write',
  ]),
};

/** Scopes an API key may carry: anything but managing staff and keys, which stays with people. */
export const apiKeyScopes = permissions.filter((p) => p !== 'staff:manage' && p !== 'api-keys:manage');
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export function permissionsOfScopes(scopes: readonly string[]): Set<Permission> {
  const granted = new Set<Permission>();
  for (const scope of scopes) {
    if (!(apiKeyScopes as readonly string[]).includes(scope)) continue;
    granted.add(scope as Permission);
    if (scope.endsWith(':write')) {
      const read = scope.replace(/:write$/, ':read');
      if ((permissions as readonly string[]).includes(read)) granted.add(read as Permission);
    }
  }
  return granted;
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
