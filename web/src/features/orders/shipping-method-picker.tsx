import { Group, Loader, Radio, Stack, Text } from '@mantine/core';
import { type ReactNode, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert';
import { useMoneyFormat } from '../../i18n/money';
import { useCountryName } from '../../i18n/regions';
import { shippingCharge } from './line-draft';
import { useShippingRates } from './order-hooks';

interface ShippingMethodPickerProps {
  country: string | null;
  currency: string;
  /** The goods amount, for free shipping; null while unknown. */
  goods: number | null;
  value: string | null;
  onChange: (method: string) => void;
  error?: string;
  id?: string;
}

/** The shop's shipping methods to the country in the currency, with what each costs this order. */
export function ShippingMethodPicker({
  country,
  currency,
  goods,
  value,
  onChange,
  error,
  id,
}: ShippingMethodPickerProps) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const countryName = useCountryName();
  const rates = useShippingRates(country, currency);
  // Cheapest first: the one to offer unless the customer asks for faster.
  const available = useMemo(
    () => rates.data && [...rates.data].sort((a, b) => a.amount - b.amount || a.transitDays - b.transitDays),
    [rates.data],
  );

  // A new destination or currency: keep the method when it is still offered, else take the cheapest.
  useEffect(() => {
    const first = available?.[0];
    if (first && !available.some((rate) => rate.method === value)) onChange(first.method);
  }, [available, value, onChange]);

  let body: ReactNode;
  if (!country)
    body = (
      <Text size="sm" c="dimmed">
        {t('orders.shipping.chooseCountry')}
      </Text>
    );
  else if (rates.isError)
    body = <ProblemAlert error={rates.error} title={t('orders.shipping.loadFailedTitle')} />;
  else if (!available) body = <Loader size="sm" aria-label={t('common.loading')} />;
  else if (available.length === 0)
    body = (
      <Text size="sm" c="orange.8">
        {t('orders.shipping.none', { country: countryName(country), currency })}
      </Text>
    );
  else
    body = (
      <Stack gap="xs">
        {available.map((rate) => {
          const charge = shippingCharge(rate, goods);
          return (
            <Radio
              key={rate.method}
              value={rate.method}
              label={
                <Group gap="xs" wrap="nowrap" justify="space-between" w="100%">
                  <Text size="sm" fw={500}>
                    {rate.name}
                  </Text>
                  <Text size="sm" fw={600}>
                    {charge === 0 ? t('orders.shipping.free') : money(charge, currency)}
                  </Text>
                </Group>
              }
              description={
                rate.freeFrom !== null && charge > 0
                  ? t('orders.shipping.freeFrom', { amount: money(rate.freeFrom, currency) })
                  : undefined
              }
              styles={{ labelWrapper: { flex: 1 }, body: { alignItems: 'flex-start' } }}
            />
          );
        })}
      </Stack>
    );

  return (
    <Radio.Group
      id={id}
      label={t('orders.shipping.method')}
      value={value}
      onChange={onChange}
      error={error}
      required
    >
      <Stack mt="xs">{body}</Stack>
    </Radio.Group>
  );
}
