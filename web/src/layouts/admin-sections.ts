import type { Permission } from '../../../src/modules/staff/permissions.ts';
import {
  AuditIcon,
  CatalogIcon,
  CustomersIcon,
  type Icon,
  InventoryIcon,
  KeyIcon,
  MailIcon,
  OrdersIcon,
  ReportsIcon,
  ReturnIcon,
  ServiceDeskIcon,
  SettingsIcon,
  StaffIcon,
  TruckIcon,
} from '../components/icons';
import type { Resources } from '../i18n/en';

export interface AdminSection {
  /** The URL segment under /admin. */
  slug: string;
  labelKey: `admin.nav.${Exclude<keyof Resources['admin']['nav'], 'dashboard'>}`;
  icon: Icon;
  /** What the signed-in role needs to see the section; the server checks the same on every call. */
  permission: Permission;
  /** Day-to-day work, or running the shop's Ordo itself. */
  group: 'operations' | 'administration';
}

/** The back-office sections, in navigation order. Routes and the navbar both read this list. */
export const adminSections: readonly AdminSection[] = [
  {
    slug: 'orders',
    labelKey: 'admin.nav.orders',
    icon: OrdersIcon,
    permission: 'orders:read',
    group: 'operations',
  },
  {
    slug: 'inventory',
    labelKey: 'admin.nav.inventory',
    icon: InventoryIcon,
    permission: 'inventory:read',
    group: 'operations',
  },
  {
    slug: 'fulfilment',
    labelKey: 'admin.nav.fulfilment',
    icon: TruckIcon,
    permission: 'fulfillment:read',
    group: 'operations',
  },
  {
    slug: 'returns',
    labelKey: 'admin.nav.returns',
    icon: ReturnIcon,
    permission: 'orders:read',
    group: 'operations',
  },
  {
    slug: 'customers',
    labelKey: 'admin.nav.customers',
    icon: CustomersIcon,
    permission: 'customers:read',
    group: 'operations',
  },
  {
    slug: 'catalog',
    labelKey: 'admin.nav.catalog',
    icon: CatalogIcon,
    permission: 'catalog:read',
    group: 'operations',
  },
  {
    slug: 'service-desk',
    labelKey: 'admin.nav.serviceDesk',
    icon: ServiceDeskIcon,
    permission: 'support:read',
    group: 'operations',
  },
  {
    slug: 'mail',
    labelKey: 'admin.nav.outgoingMail',
    icon: MailIcon,
    permission: 'support:read',
    group: 'operations',
  },
  {
    slug: 'reports',
    labelKey: 'admin.nav.reports',
    icon: ReportsIcon,
    permission: 'reports:read',
    group: 'operations',
  },
  {
    slug: 'settings',
    labelKey: 'admin.nav.settings',
    icon: SettingsIcon,
    permission: 'settings:manage',
    group: 'administration',
  },
  {
    slug: 'staff',
    labelKey: 'admin.nav.staff',
    icon: StaffIcon,
    permission: 'staff:manage',
    group: 'administration',
  },
  {
    slug: 'api-keys',
    labelKey: 'admin.nav.apiKeys',
    icon: KeyIcon,
    permission: 'api-keys:manage',
    group: 'administration',
  },
  {
    slug: 'audit-log',
    labelKey: 'admin.nav.auditLog',
    icon: AuditIcon,
    permission: 'audit:read',
    group: 'administration',
  },
];
