import { Group, Loader, type MantineColor, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CardIcon,
  CircleCheckIcon,
  CircleXIcon,
  ClockIcon,
  DotIcon,
  type Icon,
  NoteIcon,
  OrdersIcon,
  PencilIcon,
  TruckIcon,
} from '../../components/icons';
import { ProblemAlert } from '../../components/problem-alert';
import { enOrders } from '../../i18n/en-orders';
import { useDateFormat } from '../../i18n/format';
import { type OrderEvent, useOrderTimeline } from './order-hooks';
import { useOrderLabels } from './order-labels';
import classes from './order-timeline.module.css';

type KnownKind = keyof typeof enOrders.timeline.kinds;
const isKnownKind = (kind: string): kind is KnownKind => Object.hasOwn(enOrders.timeline.kinds, kind);

function lookOf(event: OrderEvent): { icon: Icon; color: MantineColor } {
  switch (event.kind) {
    case 'placed':
      return { icon: OrdersIcon, color: 'indigo' };
    case 'status':
      if (event.toState === 'cancelled') return { icon: CircleXIcon, color: 'red' };
      if (event.toState === 'on_hold') return { icon: ClockIcon, color: 'yellow' };
      return { icon: CircleCheckIcon, color: 'blue' };
    case 'payment':
      return { icon: CardIcon, color: 'cyan' };
    case 'fulfillment':
    case 'backorder':
      return { icon: TruckIcon, color: 'orange' };
    case 'cancelled':
      return { icon: CircleXIcon, color: 'red' };
    case 'edited':
      return { icon: PencilIcon, color: 'grape' };
    case 'note':
      return { icon: NoteIcon, color: 'yellow' };
    default:
      return { icon: DotIcon, color: 'gray' };
  }
}

function Entry({ event }: { event: OrderEvent }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const labels = useOrderLabels();
  const look = lookOf(event);
  const KindIcon = look.icon;
  // A kind added on the server shows up by itself, under its raw name until it gets a translation.
  const kind = isKnownKind(event.kind) ? t(`orders.timeline.kinds.${event.kind}`) : event.kind;
  const stateName =
    event.kind === 'payment'
      ? labels.payment
      : event.kind === 'fulfillment' || event.kind === 'backorder'
        ? labels.fulfillment
        : labels.status;

  return (
    <li className={classes.entry} data-kind={event.kind}>
      <ThemeIcon variant="light" color={look.color} radius="xl" size={34} className={classes.bullet}>
        <KindIcon size={18} />
      </ThemeIcon>
      <div className={classes.content}>
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600}>
            {kind}
          </Text>
          <Text size="sm" c="dimmed">
            {t('orders.timeline.byActor', { actor: event.actorName })}
          </Text>
          <Text size="sm" c="dimmed" aria-hidden="true">
            ·
          </Text>
          <Text size="sm" c="dimmed" component="time" dateTime={event.at} title={format.precise(event.at)}>
            {format.dateTime(event.at)}
          </Text>
        </Group>
        <Text size="sm" className={classes.text}>
          {event.summary}
        </Text>
        {/* A change within a state (a payment still pending) has no transition worth showing. */}
        {event.toState && event.toState !== event.fromState && (
          <Text size="sm" c="dimmed" data-part="transition">
            {event.fromState
              ? t('orders.timeline.transition', {
                  from: stateName(event.fromState),
                  to: stateName(event.toState),
                })
              : `→ ${stateName(event.toState)}`}
          </Text>
        )}
        {event.reason && (
          <Text size="sm" className={classes.reason} data-part="reason">
            {t('orders.timeline.reason', { reason: event.reason })}
          </Text>
        )}
      </div>
    </li>
  );
}

/** Everything that happened to the order, oldest first: who did it, when, from which state to which, and why. */
export function OrderTimeline({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const timeline = useOrderTimeline(orderId);
  if (timeline.isError && !timeline.data)
    return <ProblemAlert error={timeline.error} title={t('orders.timeline.loadFailedTitle')} />;
  if (timeline.isPending)
    return (
      <Group justify="center" p="lg">
        <Loader aria-label={t('common.loading')} />
      </Group>
    );
  if (timeline.data.length === 0)
    return (
      <Text size="sm" c="dimmed" ta="center" py="lg">
        {t('orders.timeline.empty')}
      </Text>
    );
  return (
    <ol className={classes.timeline} aria-label={t('orders.timeline.listLabel')}>
      {timeline.data.map((event) => (
        <Entry key={event.id} event={event} />
      ))}
    </ol>
  );
}
