import { Anchor, DataList, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../components/section-card';
import { useDateFormat } from '../../i18n/format';
import { useMoneyFormat } from '../../i18n/money';
import { useCountryName, useLanguageName } from '../../i18n/regions';
import { type Order, type OrderAddress, useOrders, useShippingRates } from './order-hooks';
import { OrderStatusBadge, PaymentStatusBadge, useOrderLabels } from './order-labels';
import classes from './order-panels.module.css';

function AddressBlock({ address }: { address: OrderAddress }) {
  const countryName = useCountryName();
  const lines = [
    address.line1,
    address.line2,
    [address.postalCode, address.city].filter(Boolean).join(' '),
    address.region,
    countryName(address.country),
  ].filter((line): line is string => Boolean(line));
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {address.name}
      </Text>
      {lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one address, in a fixed order
        <Text key={index} size="sm">
          {line}
        </Text>
      ))}
      {address.phone && (
        <Text size="sm" c="dimmed">
          {address.phone}
        </Text>
      )}
    </Stack>
  );
}

const sameAddress = (a: OrderAddress, b: OrderAddress) => JSON.stringify(a) === JSON.stringify(b);

/** Who ordered, how to reach them, and their other recent orders. */
export function CustomerPanel({ order }: { order: Order }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const money = useMoneyFormat();
  const languageName = useLanguageName();
  const recent = useOrders({ customerId: order.customerId }, 6);
  const others = (recent.data?.pages[0]?.items ?? []).filter((other) => other.id !== order.id).slice(0, 5);
  const none = (
    <Text span size="sm" c="dimmed">
      {t('common.none')}
    </Text>
  );
  return (
    <SectionCard title={t('orders.detail.customerTitle')}>
      <Stack gap={2}>
        <Anchor component={Link} to={`/admin/customers/${order.customerId}`} fw={600}>
          {order.customerName}
        </Anchor>
      </Stack>
      <DataList size="sm" gap="sm" labelWidth={90}>
        <DataList.Item>
          <DataList.ItemLabel>{t('customers.form.email')}</DataList.ItemLabel>
          <DataList.ItemValue className={classes.breakAnywhere}>
            {order.email ? (
              <Anchor href={`mailto:${order.email}`} size="sm">
                {order.email}
              </Anchor>
            ) : (
              none
            )}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('customers.form.phone')}</DataList.ItemLabel>
          <DataList.ItemValue>
            {order.phone ? (
              <Anchor href={`tel:${order.phone}`} size="sm">
                {order.phone}
              </Anchor>
            ) : (
              none
            )}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('orders.detail.language')}</DataList.ItemLabel>
          <DataList.ItemValue>{languageName(order.language)}</DataList.ItemValue>
        </DataList.Item>
      </DataList>
      <Stack gap="xs">
        <Group justify="space-between" gap="sm">
          <Text size="sm" fw={600}>
            {t('orders.detail.otherOrders')}
          </Text>
          <Anchor component={Link} to={`/admin/orders?customerId=${order.customerId}`} size="sm">
            {t('orders.detail.allTheirOrders')}
          </Anchor>
        </Group>
        {recent.isSuccess && others.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('orders.detail.noOtherOrders')}
          </Text>
        ) : (
          <ul
            className={classes.plainList}
            aria-label={t('orders.detail.otherOrdersLabel', { name: order.customerName })}
          >
            {others.map((other) => (
              <li key={other.id} className={classes.otherOrder}>
                <Anchor component={Link} to={`/admin/orders/${other.id}`} size="sm" fw={600}>
                  {t('orders.numberShort', { number: String(other.number) })}
                </Anchor>
                <Text size="sm" c="dimmed" className={classes.grow}>
                  {format.date(other.placedAt)}
                </Text>
                <OrderStatusBadge value={other.status} size="sm" />
                <Text size="sm" fw={500} className={classes.amount}>
                  {money(other.totals.total, other.currency)}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Stack>
    </SectionCard>
  );
}

/** Where and how it ships, when it is promised, and the team's notes. */
export function DeliveryPanel({ order }: { order: Order }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const rates = useShippingRates(order.shippingAddress.country, order.currency);
  const method =
    rates.data?.find((rate) => rate.method === order.shippingMethod)?.name ?? order.shippingMethod;
  return (
    <SectionCard title={t('orders.detail.deliveryTitle')}>
      <DataList size="sm" gap="sm" labelWidth={130}>
        <DataList.Item>
          <DataList.ItemLabel>{t('orders.detail.shippingAddress')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <AddressBlock address={order.shippingAddress} />
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('orders.detail.billingAddress')}</DataList.ItemLabel>
          <DataList.ItemValue>
            {sameAddress(order.billingAddress, order.shippingAddress) ? (
              <Text size="sm" c="dimmed">
                {t('orders.detail.sameAsShipping')}
              </Text>
            ) : (
              <AddressBlock address={order.billingAddress} />
            )}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('orders.detail.shippingMethod')}</DataList.ItemLabel>
          <DataList.ItemValue>{method}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('orders.detail.promised')}</DataList.ItemLabel>
          <DataList.ItemValue>
            {order.promisedDeliveryDate ? format.day(order.promisedDeliveryDate) : t('common.none')}
          </DataList.ItemValue>
        </DataList.Item>
        {order.requestedDeliveryDate && (
          <DataList.Item>
            <DataList.ItemLabel>{t('orders.detail.requested')}</DataList.ItemLabel>
            <DataList.ItemValue>{format.day(order.requestedDeliveryDate)}</DataList.ItemValue>
          </DataList.Item>
        )}
        {order.notes && (
          <DataList.Item>
            <DataList.ItemLabel>{t('orders.detail.notes')}</DataList.ItemLabel>
            <DataList.ItemValue className={classes.notes}>{order.notes}</DataList.ItemValue>
          </DataList.Item>
        )}
      </DataList>
    </SectionCard>
  );
}

