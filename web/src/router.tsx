import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequirePermission } from './features/auth/require-permission';
import { SessionGate } from './features/auth/session-gate';
import { adminSections } from './layouts/admin-sections';
import { AdminShell } from './layouts/admin-shell';
import { ApiKeysPage } from './pages/admin/api-keys/api-keys-page';
import { AuditLogPage } from './pages/admin/audit-log/audit-log-page';
import { AdminDashboard } from './pages/admin/dashboard';
import { SectionPlaceholder } from './pages/admin/section-placeholder';
import { SignIn } from './pages/admin/sign-in';
import { StaffPage } from './pages/admin/staff/staff-page';
import { NotFound } from './pages/not-found';
import { Landing } from './pages/portal/landing';

/** Sections with screens of their own; the others show a placeholder until their module arrives. */
const sectionPages: Partial<Record<string, ComponentType>> = {
  staff: StaffPage,
  'api-keys': ApiKeysPage,
  'audit-log': AuditLogPage,
};

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
      ...adminSections.map((section) => {
        const Page = sectionPages[section.slug];
        return {
          path: section.slug,
          element: (
            <RequirePermission section={section}>
              {Page ? <Page /> : <SectionPlaceholder section={section} />}
            </RequirePermission>
          ),
        };
      }),
      { path: '*', element: <NotFound homePath="/admin" /> },
    ],
  },
  { path: '*', element: <NotFound homePath="/" /> },
]);
