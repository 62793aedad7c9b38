import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PlusIcon } from '../../../components/icons';
import { LoadMore } from '../../../components/load-more';
import { ProblemAlert } from '../../../components/problem-alert';
import { SearchInput } from '../../../components/search-input';
import { useUrlFilter } from '../../../components/use-url-filter';
import { hasPermission, useStaffSession } from '../../../features/auth/auth-hooks';
import { type Customer, useCustomers } from '../../../features/customers/customer-hooks';
import { NewCustomerModal } from '../../../features/customers/new-customer-modal';
import { useCountryName, useLanguageName } from '../../../i18n/regions';
import classes from './customers.module.css';

const columnCount = 6;

function defaultCountry(customer: Customer): string | undefined {
  return (customer.addresses.find((address) => address.isDefault) ?? customer.addresses[0])?.country;
}

/** /admin/customers: everyone who bought or got in touch, searchable by name, email or phone. */
export function CustomersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('customers.documentTitle'));
  const me = useStaffSession();
  const canWrite = hasPermission(me, 'customers:write');
  const countryName = useCountryName();
  const languageName = useLanguageName();
  const [filter, setFilter] = useUrlFilter(['q', 'tag'] as const);
  const list = useCustomers({ q: filter.q, tag: filter.tag });
  const [creating, setCreating] = useState(false);
  const [tagText, setTagText] = useState(filter.tag ?? '');
  const customers = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filter.q || filter.tag);
  const filterByTag = (tag: string | undefined) => {
    setTagText(tag ?? '');
    setFilter({ tag });
  };

  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={4} maw={640}>
          <Title order={1}>{t('customers.title')}</Title>
          <Text c="dimmed">{t('customers.lead')}</Text>
        </Stack>
        {canWrite && (
          <Button leftSection={<PlusIcon size={16} />} onClick={() => setCreating(true)}>
            {t('customers.newCustomer')}
          </Button>
        )}
      </Group>

      <search aria-label={t('customers.list.searchLabel')}>
        <Group align="flex-end" gap="sm">
          <SearchInput
            label={t('customers.list.search')}
            placeholder={t('customers.list.searchPlaceholder')}
            value={filter.q ?? ''}
            onSearch={(q) => setFilter({ q })}
            w={{ base: '100%', xs: 360 }}
          />
          <form
            onSubmit={(event) => {
              event.preventDefault();
              filterByTag(tagText.trim() || undefined);
            }}
          >
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t('customers.list.tag')}
                placeholder={t('customers.list.tagPlaceholder')}
                value={tagText}
                onChange={(event) => setTagText(event.currentTarget.value)}
                w={{ base: 160, xs: 180 }}
              />
              <Button type="submit" variant="default">
                {t('customers.list.applyTag')}
              </Button>
            </Group>
          </form>
          {filtered && (
            <Button
              variant="subtle"
              color="gray"
              onClick={() => {
                setTagText('');
                setFilter({ q: undefined, tag: undefined });
              }}
            >
              {t('customers.list.clear')}
            </Button>
          )}
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
            <Table.ScrollContainer minWidth={900} type="native">
              <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('customers.list.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('customers.list.columns.name')}</Table.Th>
                    <Table.Th>{t('customers.list.columns.email')}</Table.Th>
                    <Table.Th>{t('customers.list.columns.phone')}</Table.Th>
                    <Table.Th>{t('customers.list.columns.country')}</Table.Th>
                    <Table.Th>{t('customers.list.columns.language')}</Table.Th>
                    <Table.Th>{t('customers.list.columns.tags')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {customers.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={columnCount}>
                        <Text c="dimmed" ta="center" py="lg">
                          {filtered ? t('customers.list.emptyFiltered') : t('customers.list.empty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {customers.map((customer) => {
                    const country = defaultCountry(customer);
                    return (
                      <Table.Tr key={customer.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/admin/customers/${customer.id}`} fw={600} size="sm">
                            {customer.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" className={classes.email}>
                            {customer.email ?? t('common.none')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" className={classes.nowrap}>
                            {customer.phone ?? t('common.none')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{country ? countryName(country) : t('common.none')}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{languageName(customer.language)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {customer.tags.map((tag) => (
                              <Badge
                                key={tag}
                                component="button"
                                type="button"
                                variant={filter.tag === tag ? 'filled' : 'light'}
                                tt="none"
                                className={classes.tag}
                                title={t('customers.list.filterByTag', { tag })}
                                onClick={() => filterByTag(tag)}
                              >
                                {tag}
                              </Badge>
                            ))}
                          </Group>
                        </Table.Td>
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

      {canWrite && <NewCustomerModal opened={creating} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
