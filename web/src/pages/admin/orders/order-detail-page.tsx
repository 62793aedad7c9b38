import { Alert, Anchor, Button, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProblemError } from '../../../api/client';
import { ArrowLeftIcon, PencilIcon, WarningIcon } from '../../../components/icons';
import { MissingRecord } from '../../../components/missing-record';
import { ProblemAlert } from '../../../components/problem-alert';
import { SectionCard } from '../../../components/section-card';
import { hasPermission, useStaffSession } from '../../../features/auth/auth-hooks';
import { CancelOrderModal } from '../../../features/orders/cancel-order-modal';
import { CancelUnitsModal } from '../../../features/orders/cancel-units-modal';
import { EditOrderModal } from '../../../features/orders/edit-order-modal';
import { type Order, useOrder } from '../../../features/orders/order-hooks';
import {
  FulfillmentStatusBadge,
  OrderStatusBadge,
  PaymentStatusBadge,
  useOrderLabels,
} from '../../../features/orders/order-labels';
import { OrderLinesTable, OrderTotals } from '../../../features/orders/order-lines-table';
import { CustomerPanel, DeliveryPanel, PaymentsPanel } from '../../../features/orders/order-panels';
import { changeability } from '../../../features/orders/order-rules';
import { OrderTimeline } from '../../../features/orders/order-timeline';
import { useDateFormat } from '../../../i18n/format';
import { useMoneyFormat } from '../../../i18n/money';

type Dialog = 'edit' | 'cancel' | 'cancel-units' | null;

function StateLine({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {children}
    </Group>
  );
}

function OrderHeader({ order, canWrite }: { order: Order; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const money = useMoneyFormat();
  const labels = useOrderLabels();
  const [dialog, setDialog] = useState<Dialog>(null);
  const state = changeability(order);
  const close = () => setDialog(null);
  const units = order.lines.reduce((sum, line) => sum + line.quantity, 0);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6}>
          <Group gap="md" align="baseline">
            <Title order={1}>{t('orders.number', { number: String(order.number) })}</Title>
            <Text size="xl" fw={700} c="dimmed" data-testid="order-header-total">
              {money(order.totals.total, order.currency)}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {t('orders.detail.placedBy', {
              date: format.dateTime(order.placedAt),
              channel: labels.channel(order.channel),
              actor: order.placedBy.name,
            })}
          </Text>
          <Group gap="lg" mt={4}>
            <StateLine label={t('orders.detail.statusLabel')}>
              <OrderStatusBadge value={order.status} size="lg" />
            </StateLine>
            <StateLine label={t('orders.detail.paymentLabel')}>
              <PaymentStatusBadge value={order.paymentStatus} size="lg" />
            </StateLine>
            <StateLine label={t('orders.detail.fulfillmentLabel')}>
              <FulfillmentStatusBadge value={order.fulfillmentStatus} size="lg" />
            </StateLine>
          </Group>
        </Stack>
        {canWrite && state === 'open' && (
          <Group gap="sm" role="group" aria-label={t('orders.actions.label')}>
            <Button
              variant="default"
              leftSection={<PencilIcon size={16} />}
              onClick={() => setDialog('edit')}
            >
              {t('orders.actions.edit')}
            </Button>
            {units > 1 && (
              <Button variant="default" onClick={() => setDialog('cancel-units')}>
                {t('orders.actions.cancelUnits')}
              </Button>
            )}
            <Button color="red" variant="light" onClick={() => setDialog('cancel')}>
              {t('orders.actions.cancelOrder')}
            </Button>
          </Group>
        )}
      </Group>
      {order.status === 'cancelled' && order.cancelReason && (
        <Alert color="red" variant="light" icon={<WarningIcon size={18} />}>
          {t('orders.detail.cancelledBecause', { reason: order.cancelReason })}
        </Alert>
      )}
      {order.status === 'on_hold' && order.holdReason && (
        <Alert color="yellow" variant="light" icon={<WarningIcon size={18} />}>
          {t('orders.detail.onHold', { reason: order.holdReason })}
        </Alert>
      )}
      {canWrite && state === 'picking' && (
        <Text size="sm" c="dimmed">
          {t('orders.detail.lockedPicking')}
        </Text>
      )}
      {canWrite && state === 'open' && (
        <>
          <EditOrderModal order={order} opened={dialog === 'edit'} onClose={close} />
          <CancelOrderModal order={order} opened={dialog === 'cancel'} onClose={close} />
          <CancelUnitsModal order={order} opened={dialog === 'cancel-units'} onClose={close} />
        </>
      )}
    </Stack>
  );
}

/** /admin/orders/:id: the order's lines, totals, customer, delivery, payments and timeline, and what staff may do next. */
export function OrderDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useStaffSession();
  const canWrite = hasPermission(me, 'orders:write');
  const order = useOrder(id);
  const data = order.data;
  useDocumentTitle(
    data ? t('orders.detail.documentTitle', { number: String(data.number) }) : t('orders.documentTitle'),
  );
  const missing = order.error instanceof ProblemError && order.error.status === 404;

  return (
    <Stack gap="lg" maw={1320}>
      <Anchor component={Link} to="/admin/orders" size="sm">
        <Group gap={4} component="span">
          <ArrowLeftIcon size={14} />
          {t('orders.backToList')}
        </Group>
      </Anchor>
      {missing ? (
        <MissingRecord
          title={t('orders.detail.missingTitle')}
          body={t('orders.detail.missingBody')}
          backTo="/admin/orders"
          backLabel={t('orders.backToList')}
        />
      ) : order.isError && !data ? (
        <ProblemAlert error={order.error} title={t('orders.detail.loadFailedTitle')} />
      ) : data ? (
        <>
          <OrderHeader order={data} canWrite={canWrite} />
          <SectionCard title={t('orders.detail.linesTitle')}>
            <OrderLinesTable order={data} />
            <OrderTotals order={data} />
          </SectionCard>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 6, xl: 5 }}>
              <Stack gap="lg">
                <CustomerPanel order={data} />
                <DeliveryPanel order={data} />
                <PaymentsPanel order={data} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6, xl: 7 }}>
              <SectionCard title={t('orders.timeline.title')}>
                <OrderTimeline orderId={data.id} />
              </SectionCard>
            </Grid.Col>
          </Grid>
        </>
      ) : (
        <Group justify="center" p="xl">
          <Loader aria-label={t('common.loading')} />
        </Group>
      )}
    </Stack>
  );
}
