import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMoneyFormat } from '../../i18n/money';
import type { Order } from './order-hooks';
import { wholeLabel } from './order-labels';
import classes from './order-lines-table.module.css';

/** Basis points as a percentage: 2100 is "21", 550 is "5.5". */
const percent = (basisPoints: number) => String(basisPoints / 100);

/** The order's lines as the server priced them, with where each unit is reserved. */
export function OrderLinesTable({ order }: { order: Order }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const amount = (value: number) => money(value, order.currency);
  const dimmedZero = (value: number) => (
    <Text size="sm" c={value === 0 ? 'dimmed' : undefined}>
      {value}
    </Text>
  );
  return (
    <Table.ScrollContainer minWidth={980} type="native">
      <Table
        verticalSpacing="sm"
        horizontalSpacing="sm"
        className={classes.lines}
        aria-label={t('orders.detail.linesLabel')}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('orders.detail.columns.sku')}</Table.Th>
            <Table.Th>{t('orders.detail.columns.title')}</Table.Th>
            <Table.Th ta="right">{t('orders.detail.columns.quantity')}</Table.Th>
            <Table.Th ta="right">{t('orders.detail.columns.cancelled')}</Table.Th>
            <Table.Th ta="right">{t('orders.detail.columns.backordered')}</Table.Th>
            <Table.Th ta="right">{t('orders.detail.columns.unitPrice')}</Table.Th>
            <Table.Th ta="right">{t('orders.detail.columns.discount')}</Table.Th>
            <Table.Th ta="right">{t('orders.detail.columns.tax')}</Table.Th>
            <Table.Th ta="right">{t('orders.detail.columns.total')}</Table.Th>
            <Table.Th>{t('orders.detail.columns.allocation')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.lines.map((line) => (
            <Table.Tr key={line.id} data-sku={line.sku}>
              <Table.Td>
                <Text size="sm" fw={600} ff="monospace">
                  {line.sku}
                </Text>
              </Table.Td>
              <Table.Td className={classes.title}>
                <Text size="sm">{line.title}</Text>
              </Table.Td>
              <Table.Td ta="right" data-column="quantity">
                <Text size="sm" fw={600}>
                  {line.quantity}
                </Text>
              </Table.Td>
              <Table.Td ta="right" data-column="cancelled">
                {dimmedZero(line.cancelledQuantity)}
              </Table.Td>
              <Table.Td ta="right" data-column="backordered">
                {dimmedZero(line.backordered)}
              </Table.Td>
              <Table.Td ta="right">{amount(line.unitPrice)}</Table.Td>
              <Table.Td ta="right">
                <Text size="sm" c={line.discount === 0 ? 'dimmed' : undefined}>
                  {amount(line.discount)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Stack gap={0} align="flex-end">
                  <Text size="sm">{amount(line.tax)}</Text>
                  <Text size="xs" c="dimmed">
                    {t('orders.detail.taxRate', { rate: percent(line.taxRate) })}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" fw={600}>
                  {amount(line.total)}
                </Text>
              </Table.Td>
              <Table.Td>
                {line.allocations.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('orders.detail.notAllocated')}
                  </Text>
                ) : (
                  <Group gap={4}>
                    {line.allocations.map((allocation) => (
                      <Badge
                        key={allocation.locationId}
                        variant="outline"
                        color="gray"
                        tt="none"
                        fw={500}
                        styles={wholeLabel}
                        title={t('orders.detail.allocationTitle', {
                          quantity: String(allocation.quantity),
                          code: allocation.locationCode,
                        })}
                      >
                        {`${allocation.locationCode} × ${allocation.quantity}`}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The totals the server computed: subtotal, discount, shipping, tax and what the customer pays. */
export function OrderTotals({ order }: { order: Order }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const { totals } = order;
  const rows: [string, number][] = [
    [t('orders.detail.totals.subtotal'), totals.subtotal],
    ...(totals.discount !== 0
      ? [[t('orders.detail.totals.discount'), -totals.discount] as [string, number]]
      : []),
    [t('orders.detail.totals.shipping'), totals.shipping],
    [
      totals.pricesIncludeTax ? t('orders.detail.totals.taxIncluded') : t('orders.detail.totals.tax'),
      totals.tax,
    ],
  ];
  return (
    <dl className={classes.totals} aria-label={t('orders.detail.totals.label')}>
      {rows.map(([label, value]) => (
        <div key={label} className={classes.totalRow}>
          <dt>{label}</dt>
          <dd>{money(value, totals.currency)}</dd>
        </div>
      ))}
      <div className={`${classes.totalRow} ${classes.grandTotal}`}>
        <dt>{t('orders.detail.totals.total')}</dt>
        <dd data-testid="order-total">{money(totals.total, totals.currency)}</dd>
      </div>
    </dl>
  );
}
