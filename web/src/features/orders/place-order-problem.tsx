import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemError, problemOnlyConcerns } from '../../api/client';
import { WarningIcon } from '../../components/icons';
import { ProblemAlert } from '../../components/problem-alert';
import { problemShortages } from '../inventory/inventory-hooks';

/** The reason a card was declined: the 402 `payment-declined` problem's `reason`. */
export function declineReason(error: unknown): string | undefined {
  if (!(error instanceof ProblemError) || error.status !== 402) return undefined;
  const reason = error.extensions.reason;
  return typeof reason === 'string' ? reason : (error.detail ?? error.title);
}

interface PlaceOrderProblemProps {
  error: unknown;
  /** The pointers the form shows beside their fields; an alert would only repeat those. */
  shownPointers: readonly string[];
}

/** Why the order was not placed: missing stock per SKU, a declined card, or the server's problem. */
export function PlaceOrderProblem({ error, shownPointers }: PlaceOrderProblemProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const shortages = problemShortages(error);
  if (shortages.length > 0)
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<WarningIcon size={18} />}
        title={t('orders.new.shortTitle')}
      >
        <List size="sm" spacing={2} mb="xs">
          {shortages.map((shortage) => (
            <List.Item key={shortage.sku}>
              <Text span size="sm" fw={600} ff="monospace">
                {shortage.sku}
              </Text>
              {': '}
              {t('orders.lines.shortage', {
                requested: String(shortage.requested),
                available: String(shortage.available),
              })}
            </List.Item>
          ))}
        </List>
        <Text size="sm">{t('orders.new.shortBody')}</Text>
      </Alert>
    );
  const declined = declineReason(error);
  if (declined !== undefined)
    return (
      <Alert
        color="red"
        variant="light"
        icon={<WarningIcon size={18} />}
        title={t('orders.new.declinedTitle')}
      >
        {t('orders.new.declinedBody', { reason: declined })}
      </Alert>
    );
  if (problemOnlyConcerns(error, shownPointers)) return null;
  return <ProblemAlert error={error} title={t('orders.new.failedTitle')} />;
}
