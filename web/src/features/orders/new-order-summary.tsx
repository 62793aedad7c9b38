import { Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMoneyFormat } from '../../i18n/money';
import { goodsAmount, parseQuantity, priceIn, shippingCharge } from './line-draft';
import type { NewOrderDraft } from './new-order-draft';
import { useShippingRates } from './order-hooks';

interface NewOrderSummaryProps {
  draft: NewOrderDraft;
  placing: boolean;
}

function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Group justify="space-between" gap="sm" wrap="nowrap">
      <Text size="sm" c={strong ? undefined : 'dimmed'} fw={strong ? 700 : undefined}>
        {label}
      </Text>
      <Text size={strong ? 'md' : 'sm'} fw={strong ? 700 : 500} style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </Group>
  );
}

/**
 * What is about to be ordered, at catalog prices, and the Place order button. Only an estimate:
 * the server prices the order (tax, discounts, free shipping) when it is placed.
 */
export function NewOrderSummary({ draft, placing }: NewOrderSummaryProps) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const { currency } = draft;
  const rates = useShippingRates(draft.address.country, currency);
  const rate = rates.data?.find((candidate) => candidate.method === draft.shippingMethod);
  const goods = goodsAmount(draft.lines, currency);
  const shipping = rate ? shippingCharge(rate, goods) : null;
  const units = draft.lines.reduce((sum, line) => sum + (parseQuantity(line.quantity) ?? 0), 0);
  const customer =
    draft.customer.mode === 'existing' ? draft.customer.picked?.name : draft.customer.name.trim();
  const none = t('common.none');

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-label={t('orders.new.summaryTitle')}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('orders.new.summaryTitle')}
        </Title>
        <Row label={t('orders.new.summaryCustomer')} value={customer || t('orders.new.summaryNoCustomer')} />
        {draft.lines.length > 0 && (
          <Stack gap={4}>
            {draft.lines.map((line) => {
              const price = priceIn(line, currency);
              const quantity = parseQuantity(line.quantity);
              return (
                <Group key={line.key} justify="space-between" gap="sm" wrap="nowrap">
                  <Text size="sm" truncate>
                    {`${quantity ?? '?'} × ${line.sku}`}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {price !== null && quantity !== null ? money(price * quantity, currency) : none}
                  </Text>
                </Group>
              );
            })}
          </Stack>
        )}
        <Divider />
        <Row
          label={`${t('orders.new.summaryGoods')} (${t('orders.new.summaryUnits', { count: units })})`}
          value={goods !== null ? money(goods, currency) : none}
        />
        <Row
          label={rate ? `${t('orders.new.summaryShipping')} · ${rate.name}` : t('orders.new.summaryShipping')}
          value={
            shipping === null ? none : shipping === 0 ? t('orders.shipping.free') : money(shipping, currency)
          }
        />
        <Divider />
        <Row
          label={t('orders.new.summaryEstimate')}
          value={goods !== null && shipping !== null ? money(goods + shipping, currency) : none}
          strong
        />
        <Text size="xs" c="dimmed">
          {t('orders.new.summaryHint')}
        </Text>
        <Button type="submit" size="md" fullWidth loading={placing}>
          {t('orders.new.submit')}
        </Button>
      </Stack>
    </Paper>
  );
}
