import { Badge, type BadgeProps, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type FulfillmentStatus,
  fulfillmentLifecycle,
  type OrderStatus,
  orderLifecycle,
} from '../../../../src/modules/orders/states.ts';
import { type Channel, channels, staffChannels } from '../../../../src/modules/orders/tables.ts';
import { type PaymentStatus, paymentLifecycle } from '../../../../src/modules/payments/states.ts';
import { enOrders } from '../../i18n/en-orders';

export { staffChannels };
export const manualKinds = ['invoice', 'cash_on_delivery', 'bank_transfer', 'cash'] as const;
export type ManualKind = (typeof manualKinds)[number];

// Each state its own colour within its lifecycle, so a column of badges reads at a glance.
const statusColors: Record<OrderStatus, MantineColor> = {
  pending: 'gray',
  confirmed: 'blue',
  on_hold: 'yellow',
  processing: 'violet',
  completed: 'green',
  cancelled: 'red',
};
const paymentColors: Record<PaymentStatus, MantineColor> = {
  pending: 'gray',
  authorized: 'cyan',
  partially_captured: 'teal',
  captured: 'green',
  partially_refunded: 'orange',
  refunded: 'grape',
  voided: 'dark',
  failed: 'red',
};
const fulfillmentColors: Record<FulfillmentStatus, MantineColor> = {
  unfulfilled: 'gray',
  backordered: 'orange',
  partially_fulfilled: 'indigo',
  fulfilled: 'teal',
  partially_delivered: 'lime',
  delivered: 'green',
};

const known = <T extends string>(table: Record<T, unknown>, value: string): value is T =>
  Object.hasOwn(table, value);

/**
 * Names of the states, channels and payment kinds the server sends. A value added on the server
 * shows up under its own name until it gets a translation.
 */
export function useOrderLabels() {
  const { t } = useTranslation();
  return {
    status: (value: string) => (known(enOrders.status, value) ? t(`orders.status.${value}`) : value),
    payment: (value: string) =>
      known(enOrders.paymentStatus, value) ? t(`orders.paymentStatus.${value}`) : value,
    fulfillment: (value: string) =>
      known(enOrders.fulfillmentStatus, value) ? t(`orders.fulfillmentStatus.${value}`) : value,
    channel: (value: string) => (known(enOrders.channel, value) ? t(`orders.channel.${value}`) : value),
    manualKind: (value: string) =>
      known(enOrders.manualKind, value) ? t(`orders.manualKind.${value}`) : value,
    paymentMethod: (value: string) =>
      known(enOrders.paymentMethod, value) ? t(`orders.paymentMethod.${value}`) : value,
  };
}

/** Select options for each filter, in lifecycle order. */
export function useOrderFilterOptions() {
  const labels = useOrderLabels();
  return {
    status: orderLifecycle.states.map((value) => ({ value, label: labels.status(value) })),
    payment: paymentLifecycle.states.map((value) => ({ value, label: labels.payment(value) })),
    fulfillment: fulfillmentLifecycle.states.map((value) => ({ value, label: labels.fulfillment(value) })),
    channel: channels.map((value: Channel) => ({ value, label: labels.channel(value) })),
  };
}

type StateBadgeProps = Omit<BadgeProps, 'color' | 'children'> & { value: string };

// A badge's label is clipped with an ellipsis by default, so a table would squeeze it to "Confir…":
// the labels here (states, location codes) are short: keep them whole.
export const wholeLabel = {
  root: { overflow: 'visible', flexShrink: 0 },
  label: { overflow: 'visible' },
} as const;

const colorOf = <T extends string>(table: Record<T, MantineColor>, value: string): MantineColor =>
  known(table, value) ? table[value] : 'gray';

export function OrderStatusBadge({ value, ...props }: StateBadgeProps) {
  const labels = useOrderLabels();
  return (
    <Badge variant="light" tt="none" color={colorOf(statusColors, value)} styles={wholeLabel} {...props}>
      {labels.status(value)}
    </Badge>
  );
}

export function PaymentStatusBadge({ value, ...props }: StateBadgeProps) {
  const labels = useOrderLabels();
  return (
    <Badge variant="light" tt="none" color={colorOf(paymentColors, value)} styles={wholeLabel} {...props}>
      {labels.payment(value)}
    </Badge>
  );
}

export function FulfillmentStatusBadge({ value, ...props }: StateBadgeProps) {
  const labels = useOrderLabels();
  return (
    <Badge variant="light" tt="none" color={colorOf(fulfillmentColors, value)} styles={wholeLabel} {...props}>
      {labels.fulfillment(value)}
    </Badge>
  );
}
