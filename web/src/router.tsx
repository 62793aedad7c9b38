import { createBrowserRouter } from 'react-router';
import { adminSections } from './layouts/admin-sections';
import { AdminShell } from './layouts/admin-shell';
import { AdminDashboard } from './pages/admin/dashboard';
import { SectionPlaceholder } from './pages/admin/section-placeholder';
import { SignIn } from './pages/admin/sign-in';
import { NotFound } from './pages/not-found';
import { Landing } from './pages/portal/landing';

export const router = createBrowserRouter([
  { path: '/', element: <Landing /> },
  { path: '/admin/sign-in', element: <SignIn /> },
  {
    path: '/admin',
    element: <AdminShell />,
    children: [
      { index: true, element: <AdminDashboard /> },
      ...adminSections.map((section) => ({
        path: section.slug,
        element: <SectionPlaceholder section={section} />,
      })),
      { path: '*', element: <NotFound homePath="/admin" /> },
    ],
  },
  { path: '*', element: <NotFound homePath="/" /> },
]);
