import { Badge, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocations, useSkuStock } from '../inventory/inventory-hooks';
import { wholeLabel } from './order-labels';

interface SkuStockProps {
  sku: string;
  /** Units wanted: more than is available anywhere is flagged. */
  wanted: number | null;
}

/** What can be sold of one SKU at each location right now (refreshed while the form is open). */
export function SkuStock({ sku, wanted }: SkuStockProps) {
  const { t } = useTranslation();
  const stock = useSkuStock(sku);
  const locations = useLocations();
  if (stock.isPending) return <Loader size={14} aria-label={t('common.loading')} />;
  if (stock.isError)
    return (
      <Text size="xs" c="dimmed">
        {t('common.none')}
      </Text>
    );
  const levels = stock.data;
  const total = levels.reduce((sum, level) => sum + level.available, 0);
  const location = (id: string) => locations.data?.find((candidate) => candidate.id === id);
  if (levels.length === 0 || total === 0)
    return (
      <Text size="xs" c="red" fw={600}>
        {t('orders.lines.noStock')}
      </Text>
    );
  return (
    <Stack gap={2}>
      <Group gap={4} wrap="nowrap">
        {levels.map((level) => {
          const where = location(level.locationId);
          return (
            <Tooltip
              key={level.locationId}
              label={t('orders.lines.stockTitle', {
                available: String(level.available),
                location: where?.name ?? level.locationId,
              })}
            >
              <Badge
                variant="outline"
                size="sm"
                color={level.available > 0 ? 'gray' : 'red'}
                tt="none"
                fw={500}
                data-location={where?.code}
                styles={wholeLabel}
              >
                {`${where?.code ?? '…'} ${level.available}`}
              </Badge>
            </Tooltip>
          );
        })}
      </Group>
      {wanted !== null && wanted > total && (
        <Text size="xs" c="orange.8" fw={600}>
          {t('orders.lines.short', { count: wanted - total })}
        </Text>
      )}
    </Stack>
  );
}
