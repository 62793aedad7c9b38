import { Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlusIcon } from '../../../components/icons';
import { LoadMore } from '../../../components/load-more';
import { ProblemAlert } from '../../../components/problem-alert';
import { useStaffSession } from '../../../features/auth/auth-hooks';
import { RoleBadge } from '../../../features/staff/roles';
import { StaffActiveConfirm } from '../../../features/staff/staff-active-confirm';
import { AddStaffModal, EditStaffModal } from '../../../features/staff/staff-form-modals';
import { type StaffMember, useStaffList } from '../../../features/staff/staff-hooks';

/** /admin/staff: who can sign in, with which role; owners add people, change roles, switch accounts off. */
export function StaffPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('staff.documentTitle'));
  const me = useStaffSession();
  const list = useStaffList();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const [toggling, setToggling] = useState<StaffMember | null>(null);
  const members = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={4}>
          <Title order={1}>{t('staff.title')}</Title>
          <Text c="dimmed">{t('staff.lead')}</Text>
        </Stack>
        <Button leftSection={<PlusIcon size={16} />} onClick={() => setAdding(true)}>
          {t('staff.add')}
        </Button>
      </Group>

      {list.isError && !list.data ? (
        <ProblemAlert error={list.error} title={t('common.loadFailedTitle')} />
      ) : (
        <Paper withBorder radius="lg" style={{ overflow: 'hidden' }}>
          {list.isPending ? (
            <Group justify="center" p="xl">
              <Loader aria-label={t('common.loading')} />
            </Group>
          ) : (
            <Table.ScrollContainer minWidth={720} type="native">
              <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('staff.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('staff.columns.name')}</Table.Th>
                    <Table.Th>{t('staff.columns.role')}</Table.Th>
                    <Table.Th>{t('staff.columns.status')}</Table.Th>
                    <Table.Th ta="right">{t('staff.columns.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {members.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={4}>
                        <Text c="dimmed" ta="center" py="lg">
                          {t('staff.empty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {members.map((member) => (
                    <Table.Tr key={member.id}>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Text fw={600} size="sm">
                            {member.name}
                          </Text>
                          {member.id === me.id && (
                            <Badge size="xs" variant="outline" color="gray">
                              {t('staff.you')}
                            </Badge>
                          )}
                        </Group>
                        <Text size="sm" c="dimmed">
                          {member.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <RoleBadge role={member.role} />
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="dot" color={member.active ? 'green' : 'gray'}>
                          {member.active ? t('staff.active') : t('staff.inactive')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={t('staff.editLabel', { name: member.name })}
                            onClick={() => setEditing(member)}
                          >
                            {t('staff.edit')}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color={member.active ? 'red' : 'green'}
                            onClick={() => setToggling(member)}
                          >
                            {member.active ? t('staff.switchOff') : t('staff.switchOn')}
                          </Button>
                        </Group>
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

      <AddStaffModal opened={adding} onClose={() => setAdding(false)} />
      <EditStaffModal member={editing} onClose={() => setEditing(null)} />
      <StaffActiveConfirm member={toggling} onClose={() => setToggling(null)} />
    </Stack>
  );
}
