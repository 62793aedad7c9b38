import { Anchor, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PlusIcon } from '../../../components/icons';
import { LoadMore } from '../../../components/load-more';
import { ProblemAlert } from '../../../components/problem-alert';
import { useUrlFilter } from '../../../components/use-url-filter';
import { hasPermission, useStaffSession } from '../../../features/auth/auth-hooks';
import { type Order, useOrders } from '../../../features/orders/order-hooks';
import {
  FulfillmentStatusBadge,
  OrderStatusBadge,
  PaymentStatusBadge,
  useOrderLabels,
} from '../../../features/orders/order-labels';
import { useDateFormat } from '../../../i18n/format';
import { useMoneyFormat } from '../../../i18n/money';
import { apiFilterOf, OrderFilters, orderFilterNames } from './order-filters';
import classes from './orders.module.css';

const columnCount = 9;

function OrderRow({ order }: { order: Order }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useDateFormat();
  const money = useMoneyFormat();
  const labels = useOrderLabels();
  const path = `/admin/orders/${order.id}`;
  return (
    <Table.Tr
      className={classes.row}
      onClick={(event) => {
        // The number is a link of its own; anything else on the row opens the order too.
        if (!(event.target instanceof Element && event.target.closest('a'))) navigate(path);
      }}
    >
      <Table.Td>
        <Anchor component={Link} to={path} fw={700} size="sm">
          {t('orders.numberShort', { number: String(order.number) })}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm" component="time" dateTime={order.placedAt} title={format.precise(order.placedAt)}>
          {format.dateTime(order.placedAt)}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'normal' }} miw={200}>
        <Text size="sm" fw={500}>
          {order.customerName}
        </Text>
        <Text size="xs" c="dimmed" className={classes.email}>
          {order.email ?? t('orders.list.noEmail')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{labels.channel(order.channel)}</Text>
      </Table.Td>
      <Table.Td>
        <OrderStatusBadge value={order.status} />
      </Table.Td>
      <Table.Td>
        <PaymentStatusBadge value={order.paymentStatus} />
      </Table.Td>
      <Table.Td>
        <FulfillmentStatusBadge value={order.fulfillmentStatus} />
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm" fw={600}>
          {money(order.totals.total, order.currency)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {order.promisedDeliveryDate ? format.day(order.promisedDeliveryDate) : t('common.none')}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** /admin/orders: every order, newest first, searchable and filtered by state, channel, date and SKU. */
export function OrdersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('orders.documentTitle'));
  const me = useStaffSession();
  const canWrite = hasPermission(me, 'orders:write');
  const [filter, setFilter] = useUrlFilter(orderFilterNames);
  const list = useOrders(apiFilterOf(filter));
  const orders = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = orderFilterNames.some((name) => filter[name]);

  return (
    <Stack gap="lg" maw={1320}>
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={4} maw={680}>
          <Title order={1}>{t('orders.title')}</Title>
          <Text c="dimmed">{t('orders.lead')}</Text>
        </Stack>
        {canWrite && (
          <Button component={Link} to="/admin/orders/new" leftSection={<PlusIcon size={16} />}>
            {t('orders.newOrder')}
          </Button>
        )}
      </Group>

      <OrderFilters
        filter={filter}
        onChange={setFilter}
        fetching={list.isFetching && !list.isFetchingNextPage && !list.isPending}
      />

      {list.isError && !list.data ? (
        <ProblemAlert error={list.error} title={t('common.loadFailedTitle')} />
      ) : (
        <Paper withBorder radius="lg" style={{ overflow: 'hidden' }}>
          {list.isPending ? (
            <Group justify="center" p="xl">
              <Loader aria-label={t('common.loading')} />
            </Group>
          ) : (
            <Table.ScrollContainer minWidth={1120} type="native">
              <Table
                verticalSpacing="sm"
                horizontalSpacing="md"
                className={classes.numbers}
                aria-label={t('orders.list.tableLabel')}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('orders.list.columns.number')}</Table.Th>
                    <Table.Th>{t('orders.list.columns.placed')}</Table.Th>
                    <Table.Th>{t('orders.list.columns.customer')}</Table.Th>
                    <Table.Th>{t('orders.list.columns.channel')}</Table.Th>
                    <Table.Th>{t('orders.list.columns.status')}</Table.Th>
                    <Table.Th>{t('orders.list.columns.payment')}</Table.Th>
                    <Table.Th>{t('orders.list.columns.fulfillment')}</Table.Th>
                    <Table.Th ta="right">{t('orders.list.columns.total')}</Table.Th>
                    <Table.Th>{t('orders.list.columns.promised')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {orders.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={columnCount}>
                        <Text c="dimmed" ta="center" py="lg">
                          {filtered ? t('orders.list.emptyFiltered') : t('orders.list.empty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {orders.map((order) => (
                    <OrderRow key={order.id} order={order} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      )}
      <LoadMore
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
        error={list.isFetchNextPageError ? list.error : null}
      />
    </Stack>
  );
}
