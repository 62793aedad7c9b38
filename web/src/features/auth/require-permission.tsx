import { Button, EmptyState, Paper, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ArrowLeftIcon, LockIcon } from '../../components/icons';
import type { AdminSection } from '../../layouts/admin-sections';
import { hasPermission, useStaffSession } from './auth-hooks';

/** Shows a section only to roles that have its permission; everyone else learns why not. */
export function RequirePermission({ section, children }: { section: AdminSection; children: ReactNode }) {
  const me = useStaffSession();
  if (hasPermission(me, section.permission)) return children;
  return <NoAccess section={section} />;
}

function NoAccess({ section }: { section: AdminSection }) {
  const { t } = useTranslation();
  const me = useStaffSession();
  const name = t(section.labelKey);
  useDocumentTitle(t('admin.section.documentTitle', { section: name }));
  const role = me.role ? t(`roles.${me.role}`) : me.name;

  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{name}</Title>
      <Paper withBorder radius="lg" py={48} px="lg">
        <EmptyState
          variant="light"
          color="gray"
          icon={<LockIcon size={28} />}
          title={t('admin.forbidden.title')}
          description={t('admin.forbidden.body', { role, section: name })}
        >
          <EmptyState.Actions mt="md">
            <Button component={Link} to="/admin" variant="default" leftSection={<ArrowLeftIcon size={16} />}>
              {t('admin.forbidden.backToDashboard')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    </Stack>
  );
}
