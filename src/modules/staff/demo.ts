import { systemActor } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { createStaff, type StaffDatabase } from './accounts.ts';
import { type Role, roles } from './permissions.ts';

const names: Record<Role, string> = {
  owner: 'Olivia Owner',
  admin: 'Adam Admin',
  manager: 'Maya Manager',
  agent: 'Aaron Agent',
  warehouse: 'Wendy Warehouse',
};

/** The demo's sign-ins: one per role. Only the demo seed creates them, never a normal start. */
export const demoStaffLogins = roles.map((role) => ({
  role,
  email: `${role}@demo.ordo.dev`,
  password: `ordo-demo-${role}`,
}));

export async function seedDemoStaff(database: StaffDatabase, clock: Clock): Promise<string> {
  for (const login of demoStaffLogins) {
    await createStaff(database, clock, systemActor, { ...login, name: names[login.role] });
  }
  return `${demoStaffLogins.length} staff accounts, one per role`;
}
