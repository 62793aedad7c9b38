import {
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExternalLinkIcon } from '../../components/icons';
import { hasPermission, useStaffSession } from '../../features/auth/auth-hooks';
import { OrdersTodayCard } from '../../features/orders/orders-today-card';
import { adminSections } from '../../layouts/admin-sections';
import classes from './dashboard.module.css';

/** /admin: today's orders, and the sections the role may open, until more modules bring their figures. */
export function AdminDashboard() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.dashboard.documentTitle'));
  const me = useStaffSession();
  const sections = adminSections.filter((section) => hasPermission(me, section.permission));

  return (
    <Stack gap="lg" maw={960}>
      <Stack gap="xs" maw={760}>
        <Title order={1}>{t('admin.dashboard.headline')}</Title>
        <Text size="lg">{t('admin.dashboard.lead')}</Text>
        {me.role && (
          <Text c="dimmed">
            {t('admin.dashboard.roleSummary', {
              name: me.name,
              role: t(`roles.${me.role}`),
              description: t(`roles.description.${me.role}`),
            })}
          </Text>
        )}
      </Stack>
      {hasPermission(me, 'orders:read') && <OrdersTodayCard />}
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('admin.dashboard.sectionsTitle')}
        </Title>
        <SimpleGrid cols={{ base: 2, xs: 3, md: 4 }} spacing="sm">
          {sections.map((section) => {
            const SectionIcon = section.icon;
            return (
              <UnstyledButton
                key={section.slug}
                component={Link}
                to={`/admin/${section.slug}`}
                className={classes.section}
              >
                <Group gap="sm" wrap="nowrap">
                  <ThemeIcon variant="light" size={36} radius="md">
                    <SectionIcon size={20} />
                  </ThemeIcon>
                  <Text fw={600} size="sm">
                    {t(section.labelKey)}
                  </Text>
                </Group>
              </UnstyledButton>
            );
          })}
        </SimpleGrid>
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
