import { Button, EmptyState, Paper, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ArrowLeftIcon, ExternalLinkIcon } from '../../components/icons';
import type { AdminSection } from '../../layouts/admin-sections';

/** /admin/<section> for every section whose screens are not built yet. */
export function SectionPlaceholder({ section }: { section: AdminSection }) {
  const { t } = useTranslation();
  const name = t(section.labelKey);
  const SectionIcon = section.icon;
  useDocumentTitle(t('admin.section.documentTitle', { section: name }));

  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{name}</Title>
      <Paper withBorder radius="lg" py={48} px="lg">
        <EmptyState
          variant="light"
          icon={<SectionIcon size={28} />}
          title={t('admin.section.comingLater')}
          description={t('admin.section.comingLaterBody', { section: name })}
        >
          <EmptyState.Actions mt="md">
            <Button component={Link} to="/admin" variant="default" leftSection={<ArrowLeftIcon size={16} />}>
              {t('admin.section.backToDashboard')}
            </Button>
            <Button component="a" href="/docs" variant="light" rightSection={<ExternalLinkIcon size={16} />}>
              {t('admin.section.apiDocs')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    </Stack>
  );
}
