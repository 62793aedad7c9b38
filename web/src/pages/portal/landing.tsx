import { Anchor, Container, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ReturnIcon, TruckIcon } from '../../components/icons';
import { OrdoMark } from '../../components/ordo-mark';
import { SkipLink } from '../../components/skip-link';
import classes from './landing.module.css';
import { OrderLookupCard } from './order-lookup-card';

/** `/`: the customer portal's front door: track an order or start a return. */
export function Landing() {
  const { t } = useTranslation();
  const shop = t('portal.shopName');
  useDocumentTitle(t('portal.documentTitle', { shop }));

  return (
    <div className={classes.page}>
      <SkipLink />
      <header className={classes.header}>
        <Container size="lg" py="md">
          <Group gap="xs">
            <OrdoMark />
            <Text component="span" fw={700} fz="lg">
              {shop}
            </Text>
          </Group>
        </Container>
      </header>

      <Container component="main" id="main" tabIndex={-1} size="md" className={classes.main}>
        <Stack align="center" ta="center" gap="sm" mb={40}>
          <Text c="indigo.7" fw={700} tt="uppercase" fz="xs" lts={1}>
            {t('portal.eyebrow')}
          </Text>
          <Title order={1} className={classes.headline}>
            {t('portal.headline')}
          </Title>
          <Text c="dimmed" size="lg" maw={560}>
            {t('portal.lead')}
          </Text>
        </Stack>

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <OrderLookupCard
            title={t('portal.track.title')}
            description={t('portal.track.description')}
            submitLabel={t('portal.track.submit')}
            icon={TruckIcon}
            primary
            notice={({ orderNumber }) => ({
              title: t('portal.track.comingSoonTitle'),
              body: t('portal.track.comingSoonBody', { orderNumber }),
            })}
          />
          <OrderLookupCard
            title={t('portal.return.title')}
            description={t('portal.return.description')}
            submitLabel={t('portal.return.submit')}
            icon={ReturnIcon}
            notice={({ orderNumber }) => ({
              title: t('portal.return.comingSoonTitle'),
              body: t('portal.return.comingSoonBody', { orderNumber }),
            })}
          />
        </SimpleGrid>
      </Container>

      <footer className={classes.footer}>
        <Container size="lg" py="lg">
          <Group justify="space-between" gap="sm">
            <Text c="dimmed" size="sm">
              {t('portal.footer.poweredBy')}
            </Text>
            <Anchor component={Link} to="/admin" size="sm">
              {t('portal.footer.staffSignIn')}
            </Anchor>
          </Group>
        </Container>
      </footer>
    </div>
  );
}
