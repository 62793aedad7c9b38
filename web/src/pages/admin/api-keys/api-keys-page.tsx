import { Badge, Button, Code, Group, Loader, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlusIcon } from '../../../components/icons';
import { LoadMore } from '../../../components/load-more';
import { ProblemAlert } from '../../../components/problem-alert';
import { type ApiKey, type NewApiKey, useApiKeys } from '../../../features/api-keys/api-key-hooks';
import { CreateApiKeyModal } from '../../../features/api-keys/create-api-key-modal';
import { RevealApiKeyModal } from '../../../features/api-keys/reveal-api-key-modal';
import { RevokeApiKeyConfirm } from '../../../features/api-keys/revoke-api-key-confirm';
import { scopeParts } from '../../../features/api-keys/scopes';
import { useDateFormat } from '../../../i18n/format';
import classes from './api-keys-page.module.css';

const scopesShown = 3;

function ScopeList({ scopes }: { scopes: string[] }) {
  const { t } = useTranslation();
  const label = (scope: string) => {
    const parts = scopeParts(scope);
    if (!parts?.areaKey || !parts.actionKey) return scope;
    return t('apiKeys.scopeLabel', { area: t(parts.areaKey), action: t(parts.actionKey) });
  };
  // "+1 more" would take the room of the one scope it hides.
  const shown = scopes.length <= scopesShown + 1 ? scopes.length : scopesShown;
  const hidden = scopes.slice(shown);
  return (
    <Group gap={6} miw={240}>
      {scopes.slice(0, shown).map((scope) => (
        <Badge key={scope} variant="light" color="gray" tt="none" title={scope}>
          {label(scope)}
        </Badge>
      ))}
      {hidden.length > 0 && (
        <Tooltip label={hidden.map(label).join(', ')} multiline maw={280} withArrow>
          <Badge variant="outline" color="gray" tt="none" tabIndex={0}>
            {t('apiKeys.moreScopes', { count: hidden.length })}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}

/** /admin/api-keys: keys for integrations. Owners create them (the secret shows once) and revoke them. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('apiKeys.documentTitle'));
  const format = useDateFormat();
  const list = useApiKeys();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<NewApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const keys = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={4} maw={720}>
          <Title order={1}>{t('apiKeys.title')}</Title>
          <Text c="dimmed">{t('apiKeys.lead')}</Text>
        </Stack>
        <Button leftSection={<PlusIcon size={16} />} onClick={() => setCreating(true)}>
          {t('apiKeys.create')}
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
            <Table.ScrollContainer minWidth={960} type="native">
              <Table
                verticalSpacing="sm"
                horizontalSpacing="md"
                className={classes.table}
                aria-label={t('apiKeys.tableLabel')}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('apiKeys.columns.name')}</Table.Th>
                    <Table.Th>{t('apiKeys.columns.key')}</Table.Th>
                    <Table.Th>{t('apiKeys.columns.scopes')}</Table.Th>
                    <Table.Th>{t('apiKeys.columns.created')}</Table.Th>
                    <Table.Th>{t('apiKeys.columns.lastUsed')}</Table.Th>
                    <Table.Th>{t('apiKeys.columns.status')}</Table.Th>
                    <Table.Th ta="right">{t('apiKeys.columns.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {keys.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={7}>
                        <Text c="dimmed" ta="center" py="lg">
                          {t('apiKeys.empty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {keys.map((key) => (
                    <Table.Tr key={key.id} c={key.revokedAt ? 'dimmed' : undefined}>
                      <Table.Td>
                        <Text fw={600} size="sm">
                          {key.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Code>{t('apiKeys.keyPrefix', { prefix: key.keyPrefix })}</Code>
                      </Table.Td>
                      <Table.Td className={classes.wrap}>
                        <ScopeList scopes={key.scopes} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" title={format.precise(key.createdAt)}>
                          {format.date(key.createdAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" title={key.lastUsedAt ? format.precise(key.lastUsedAt) : undefined}>
                          {key.lastUsedAt ? format.dateTime(key.lastUsedAt) : t('common.never')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {key.revokedAt ? (
                          <Badge
                            variant="dot"
                            color="gray"
                            className={classes.status}
                            title={format.precise(key.revokedAt)}
                          >
                            {t('apiKeys.revokedOn', { date: format.date(key.revokedAt) })}
                          </Badge>
                        ) : (
                          <Badge variant="dot" color="green" className={classes.status}>
                            {t('apiKeys.active')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        {!key.revokedAt && (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            aria-label={t('apiKeys.revokeLabel', { name: key.name })}
                            onClick={() => setRevoking(key)}
                          >
                            {t('apiKeys.revoke')}
                          </Button>
                        )}
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

      <CreateApiKeyModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(reply) => {
          setCreating(false);
          setCreated(reply);
        }}
      />
      <RevealApiKeyModal created={created} onClose={() => setCreated(null)} />
      <RevokeApiKeyConfirm apiKey={revoking} onClose={() => setRevoking(null)} />
    </Stack>
  );
}
