import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckIcon, PencilIcon, PlusIcon, SettingsIcon } from '../../../components/icons';
import { LoadMore } from '../../../components/load-more';
import { ProblemAlert } from '../../../components/problem-alert';
import { SearchInput } from '../../../components/search-input';
import { useUrlFilter } from '../../../components/use-url-filter';
import { hasPermission, useStaffSession } from '../../../features/auth/auth-hooks';
import { AdjustModal } from '../../../features/inventory/adjust-modal';
import { type StockLevel, useLocations, useStockLevels } from '../../../features/inventory/inventory-hooks';
import { ReceiveModal } from '../../../features/inventory/receive-modal';
import { SettingsModal } from '../../../features/inventory/settings-modal';
import { TransferModal } from '../../../features/inventory/transfer-modal';
import classes from './inventory.module.css';
import { InventoryHeader } from './inventory-header';
import { LocationSelect } from './location-select';

/** /admin/inventory: stock per SKU and location; writers receive, adjust, transfer and tune it. */
export function StockPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('inventory.documentTitle'));
  const me = useStaffSession();
  const canWrite = hasPermission(me, 'inventory:write');
  const [filter, setFilter] = useUrlFilter(['location', 'sku'] as const);
  const locations = useLocations();
  const locationList = locations.data ?? [];
  const locationId = filter.location;
  const list = useStockLevels({ sku: filter.sku, locationId });
  const levels = list.data?.pages.flatMap((page) => page.items) ?? [];
  const showLocation = !locationId;
  const nameOf = (id: string) => locationList.find((location) => location.id === id)?.name ?? id;
  const [receiving, setReceiving] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const [adjusting, setAdjusting] = useState<StockLevel | null>(null);
  const [tuning, setTuning] = useState<StockLevel | null>(null);
  const [done, setDone] = useState<string>();
  const columnCount = 8 + (showLocation ? 1 : 0) + (canWrite ? 1 : 0);

  return (
    <Stack gap="lg" maw={1280}>
      <InventoryHeader
        tab="stock"
        actions={
          canWrite && (
            <>
              <Button variant="default" onClick={() => setTransferring(true)} disabled={!locations.data}>
                {t('inventory.transfer.open')}
              </Button>
              <Button
                leftSection={<PlusIcon size={16} />}
                onClick={() => setReceiving(true)}
                disabled={!locations.data}
              >
                {t('inventory.receive.open')}
              </Button>
            </>
          )
        }
      />

      <search aria-label={t('inventory.searchLabel')}>
        <Group align="flex-end" gap="sm">
          <LocationSelect
            locations={locationList}
            value={locationId}
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

      {done && (
        <Alert
          color="green"
          variant="light"
          icon={<CheckIcon size={18} />}
          withCloseButton
          closeButtonLabel={t('inventory.dismiss')}
          onClose={() => setDone(undefined)}
        >
          {done}
        </Alert>
      )}

      {list.isError && !list.data ? (
        <ProblemAlert error={list.error} title={t('common.loadFailedTitle')} />
      ) : (
        // Positioned, so the visually hidden header of the actions column stays inside its scroll box.
        <Paper withBorder radius="lg" style={{ overflow: 'hidden', position: 'relative' }}>
          {list.isPending ? (
            <Group justify="center" p="xl">
              <Loader aria-label={t('common.loading')} />
            </Group>
          ) : (
            <Table.ScrollContainer minWidth={showLocation ? 940 : 840} type="native">
              <Table
                verticalSpacing="sm"
                horizontalSpacing="xs"
                className={classes.numbers}
                aria-label={t('inventory.tableLabel')}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('inventory.columns.sku')}</Table.Th>
                    <Table.Th>{t('inventory.columns.product')}</Table.Th>
                    {showLocation && <Table.Th>{t('inventory.columns.location')}</Table.Th>}
                    <Table.Th ta="right">{t('inventory.columns.onHand')}</Table.Th>
                    <Table.Th ta="right">{t('inventory.columns.reserved')}</Table.Th>
                    <Table.Th ta="right">{t('inventory.columns.available')}</Table.Th>
                    <Table.Th ta="right">{t('inventory.columns.safetyStock')}</Table.Th>
                    <Table.Th ta="right">{t('inventory.columns.reorderPoint')}</Table.Th>
                    <Table.Th>{t('inventory.columns.bin')}</Table.Th>
                    {canWrite && (
                      <Table.Th>
                        <VisuallyHidden>{t('inventory.columns.actions')}</VisuallyHidden>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {levels.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={columnCount}>
                        <Text c="dimmed" ta="center" py="lg">
                          {filter.sku
                            ? t('inventory.emptyFiltered', { sku: filter.sku })
                            : t('inventory.empty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {levels.map((level) => {
                    const low = level.available <= level.reorderPoint;
                    return (
                      <Table.Tr key={`${level.sku}@${level.locationId}`}>
                        <Table.Td>
                          <Code>{level.sku}</Code>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'normal', minWidth: 150 }}>
                          <Text size="sm" fw={600}>
                            {level.productTitle}
                          </Text>
                          {level.variantTitle && (
                            <Text size="xs" c="dimmed">
                              {level.variantTitle}
                            </Text>
                          )}
                        </Table.Td>
                        {showLocation && (
                          <Table.Td style={{ whiteSpace: 'normal' }}>
                            <Text size="sm">{nameOf(level.locationId)}</Text>
                          </Table.Td>
                        )}
                        <Table.Td ta="right" data-column="on-hand">
                          <Text size="sm" fw={600}>
                            {level.onHand}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          <Text size="sm">{level.reserved}</Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          <Text size="sm" c={level.available <= 0 ? 'red' : undefined}>
                            {level.available}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          <Text size="sm">{level.safetyStock}</Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          <Group gap={6} justify="flex-end" wrap="nowrap">
                            {low && (
                              <Badge color="red" variant="light" size="sm">
                                {t('inventory.low')}
                              </Badge>
                            )}
                            <Text size="sm">{level.reorderPoint}</Text>
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          {level.bin ? (
                            <Code>{level.bin}</Code>
                          ) : (
                            <Text size="sm" c="dimmed">
                              {t('common.none')}
                            </Text>
                          )}
                        </Table.Td>
                        {canWrite && (
                          <Table.Td>
                            <Group gap={2} justify="flex-end" wrap="nowrap">
                              <Tooltip label={t('inventory.adjust.open')}>
                                <ActionIcon
                                  variant="default"
                                  aria-label={t('inventory.adjust.openFor', {
                                    sku: level.sku,
                                    location: nameOf(level.locationId),
                                  })}
                                  onClick={() => setAdjusting(level)}
                                >
                                  <PencilIcon size={16} />
                                </ActionIcon>
                              </Tooltip>
                              <Tooltip label={t('inventory.settings.open')}>
                                <ActionIcon
                                  variant="subtle"
                                  color="gray"
                                  aria-label={t('inventory.settings.openFor', {
                                    sku: level.sku,
                                    location: nameOf(level.locationId),
                                  })}
                                  onClick={() => setTuning(level)}
                                >
                                  <SettingsIcon size={16} />
                                </ActionIcon>
                              </Tooltip>
                            </Group>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
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

      {canWrite && (
        <>
          <ReceiveModal
            opened={receiving}
            locations={locationList}
            locationId={locationId}
            onClose={() => setReceiving(false)}
            onReceived={(count) => setDone(t('inventory.receive.done', { count }))}
          />
          <TransferModal
            opened={transferring}
            locations={locationList}
            locationId={locationId}
            onClose={() => setTransferring(false)}
            onTransferred={(count) => setDone(t('inventory.transfer.done', { count }))}
          />
          <AdjustModal level={adjusting} locationNameOf={nameOf} onClose={() => setAdjusting(null)} />
          <SettingsModal level={tuning} onClose={() => setTuning(null)} />
        </>
      )}
    </Stack>
  );
}
