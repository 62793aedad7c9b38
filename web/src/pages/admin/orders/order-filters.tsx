import { Badge, Button, CloseButton, Group, Loader, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../../components/search-input';
import type { OrderFilter } from '../../../features/orders/order-hooks';
import { useOrderFilterOptions } from '../../../features/orders/order-labels';

/** The filters as the address keeps them: the days are inclusive, as people read a date range. */
export const orderFilterNames = [
  'q',
  'status',
  'paymentStatus',
  'fulfillmentStatus',
  'channel',
  'from',
  'to',
  'sku',
  'customerId',
] as const;
export type OrderUrlFilter = Partial<Record<(typeof orderFilterNames)[number], string>>;

const isDay = (value: string | undefined): value is string =>
  Boolean(value && /^\d{4}-\d{2}-\d{2}$/.test(value));

function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 3600 * 1000).toISOString().slice(0, 10);
}

/** The API's filter for what the address holds: `placedTo` is the day after the last one shown. */
export function apiFilterOf(filter: OrderUrlFilter): OrderFilter {
  const { from, to, ...rest } = filter;
  return {
    ...rest,
    ...(isDay(from) ? { placedFrom: from } : {}),
    ...(isDay(to) ? { placedTo: dayAfter(to) } : {}),
  };
}

interface OrderFiltersProps {
  filter: OrderUrlFilter;
  onChange: (changes: OrderUrlFilter) => void;
  fetching: boolean;
}

/** Search, state and channel selects, a date range and a SKU, all kept in the address. */
export function OrderFilters({ filter, onChange, fetching }: OrderFiltersProps) {
  const { t } = useTranslation();
  const options = useOrderFilterOptions();
  const [skuText, setSkuText] = useState(filter.sku ?? '');
  const filtered = orderFilterNames.some((name) => filter[name]);
  const select = (
    name: 'status' | 'paymentStatus' | 'fulfillmentStatus' | 'channel',
    label: string,
    data: { value: string; label: string }[],
  ) => (
    <Select
      label={label}
      placeholder={t('orders.list.any')}
      data={data}
      value={filter[name] ?? null}
      onChange={(value) => onChange({ [name]: value ?? undefined })}
      clearable
      w={{ base: '100%', xs: 170 }}
      comboboxProps={{ withinPortal: true }}
    />
  );

  return (
    <search aria-label={t('orders.list.searchLabel')}>
      <Group align="flex-end" gap="sm">
        <SearchInput
          label={t('orders.list.search')}
          placeholder={t('orders.list.searchPlaceholder')}
          value={filter.q ?? ''}
          onSearch={(q) => onChange({ q })}
          w={{ base: '100%', xs: 280 }}
        />
        {select('status', t('orders.list.status'), options.status)}
        {select('paymentStatus', t('orders.list.paymentStatus'), options.payment)}
        {select('fulfillmentStatus', t('orders.list.fulfillmentStatus'), options.fulfillment)}
        {select('channel', t('orders.list.channel'), options.channel)}
        <TextInput
          type="date"
          label={t('orders.list.placedFrom')}
          value={filter.from ?? ''}
          max={filter.to}
          onChange={(event) => onChange({ from: event.currentTarget.value || undefined })}
          w={{ base: '100%', xs: 170 }}
        />
        <TextInput
          type="date"
          label={t('orders.list.placedTo')}
          value={filter.to ?? ''}
          min={filter.from}
          onChange={(event) => onChange({ to: event.currentTarget.value || undefined })}
          w={{ base: '100%', xs: 170 }}
        />
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onChange({ sku: skuText.trim() || undefined });
          }}
        >
          <TextInput
            label={t('orders.list.sku')}
            placeholder={t('orders.list.skuPlaceholder')}
            value={skuText}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => setSkuText(event.currentTarget.value)}
            onBlur={() => onChange({ sku: skuText.trim() || undefined })}
            w={{ base: '100%', xs: 170 }}
          />
        </form>
        {filter.customerId && (
          <Badge
            size="lg"
            variant="light"
            tt="none"
            mb={6}
            rightSection={
              <CloseButton
                size="xs"
                aria-label={t('orders.list.removeCustomerFilter')}
                onClick={() => onChange({ customerId: undefined })}
              />
            }
          >
            {t('orders.list.customerFilter')}
          </Badge>
        )}
        {filtered && (
          <Button
            variant="subtle"
            color="gray"
            onClick={() => {
              setSkuText('');
              onChange(Object.fromEntries(orderFilterNames.map((name) => [name, undefined])));
            }}
          >
            {t('orders.list.clear')}
          </Button>
        )}
        {fetching && <Loader size="sm" mb={8} aria-label={t('common.loading')} />}
      </Group>
    </search>
  );
}