/** Each payment: how, through which provider, its state, and what was captured or refunded. */
export function PaymentsPanel({ order }: { order: Order }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const labels = useOrderLabels();
  const amount = (value: number) => money(value, order.currency);
  return (
    <SectionCard title={t('orders.detail.paymentsTitle')}>
      {order.payments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('orders.detail.noPayments')}
        </Text>
      ) : (
        <Stack gap="md" component="ul" className={classes.plainList}>
          {order.payments.map((payment) => (
            <Stack key={payment.id} gap={6} component="li">
              <Group justify="space-between" gap="sm" wrap="nowrap">
                <Text size="sm" fw={600}>
                  {/* The provider only adds something when it is not the method itself (manual). */}
                  {payment.provider === payment.method
                    ? labels.paymentMethod(payment.method)
                    : t('orders.detail.paymentVia', {
                        method: labels.paymentMethod(payment.method),
                        provider: payment.provider,
                      })}
                </Text>
                <PaymentStatusBadge value={payment.status} />
              </Group>
              <DataList size="sm" gap={4} labelWidth={110}>
                <DataList.Item>
                  <DataList.ItemLabel>{t('orders.detail.paymentAmount')}</DataList.ItemLabel>
                  <DataList.ItemValue>{amount(payment.amount)}</DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>{t('orders.detail.captured')}</DataList.ItemLabel>
                  <DataList.ItemValue>{amount(payment.captured)}</DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>{t('orders.detail.refunded')}</DataList.ItemLabel>
                  <DataList.ItemValue>{amount(payment.refunded)}</DataList.ItemValue>
                </DataList.Item>
              </DataList>
              {payment.declineReason && (
                <Text size="sm" c="red">
                  {t('orders.detail.declined', { reason: payment.declineReason })}
                </Text>
              )}
            </Stack>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
