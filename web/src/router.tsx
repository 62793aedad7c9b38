import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { RequirePermission } from './features/auth/require-permission';
import { SessionGate } from './features/auth/session-gate';
import { type AdminSection, adminSections } from './layouts/admin-sections';
import { AdminShell } from './layouts/admin-shell';
import { ApiKeysPage } from './pages/admin/api-keys/api-keys-page';
import { AuditLogPage } from './pages/admin/audit-log/audit-log-page';
import { NewProductPage } from './pages/admin/catalog/new-product-page';
import { ProductDetailPage } from './pages/admin/catalog/product-detail-page';
import { ProductsPage } from './pages/admin/catalog/products-page';
import { CustomerDetailPage } from './pages/admin/customers/customer-detail-page';
import { CustomersPage } from './pages/admin/customers/customers-page';
import { AdminDashboard } from './pages/admin/dashboard';
import { MovementsPage } from './pages/admin/inventory/movements-page';
import { StockPage } from './pages/admin/inventory/stock-page';
import { MailMessagePage } from './pages/admin/mail/mail-message-page';
import { OutgoingMailPage } from './pages/admin/mail/outgoing-mail-page';
import { NewOrderPage } from './pages/admin/orders/new-order-page';
import { OrderDetailPage } from './pages/admin/orders/order-detail-page';
import { OrdersPage } from './pages/admin/orders/orders-page';
import { SectionPlaceholder } from './pages/admin/section-placeholder';
import { SignIn } from './pages/admin/sign-in';
import { StaffPage } from './pages/admin/staff/staff-page';
import { NotFound } from './pages/not-found';
import { Landing } from './pages/portal/landing';

/**
 * The routes under each section with screens of its own (relative to /admin/<slug>); the other
 * sections show a placeholder until their module arrives. Every route of a section needs the
 * section's permission; a page that changes things may ask for more.
 */
const sectionRoutes = (section: AdminSection): RouteObject[] | undefined =>
  ({
    staff: [{ index: true, element: <StaffPage /> }],
    'api-keys': [{ index: true, element: <ApiKeysPage /> }],
    'audit-log': [{ index: true, element: <AuditLogPage /> }],
    catalog: [
      { index: true, element: <ProductsPage /> },
      {
        path: 'new',
        element: (
          <RequirePermission section={section} permission="catalog:write">
            <NewProductPage />
          </RequirePermission>
        ),
      },
      { path: ':id', element: <ProductDetailPage /> },
    ],
    inventory: [
      { index: true, element: <StockPage /> },
      { path: 'movements', element: <MovementsPage /> },
    ],
    customers: [
      { index: true, element: <CustomersPage /> },
      { path: ':id', element: <CustomerDetailPage /> },
    ],
    mail: [
      { index: true, element: <OutgoingMailPage /> },
      { path: ':id', element: <MailMessagePage /> },
    ],
    orders: [
      { index: true, element: <OrdersPage /> },
      {
        path: 'new',
        element: (
          <RequirePermission section={section} permission="orders:write">
            <NewOrderPage />
          </RequirePermission>
        ),
      },
      { path: ':id', element: <OrderDetailPage /> },
    ],
  })[section.slug];

export const router = createBrowserRouter([
  { path: '/', element: <Landing /> },
  { path: '/admin/sign-in', element: <SignIn /> },
  {
    path: '/admin',
    element: (
      <SessionGate>
        <AdminShell />
      </SessionGate>
    ),
    children: [
      { index: true, element: <AdminDashboard /> },
      ...adminSections.map(
        (section): RouteObject => ({
          path: section.slug,
          element: (
            <RequirePermission section={section}>
              <Outlet />
            </RequirePermission>
          ),
          children: [
            ...(sectionRoutes(section) ?? [
              { index: true, element: <SectionPlaceholder section={section} /> },
            ]),
            { path: '*', element: <NotFound homePath="/admin" /> },
          ],
        }),
      ),
      { path: '*', element: <NotFound homePath="/admin" /> },
    ],
  },
  { path: '*', element: <NotFound homePath="/" /> },
]);
