import { Anchor, Button, Code, Group, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DownloadIcon, PlusIcon, UploadIcon } from '../../../components/icons';
import { LoadMore } from '../../../components/load-more';
import { ProblemAlert } from '../../../components/problem-alert';
import { SearchInput } from '../../../components/search-input';
import { useUrlFilter } from '../../../components/use-url-filter';
import { hasPermission, useStaffSession } from '../../../features/auth/auth-hooks';
import { type Product, type ProductStatus, useProducts } from '../../../features/catalog/catalog-hooks';
import { ImportCsvModal } from '../../../features/catalog/import-csv-modal';
import { statusList } from '../../../features/catalog/product-fields';
import { ProductStatusBadge } from '../../../features/catalog/product-status';
import { useMoneyFormat } from '../../../i18n/money';
import classes from './catalog.module.css';

const columnCount = 5;
const skusShown = 3;
/** The list's price column: the shop's home currency. */
const listCurrency = 'EUR';

const isStatus = (value: string | undefined): value is ProductStatus =>
  (statusList as readonly string[]).includes(value ?? '');

function PriceRange({ product }: { product: Product }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const amounts = product.variants.flatMap((variant) =>
    variant.prices.filter((price) => price.currency === listCurrency).map((price) => price.amount),
  );
  if (amounts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('catalog.list.noPrice', { currency: listCurrency })}
      </Text>
    );
  }
  const low = Math.min(...amounts);
  const high = Math.max(...amounts);
  return (
    <Text size="sm" className={classes.nowrap}>
      {low === high
        ? money(low, listCurrency)
        : t('catalog.list.priceRange', { low: money(low, listCurrency), high: money(high, listCurrency) })}
    </Text>
  );
}

function SkuList({ product }: { product: Product }) {
  const { t } = useTranslation();
  const skus = product.variants.map((variant) => variant.sku);
  // "+1 more" would take the room of the one SKU it hides.
  const shown = skus.length <= skusShown + 1 ? skus.length : skusShown;
  return (
    <Group gap={4}>
      {skus.slice(0, shown).map((sku) => (
        <Code key={sku}>{sku}</Code>
      ))}
      {skus.length > shown && (
        <Text size="xs" c="dimmed" title={skus.slice(shown).join(', ')}>
          {t('catalog.list.moreSkus', { count: skus.length - shown })}
        </Text>
      )}
    </Group>
  );
}

/** /admin/catalog: the products, searchable by title, SKU or barcode; CSV in and out. */
export function ProductsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('catalog.documentTitle'));
  const me = useStaffSession();
  const canWrite = hasPermission(me, 'catalog:write');
  const [filter, setFilter] = useUrlFilter(['q', 'status'] as const);
  const status = isStatus(filter.status) ? filter.status : undefined;
  const list = useProducts({ q: filter.q, status });
  const [importing, setImporting] = useState(false);
  const products = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filter.q || status);

  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={4} maw={640}>
          <Title order={1}>{t('catalog.title')}</Title>
          <Text c="dimmed">{t('catalog.lead')}</Text>
        </Stack>
        <Group gap="sm">
          <Button
            component="a"
            href="/api/v1/products/export"
            download
            variant="default"
            leftSection={<DownloadIcon size={16} />}
          >
            {t('catalog.exportCsv')}
          </Button>
          {canWrite && (
            <>
              <Button
                variant="default"
                leftSection={<UploadIcon size={16} />}
                onClick={() => setImporting(true)}
              >
                {t('catalog.importCsv')}
              </Button>
              <Button component={Link} to="/admin/catalog/new" leftSection={<PlusIcon size={16} />}>
                {t('catalog.newProduct')}
              </Button>
            </>
          )}
        </Group>
      </Group>

      <search aria-label={t('catalog.list.searchLabel')}>
        <Group align="flex-end" gap="sm">
          <SearchInput
            label={t('catalog.list.search')}
            placeholder={t('catalog.list.searchPlaceholder')}
            value={filter.q ?? ''}
            onSearch={(q) => setFilter({ q })}
            w={{ base: '100%', xs: 360 }}
          />
          <Select
            label={t('catalog.list.status')}
            data={[
              { value: 'all', label: t('catalog.list.allStatuses') },
              ...statusList.map((value) => ({ value, label: t(`catalog.status.${value}`) })),
            ]}
            value={status ?? 'all'}
            allowDeselect={false}
            onChange={(value) => setFilter({ status: value === 'all' ? undefined : (value ?? undefined) })}
            w={{ base: '100%', xs: 180 }}
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
            <Table.ScrollContainer minWidth={820} type="native">
              <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('catalog.list.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('catalog.list.columns.product')}</Table.Th>
                    <Table.Th>{t('catalog.list.columns.status')}</Table.Th>
                    <Table.Th ta="right">{t('catalog.list.columns.variants')}</Table.Th>
                    <Table.Th>{t('catalog.list.columns.skus')}</Table.Th>
                    <Table.Th>{t('catalog.list.columns.price', { currency: listCurrency })}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {products.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={columnCount}>
                        <Text c="dimmed" ta="center" py="lg">
                          {filtered ? t('catalog.list.emptyFiltered') : t('catalog.list.empty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {products.map((product) => (
                    <Table.Tr key={product.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/admin/catalog/${product.id}`} fw={600} size="sm">
                          {product.title}
                        </Anchor>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {product.handle}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <ProductStatusBadge status={product.status} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm">{product.variants.length}</Text>
                      </Table.Td>
                      <Table.Td>
                        <SkuList product={product} />
                      </Table.Td>
                      <Table.Td>
                        <PriceRange product={product} />
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

      {canWrite && <ImportCsvModal opened={importing} onClose={() => setImporting(false)} />}
    </Stack>
  );
}
