import { Anchor, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/problem-alert';
import { useDateFormat } from '../../i18n/format';
import { useMoneyFormat } from '../../i18n/money';
import { useOrders } from './order-hooks';
import { OrderStatusBadge } from './order-labels';
import classes from './order-panels.module.css';

const countedAtMost = 200;

/** The dashboard's order figures: how many came in today (UTC, as the API counts days) and the latest five. */
export function OrdersTodayCard() {
  const { t } = useTranslation();
  const format = useDateFormat();
  const money = useMoneyFormat();
  const today = new Date().toISOString().slice(0, 10);
  const todays = useOrders({ placedFrom: today }, countedAtMost);
  const latest = useOrders({}, 5);
  const count = todays.data?.pages[0]?.items.length;
  const more = Boolean(todays.data?.pages[0]?.next);
  const orders = latest.data?.pages[0]?.items ?? [];

  return (
    <Paper
      withBorder
      radius="lg"
      p={{ base: 'lg', sm: 'xl' }}
      component="section"
      aria-label={t('orders.dashboard.title')}
    >
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Stack gap={4}>
            <Title order={2} size="h4">
              {t('orders.dashboard.title')}
            </Title>
            {todays.isError ? (
              <ProblemAlert error={todays.error} title={t('common.loadFailedTitle')} />
            ) : count === undefined ? (
              <Loader size="sm" aria-label={t('common.loading')} />
            ) : (
              <>
                <Text fz={40} fw={700} lh={1.1} data-testid="orders-today">
                  {more ? `${countedAtMost}+` : count}
                </Text>
                <Text size="sm" c="dimmed">
                  {more
                    ? t('orders.dashboard.todayMany', { count: countedAtMost })
                    : t('orders.dashboard.today', { count })}
                </Text>
              </>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={600}>{t('orders.dashboard.latest')}</Text>
              <Anchor component={Link} to="/admin/orders" size="sm">
                {t('orders.dashboard.viewAll')}
              </Anchor>
            </Group>
            {latest.isError ? (
              <ProblemAlert error={latest.error} title={t('common.loadFailedTitle')} />
            ) : latest.isPending ? (
              <Loader size="sm" aria-label={t('common.loading')} />
            ) : orders.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('orders.dashboard.none')}
              </Text>
            ) : (
              <ul className={classes.plainList} aria-label={t('orders.dashboard.latestLabel')}>
                {orders.map((order) => (
                  <li key={order.id} className={classes.otherOrder}>
                    <Anchor component={Link} to={`/admin/orders/${order.id}`} size="sm" fw={600}>
                      {t('orders.numberShort', { number: String(order.number) })}
                    </Anchor>
                    <Text size="sm" className={classes.grow} truncate>
                      {order.customerName}
                    </Text>
                    <Text size="sm" c="dimmed" title={format.precise(order.placedAt)}>
                      {format.relative(order.placedAt)}
                    </Text>
                    <OrderStatusBadge value={order.status} size="sm" />
                    <Text size="sm" fw={500} className={classes.amount}>
                      {money(order.totals.total, order.currency)}
                    </Text>
                  </li>
                ))}
              </ul>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
