import {
  Anchor,
  Button,
  Code,
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
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ChevronDownIcon, ChevronRightIcon } from '../../../components/icons';
import { LoadMore } from '../../../components/load-more';
import { ProblemAlert } from '../../../components/problem-alert';
import { AuditChanges } from '../../../features/audit/audit-changes';
import { type AuditEntry, type AuditFilter, useAuditLog } from '../../../features/audit/audit-hooks';
import { useDateFormat } from '../../../i18n/format';
import classes from './audit-log-page.module.css';

const columnCount = 5;

/** The filters live in the address, so a filtered view can be shared and survives a reload. */
function useFilterParams(): [AuditFilter, (filter: AuditFilter) => void] {
  const [params, setParams] = useSearchParams();
  const filter: AuditFilter = {
    action: params.get('action') ?? undefined,
    subjectId: params.get('subjectId') ?? undefined,
  };
  const apply = (next: AuditFilter) => {
    const query = new URLSearchParams();
    if (next.action) query.set('action', next.action);
    if (next.subjectId) query.set('subjectId', next.subjectId);
    setParams(query);
  };
  return [filter, apply];
}

function Filters({ filter, onApply }: { filter: AuditFilter; onApply: (filter: AuditFilter) => void }) {
  const { t } = useTranslation();
  const [action, setAction] = useState(filter.action ?? '');
  const [subjectId, setSubjectId] = useState(filter.subjectId ?? '');
  const active = Boolean(filter.action || filter.subjectId);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply({ action: action.trim() || undefined, subjectId: subjectId.trim() || undefined });
  }

  return (
    <search aria-label={t('auditLog.filters.label')}>
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('auditLog.filters.action')}
            placeholder={t('auditLog.filters.actionPlaceholder')}
            value={action}
            onChange={(event) => setAction(event.currentTarget.value)}
            w={{ base: '100%', xs: 240 }}
          />
          <TextInput
            label={t('auditLog.filters.subjectId')}
            placeholder={t('auditLog.filters.subjectIdPlaceholder')}
            value={subjectId}
            onChange={(event) => setSubjectId(event.currentTarget.value)}
            w={{ base: '100%', xs: 300 }}
          />
          <Button type="submit" variant="default">
            {t('auditLog.filters.apply')}
          </Button>
          {active && (
            <Button variant="subtle" color="gray" onClick={() => onApply({})}>
              {t('auditLog.filters.clear')}
            </Button>
          )}
        </Group>
      </form>
    </search>
  );
}

function EntryRows({ entry, onSubject }: { entry: AuditEntry; onSubject: (subjectId: string) => void }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const [open, setOpen] = useState(false);
  const detailsId = `audit-${entry.id}-changes`;
  const subject = `${entry.subjectType} ${entry.subjectId}`;

  return (
    <>
      <Table.Tr className={open ? classes.openRow : undefined}>
        <Table.Td>
          <Text size="sm" title={format.precise(entry.at)} className={classes.nowrap}>
            {format.dateTime(entry.at)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" fw={500}>
            {entry.actorName}
          </Text>
          {entry.actorKind !== 'staff' && (
            <Text size="xs" c="dimmed">
              {t(`auditLog.actorKinds.${entry.actorKind}`)}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Code>{entry.action}</Code>
        </Table.Td>
        <Table.Td>
          <Text size="xs" c="dimmed">
            {entry.subjectType}
          </Text>
          <Anchor
            component="button"
            type="button"
            size="sm"
            ff="monospace"
            className={classes.subjectId}
            title={t('auditLog.filterBySubject', { subject })}
            onClick={() => onSubject(entry.subjectId)}
          >
            {entry.subjectId}
          </Anchor>
        </Table.Td>
        <Table.Td ta="right">
          <Button
            size="compact-sm"
            variant="subtle"
            rightSection={open ? <ChevronDownIcon size={14} /> : <ChevronRightIcon size={14} />}
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen((shown) => !shown)}
          >
            {open ? t('auditLog.hideChanges') : t('auditLog.showChanges')}
          </Button>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr className={classes.detailsRow}>
          <Table.Td colSpan={columnCount} id={detailsId} aria-label={t('auditLog.changesLabel', { subject })}>
            <AuditChanges before={entry.before} after={entry.after} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

/** /admin/audit-log: who changed what and when, newest first, with each change's before and after. */
export function AuditLogPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auditLog.documentTitle'));
  const [filter, setFilter] = useFilterParams();
  const log = useAuditLog(filter);
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filter.action || filter.subjectId);

  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4} maw={720}>
        <Title order={1}>{t('auditLog.title')}</Title>
        <Text c="dimmed">{t('auditLog.lead')}</Text>
      </Stack>
      {/* Re-keyed so the inputs show the filter in force after "Clear" or a click on a subject. */}
      <Filters key={`${filter.action}|${filter.subjectId}`} filter={filter} onApply={setFilter} />

      {log.isError && !log.data ? (
        <ProblemAlert error={log.error} title={t('common.loadFailedTitle')} />
      ) : (
        <Paper withBorder radius="lg" style={{ overflow: 'hidden' }}>
          {log.isPending ? (
            <Group justify="center" p="xl">
              <Loader aria-label={t('common.loading')} />
            </Group>
          ) : (
            <Table.ScrollContainer minWidth={900} type="native">
              <Table
                verticalSpacing="sm"
                horizontalSpacing="md"
                layout="fixed"
                aria-label={t('auditLog.tableLabel')}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={190}>{t('auditLog.columns.time')}</Table.Th>
                    <Table.Th w={170}>{t('auditLog.columns.who')}</Table.Th>
                    <Table.Th w={210}>{t('auditLog.columns.action')}</Table.Th>
                    <Table.Th>{t('auditLog.columns.subject')}</Table.Th>
                    <Table.Th w={160} ta="right">
                      {t('auditLog.columns.changes')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={columnCount}>
                        <Text c="dimmed" ta="center" py="lg">
                          {filtered ? t('auditLog.emptyFiltered') : t('auditLog.empty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {entries.map((entry) => (
                    <EntryRows
                      key={entry.id}
                      entry={entry}
                      onSubject={(subjectId) => setFilter({ ...filter, subjectId })}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      )}
      <LoadMore
        hasNextPage={log.hasNextPage}
        isFetchingNextPage={log.isFetchingNextPage}
        fetchNextPage={log.fetchNextPage}
        error={log.isFetchNextPageError ? log.error : null}
      />
    </Stack>
  );
}
