import { Button, Center, Loader, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ProblemAlert } from '../../components/problem-alert';
import { useMe } from './auth-hooks';
import { signInPathFor } from './sign-in-redirect';

/** Renders the back office only for a signed-in staff member; sends anyone else to sign in first. */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();

  if (me.data) return children;
  if (me.data === null) return <Navigate to={signInPathFor(location)} replace />;
  if (me.isError) {
    return (
      <Center component="main" id="main" mih="100dvh" p="md">
        <Stack maw={440} w="100%" gap="md">
          <ProblemAlert error={me.error} title={t('admin.session.failedTitle')} />
          <Button variant="default" loading={me.isFetching} onClick={() => me.refetch()}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Center>
    );
  }
  return (
    <Center component="main" id="main" mih="100dvh" aria-busy="true">
      <Loader aria-label={t('admin.session.checking')} />
    </Center>
  );
}
