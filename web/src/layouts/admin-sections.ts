import {
  CatalogIcon,
  CustomersIcon,
  type Icon,
  InventoryIcon,
  OrdersIcon,
  ReportsIcon,
  ReturnIcon,
  ServiceDeskIcon,
  SettingsIcon,
  TruckIcon,
} from '../components/icons';
import type { Resources } from '../i18n/en';

export interface AdminSection {
  /** The URL segment under /admin. */
  slug: string;
  labelKey: `admin.nav.${Exclude<keyof Resources['admin']['nav'], 'dashboard'>}`;
  icon: Icon;
}

/** The back-office sections, in navigation order. Routes and the navbar both read this list. */
export const adminSections: readonly AdminSection[] = [
  { slug: 'orders', labelKey: 'admin.nav.orders', icon: OrdersIcon },
  { slug: 'inventory', labelKey: 'admin.nav.inventory', icon: InventoryIcon },
  { slug: 'fulfilment', labelKey: 'admin.nav.fulfilment', icon: TruckIcon },
  { slug: 'returns', labelKey: 'admin.nav.returns', icon: ReturnIcon },
  { slug: 'customers', labelKey: 'admin.nav.customers', icon: CustomersIcon },
  { slug: 'catalog', labelKey: 'admin.nav.catalog', icon: CatalogIcon },
  { slug: 'service-desk', labelKey: 'admin.nav.serviceDesk', icon: ServiceDeskIcon },
  { slug: 'reports', labelKey: 'admin.nav.reports', icon: ReportsIcon },
  { slug: 'settings', labelKey: 'admin.nav.settings', icon: SettingsIcon },
];
