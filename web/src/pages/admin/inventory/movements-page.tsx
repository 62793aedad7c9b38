import { Code, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../../components/load-more';
import { ProblemAlert } from '../../../components/problem-alert';
import { SearchInput } from '../../../components/search-input';
import { useUrlFilter } from '../../../components/use-url-filter';
import { useLocations, useStockMovements } from '../../../features/inventory/inventory-hooks';
import { MovementKindBadge } from '../../../features/inventory/movement-kind';
import { useDateFormat } from '../../../i18n/format';
import classes from './inventory.module.css';
import { InventoryHeader } from './inventory-header';
import { LocationSelect } from './location-select';

const columnCount = 8;

/** A change of stock with its sign: +5, −3; no change at all is a dash. */
function Delta({ value }: { value: number }) {
  const { t, i18n } = useTranslation();
  if (value === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('common.none')}
      </Text>
    );
  const text = new Intl.NumberFormat(i18n.resolvedLanguage ?? i18n.language, {
    signDisplay: 'always',
  }).format(value);
  return (
    <Text size="sm" fw={600} c={value > 0 ? 'green.8' : 'red.8'}>
      {text}
    </Text>
  );
}

/** /admin/inventory/movements: the stock ledger, newest first, by SKU and location. */
export function MovementsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('inventory.movements.documentTitle'));
  const format = useDateFormat();
  const [filter, setFilter] = useUrlFilter(['location', 'sku'] as const);
  const locations = useLocations();
  const locationList = locations.data ?? [];
  const nameOf = (id: string) => locationList.find((location) => location.id === id)?.name ?? id;
  const list = useStockMovements({ sku: filter.sku, locationId: filter.location });
  const movements = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filter.sku || filter.location);

  return (
    <Stack gap="lg" maw={1280}>
      <InventoryHeader tab="movements" />
      <search aria-label={t('inventory.movements.searchLabel')}>
        <Group align="flex-end" gap="sm">
          <LocationSelect
            locations={locationList}
            value={filter.location}
            onChange={(location) => setFilter({ location })}
          />
          <SearchInput
            label={t('inventory.sku')}
            placeholder={t('inventory.skuPlaceholder')}
            value={filter.sku ?? ''}
            onSearch={(sku) => setFilter({ sku })}
            w={{ base: '100%', xs: 280 }}
          />
          {list.isFetching && !list.isFetchingNextPage && !list.isPending && (
            <Loader size="sm" mb={8} aria-label={t('common.loading')} />
          )}
        </Group>
      </search>

      {list.isError && !list.data ? (
        <ProblemAlert error={list.error} title={t('common.loadFailedTitle')} />
      ) : (
        <Paper withBorder radius="lg" style={{ overflow: 'hidden' }}>
          {list.isPending ? (
            <Group justify="center" p="xl">
              <Loader aria-label={t('common.loading')} />
            </Group>
          ) : (
            <Table.ScrollContainer minWidth={940} type="native">
              <Table
                verticalSpacing="sm"
                horizontalSpacing="sm"
                aria-label={t('inventory.movements.tableLabel')}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('inventory.movements.columns.at')}</Table.Th>
                    <Table.Th>{t('inventory.movements.columns.kind')}</Table.Th>
                    <Table.Th>{t('inventory.columns.sku')}</Table.Th>
                    <Table.Th>{t('inventory.columns.location')}</Table.Th>
                    <Table.Th ta="right">{t('inventory.movements.columns.onHand')}</Table.Th>
                    <Table.Th ta="right">{t('inventory.movements.columns.reserved')}</Table.Th>
                    <Table.Th>{t('inventory.movements.columns.reason')}</Table.Th>
                    <Table.Th>{t('inventory.movements.columns.actor')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {movements.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={columnCount}>
                        <Text c="dimmed" ta="center" py="lg">
                          {filtered ? t('inventory.movements.emptyFiltered') : t('inventory.movements.empty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {movements.map((movement) => (
                    <Table.Tr key={movement.id}>
                      <Table.Td className={classes.nowrap}>
                        <Text size="sm" title={format.precise(movement.at)}>
                          {format.dateTime(movement.at)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <MovementKindBadge kind={movement.kind} />
                      </Table.Td>
                      <Table.Td className={classes.nowrap}>
                        <Code>{movement.sku}</Code>
                      </Table.Td>
                      <Table.Td className={classes.nowrap}>
                        <Text size="sm">{nameOf(movement.locationId)}</Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Delta value={movement.onHandDelta} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Delta value={movement.reservedDelta} />
                      </Table.Td>
                      <Table.Td style={{ minWidth: 180 }}>
                        <Text size="sm">{movement.reason ?? ''}</Text>
                        {movement.referenceId && !movement.reason?.includes(movement.referenceId) && (
                          <Text size="xs" c="dimmed">
                            {t('inventory.movements.reference', {
                              type: movement.referenceType ?? '',
                              id: movement.referenceId,
                            })}
                          </Text>
                        )}
                        {!movement.reason && !movement.referenceId && (
                          <Text size="sm" c="dimmed">
                            {t('common.none')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td className={classes.nowrap}>
                        <Text size="sm">{movement.actorName}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      )}
      <LoadMore
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
        error={list.isFetchNextPageError ? list.error : null}
      />
    </Stack>
  );
}
