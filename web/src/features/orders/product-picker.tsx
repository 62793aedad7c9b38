import { Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchPicker } from '../../components/search-picker';
import { useMoneyFormat } from '../../i18n/money';
import { useProductSearch } from '../catalog/catalog-hooks';
import type { PickedVariant } from './line-draft';

interface ProductPickerProps {
  /** Prices are shown in this currency. */
  currency: string;
  onPick: (variant: PickedVariant) => void;
  error?: string;
  id?: string;
}

/** Finds a variant to sell by SKU, barcode or product name, with its price in the order's currency. */
export function ProductPicker({ currency, onPick, error, id }: ProductPickerProps) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const search = useProductSearch(q);
  const variants = (search.data ?? []).flatMap((product) =>
    product.variants.map((variant) => ({
      sku: variant.sku,
      title:
        variant.title && variant.title !== 'Default' ? `${product.title} · ${variant.title}` : product.title,
      prices: variant.prices,
    })),
  );
  return (
    <SearchPicker<PickedVariant>
      id={id}
      label={t('orders.lines.find')}
      placeholder={t('orders.lines.findPlaceholder')}
      value={text}
      onChange={setText}
      items={q === '' ? [] : variants}
      searching={search.isFetching || text.trim() !== q}
      keyOf={(variant) => variant.sku}
      emptyText={t('orders.lines.findEmpty')}
      error={error}
      onPick={(variant) => {
        onPick(variant);
        setText('');
      }}
      renderItem={(variant) => {
        const price = variant.prices.find((candidate) => candidate.currency === currency);
        return (
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Stack gap={0} miw={0}>
              <Text size="sm" fw={600} ff="monospace">
                {variant.sku}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {variant.title}
              </Text>
            </Stack>
            <Text size="sm" c={price ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
              {price ? money(price.amount, currency) : t('orders.lines.noPrice', { currency })}
            </Text>
          </Group>
        );
      }}
    />
  );
}
