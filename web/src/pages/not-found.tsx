import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Any path no route claims. Inside /admin it renders within the shell and leads back to the dashboard. */
export function NotFound({ homePath }: { homePath: '/' | '/admin' }) {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.documentTitle'));
  const standalone = homePath === '/';

  const content = (
    <Stack align="center" gap="sm" ta="center" maw={480} py="xl">
      <Text fw={700} fz={56} c="indigo.6" lh={1}>
        {t('notFound.code')}
      </Text>
      <Title order={1}>{t('notFound.headline')}</Title>
      <Text c="dimmed">{t('notFound.body')}</Text>
      <Button component={Link} to={homePath} mt="sm">
        {standalone ? t('notFound.home') : t('notFound.adminHome')}
      </Button>
    </Stack>
  );

  if (!standalone) return <Center>{content}</Center>;
  return (
    <Center component="main" id="main" mih="100dvh" p="md">
      {content}
    </Center>
  );
}
