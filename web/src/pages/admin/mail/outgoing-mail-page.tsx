import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadMore } from '../../../components/load-more';
import { ProblemAlert } from '../../../components/problem-alert';
import { SearchInput } from '../../../components/search-input';
import { useUrlFilter } from '../../../components/use-url-filter';
import { type MailStatus, mailStatuses, useOutgoingMail } from '../../../features/mail/mail-hooks';
import { MailStatusBadge } from '../../../features/mail/mail-status';
import { useDateFormat } from '../../../i18n/format';
import classes from './mail.module.css';

const columnCount = 5;
const anyStatus = 'any';
const isStatus = (value: string | undefined): value is MailStatus =>
  (mailStatuses as readonly string[]).includes(value ?? '');

/** /admin/mail: what customers were sent (or, without SMTP, what Ordo kept for them), newest first. */
export function OutgoingMailPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('outgoingMail.documentTitle'));
  const format = useDateFormat();
  const [filter, setFilter] = useUrlFilter(['status', 'to', 'reference'] as const);
  const status = isStatus(filter.status) ? filter.status : undefined;
  const list = useOutgoingMail({ status, to: filter.to, referenceId: filter.reference });
  const messages = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(status || filter.to || filter.reference);

  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4} maw={720}>
        <Title order={1}>{t('outgoingMail.title')}</Title>
        <Text c="dimmed">{t('outgoingMail.lead')}</Text>
      </Stack>

      <search aria-label={t('outgoingMail.filters.label')}>
        <Group align="flex-end" gap="sm">
          <Select
            label={t('outgoingMail.filters.status')}
            data={[
              { value: anyStatus, label: t('outgoingMail.filters.anyStatus') },
              ...mailStatuses.map((value) => ({ value, label: t(`outgoingMail.status.${value}`) })),
            ]}
            value={status ?? anyStatus}
            allowDeselect={false}
            onChange={(next) => setFilter({ status: next === anyStatus || !next ? undefined : next })}
            w={{ base: '100%', xs: 180 }}
          />
          <SearchInput
            label={t('outgoingMail.filters.to')}
            placeholder={t('outgoingMail.filters.toPlaceholder')}
            value={filter.to ?? ''}
            onSearch={(to) => setFilter({ to })}
            w={{ base: '100%', xs: 280 }}
          />
          <SearchInput
            label={t('outgoingMail.filters.reference')}
            placeholder={t('outgoingMail.filters.referencePlaceholder')}
            value={filter.reference ?? ''}
            onSearch={(reference) => setFilter({ reference })}
            w={{ base: '100%', xs: 300 }}
          />
          {filtered && (
            <Button
              variant="subtle"
              color="gray"
              onClick={() => setFilter({ status: undefined, to: undefined, reference: undefined })}
            >
              {t('outgoingMail.filters.clear')}
            </Button>
          )}
          {list.isFetching && !list.isFetchingNextPage && !list.isPending && (
            <Loader size="sm" mb={8} aria-label={t('common.loading')} />
          )}
        </Group>
      </search>

      {status === 'failed' && messages.length > 0 && (
        <Alert color="red" variant="light" title={t('outgoingMail.failedTitle')}>
          {t('outgoingMail.failedBody')}
        </Alert>
      )}

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
              <Table
                verticalSpacing="sm"
                horizontalSpacing="md"
                layout="fixed"
                aria-label={t('outgoingMail.tableLabel')}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={180}>{t('outgoingMail.columns.time')}</Table.Th>
                    <Table.Th w={240}>{t('outgoingMail.columns.to')}</Table.Th>
                    <Table.Th>{t('outgoingMail.columns.subject')}</Table.Th>
                    <Table.Th w={100}>{t('outgoingMail.columns.language')}</Table.Th>
                    <Table.Th w={150}>{t('outgoingMail.columns.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {messages.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={columnCount}>
                        <Text c="dimmed" ta="center" py="lg">
                          {filtered ? t('outgoingMail.emptyFiltered') : t('outgoingMail.empty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {messages.map((message) => (
                    <Table.Tr key={message.id}>
                      <Table.Td>
                        <Text size="sm" title={format.precise(message.createdAt)} className={classes.nowrap}>
                          {format.dateTime(message.createdAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {message.toName && (
                          <Text size="sm" fw={500} truncate>
                            {message.toName}
                          </Text>
                        )}
                        <Text size="xs" c="dimmed" className={classes.address}>
                          {message.toAddress}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/admin/mail/${message.id}`} size="sm" fw={600}>
                          {message.subject}
                        </Anchor>
                        {message.status === 'failed' && message.lastError && (
                          <Text size="xs" c="red.8" truncate title={message.lastError}>
                            {message.lastError}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" tt="uppercase" c="dimmed">
                          {message.language}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <MailStatusBadge status={message.status} />
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
