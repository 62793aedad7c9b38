import { Button, EmptyState, Paper, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Permission } from '../../../../src/modules/staff/permissions.ts';
import { ArrowLeftIcon, LockIcon } from '../../components/icons';
import type { AdminSection } from '../../layouts/admin-sections';
import { hasPermission, useStaffSession } from './auth-hooks';

interface RequirePermissionProps {
  section: AdminSection;
  /** What a page of the section needs beyond seeing the section, e.g. `catalog:write` to create. */
  permission?: Permission;
  children: ReactNode;
}

/** Shows a section only to roles that have its permission; everyone else learns why not. */
export function RequirePermission({ section, permission, children }: RequirePermissionProps) {
  const me = useStaffSession();
  if (hasPermission(me, permission ?? section.permission)) return children;
  return (
    <NoAccess section={section} toChange={permission !== undefined && permission !== section.permission} />
  );
}

function NoAccess({ section, toChange }: { section: AdminSection; toChange: boolean }) {
  const { t } = useTranslation();
  const me = useStaffSession();
  const name = t(section.labelKey);
  useDocumentTitle(t('admin.section.documentTitle', { section: name }));
  const role = me.role ? t(`roles.${me.role}`) : me.name;
  const canSee = hasPermission(me, section.permission);

  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{name}</Title>
      <Paper withBorder radius="lg" py={48} px="lg">
        <EmptyState
          variant="light"
          color="gray"
          icon={<LockIcon size={28} />}
          title={t('admin.forbidden.title')}
          description={
            toChange && canSee
              ? t('admin.forbidden.changeBody', { role, section: name })
              : t('admin.forbidden.body', { role, section: name })
          }
        >
          <EmptyState.Actions mt="md">
            {toChange && canSee ? (
              <Button
                component={Link}
                to={`/admin/${section.slug}`}
                variant="default"
                leftSection={<ArrowLeftIcon size={16} />}
              >
                {t('admin.forbidden.backToSection', { section: name })}
              </Button>
            ) : (
              <Button
                component={Link}
                to="/admin"
                variant="default"
                leftSection={<ArrowLeftIcon size={16} />}
              >
                {t('admin.forbidden.backToDashboard')}
              </Button>
            )}
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    </Stack>
  );
}
