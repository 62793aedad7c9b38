import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ExternalLinkIcon } from '../../components/icons';

/** /admin: placeholder dashboard until the modules bring their own figures. */
export function AdminDashboard() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.dashboard.documentTitle'));

  return (
    <Stack gap="lg" maw={760}>
      <Stack gap="xs">
        <Title order={1}>{t('admin.dashboard.headline')}</Title>
        <Text size="lg">{t('admin.dashboard.lead')}</Text>
      </Stack>
      <Paper withBorder radius="lg" p={{ base: 'lg', sm: 'xl' }}>
        <Stack gap="md" align="flex-start">
          <Title order={2} size="h4">
            {t('admin.dashboard.apiTitle')}
          </Title>
          <Text c="dimmed">{t('admin.dashboard.body')}</Text>
          <Group>
            <Button component="a" href="/docs" rightSection={<ExternalLinkIcon size={16} />}>
              {t('admin.dashboard.apiDocs')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
