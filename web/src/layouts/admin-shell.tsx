import {
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  NavLink,
  ScrollArea,
  Text,
  useMantineTheme,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { DashboardIcon, type Icon } from '../components/icons';
import { OrdoMark } from '../components/ordo-mark';
import { SkipLink } from '../components/skip-link';
import { AccountMenu } from '../features/auth/account-menu';
import { hasPermission, useStaffSession } from '../features/auth/auth-hooks';
import { type AdminSection, adminSections } from './admin-sections';
import classes from './admin-shell.module.css';

const navigationId = 'admin-navigation';
const burgerId = 'admin-navigation-toggle';

interface ShellLinkProps {
  to: string;
  label: string;
  icon: Icon;
  active: boolean;
  onNavigate: () => void;
}

function ShellLink({ to, label, icon: SectionIcon, active, onNavigate }: ShellLinkProps) {
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      leftSection={<SectionIcon size={18} />}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      className={classes.navLink}
    />
  );
}

/** The back-office frame: header, section navigation (a drawer on small screens) and the page. */
export function AdminShell() {
  const { t } = useTranslation();
  const me = useStaffSession();
  // The server refuses what a role may not do; the navigation only leaves out what would be refused.
  const allowed = adminSections.filter((section) => hasPermission(me, section.permission));
  const operations = allowed.filter((section) => section.group === 'operations');
  const administration = allowed.filter((section) => section.group === 'administration');
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const theme = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`);
  // Below the breakpoint the navbar is a drawer: keep its links out of the tab order while it is
  // closed, and the page out of it while it covers the page.
  const drawerClosed = !wide && !opened;
  const drawerOpen = !wide && opened;
  const isActive = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  const renderLink = (section: AdminSection) => (
    <ShellLink
      key={section.slug}
      to={`/admin/${section.slug}`}
      label={t(section.labelKey)}
      icon={section.icon}
      active={isActive(`/admin/${section.slug}`)}
      onNavigate={close}
    />
  );

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              id={burgerId}
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('admin.closeNavigation') : t('admin.openNavigation')}
              aria-expanded={opened}
              aria-controls={navigationId}
            />
            <Link to="/admin" className={classes.brand}>
              <OrdoMark />
              <Text component="span" fw={700} fz="lg">
                {t('common.productName')}
              </Text>
            </Link>
            <Badge variant="light" color="gray" visibleFrom="xs">
              {t('admin.backOffice')}
            </Badge>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Button component={Link} to="/" variant="subtle" color="gray" visibleFrom="sm">
              {t('admin.customerPortal')}
            </Button>
            <AccountMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        id={navigationId}
        component="nav"
        aria-label={t('admin.mainNavigation')}
        p="sm"
        inert={drawerClosed}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && drawerOpen) {
            close();
            document.getElementById(burgerId)?.focus();
          }
        }}
      >
        <AppShell.Section grow component={ScrollArea}>
          <ShellLink
            to="/admin"
            label={t('admin.nav.dashboard')}
            icon={DashboardIcon}
            active={pathname === '/admin' || pathname === '/admin/'}
            onNavigate={close}
          />
          {operations.map(renderLink)}
          {administration.length > 0 && (
            <>
              <Text component="h2" className={classes.navGroup}>
                {t('admin.navGroups.administration')}
              </Text>
              {administration.map(renderLink)}
            </>
          )}
        </AppShell.Section>
        <AppShell.Section hiddenFrom="sm" className={classes.navFooter}>
          <NavLink component={Link} to="/" label={t('admin.customerPortal')} onClick={close} />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} className={classes.main} inert={drawerOpen}>
        <Outlet />
        {/* A page opened from far down a list starts at its top; Back returns to where the list was.
            Keyed by path, so changing a list's filters (the query string) leaves the scroll alone. */}
        <ScrollRestoration getKey={(location) => location.pathname} />
      </AppShell.Main>
    </AppShell>
  );
}
