import {
  Alert,
  Anchor,
  DataList,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProblemError } from '../../../api/client';
import { ArrowLeftIcon } from '../../../components/icons';
import { MissingRecord } from '../../../components/missing-record';
import { ProblemAlert } from '../../../components/problem-alert';
import { type MailMessage, useMailMessage } from '../../../features/mail/mail-hooks';
import { MailStatusBadge } from '../../../features/mail/mail-status';
import { useDateFormat } from '../../../i18n/format';
import { useLanguageName } from '../../../i18n/regions';
import classes from './mail.module.css';

const mailbox = (name: string | null, address: string) => (name ? `${name} <${address}>` : address);

function Envelope({ message }: { message: MailMessage }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const languageName = useLanguageName();
  const none = (
    <Text span size="sm" c="dimmed">
      {t('common.none')}
    </Text>
  );
  const rows: [string, ReactNode][] = [
    [t('outgoingMail.detail.to'), mailbox(message.toName, message.toAddress)],
    [
      t('outgoingMail.detail.from'),
      message.fromAddress
        ? mailbox(message.fromName, message.fromAddress)
        : t('outgoingMail.detail.fromLater'),
    ],
    [t('outgoingMail.detail.status'), <MailStatusBadge key="status" status={message.status} />],
    [t('outgoingMail.detail.created'), format.dateTime(message.createdAt)],
    [t('outgoingMail.detail.sent'), message.sentAt ? format.dateTime(message.sentAt) : none],
    [t('outgoingMail.detail.language'), languageName(message.language)],
    [t('outgoingMail.detail.template'), message.template],
    [
      t('outgoingMail.detail.reference'),
      message.referenceId ? (
        <Anchor
          key="reference"
          component={Link}
          to={`/admin/mail?reference=${encodeURIComponent(message.referenceId)}`}
          size="sm"
          ff="monospace"
          title={t('outgoingMail.detail.allAbout')}
        >
          {`${message.referenceType} ${message.referenceId}`}
        </Anchor>
      ) : (
        none
      ),
    ],
    [t('outgoingMail.detail.attempts'), String(message.attempts)],
    [t('outgoingMail.detail.messageId'), message.providerMessageId ?? none],
  ];
  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'lg' }}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" verticalSpacing="sm">
        {[rows.slice(0, 5), rows.slice(5)].map((half) => (
          <DataList key={half[0]?.[0]} size="sm" gap="sm" labelWidth={120}>
            {half.map(([label, value]) => (
              <DataList.Item key={label}>
                <DataList.ItemLabel>{label}</DataList.ItemLabel>
                <DataList.ItemValue className={classes.address}>{value}</DataList.ItemValue>
              </DataList.Item>
            ))}
          </DataList>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

/** /admin/mail/:id: one message as the customer gets it, with where it stands. */
export function MailMessagePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const message = useMailMessage(id);
  const data = message.data;
  useDocumentTitle(
    data
      ? t('outgoingMail.detail.documentTitle', { subject: data.subject })
      : t('outgoingMail.documentTitle'),
  );
  const missing = message.error instanceof ProblemError && message.error.status === 404;

  return (
    <Stack gap="lg" maw={1200}>
      <Anchor component={Link} to="/admin/mail" size="sm">
        <Group gap={4} component="span">
          <ArrowLeftIcon size={14} />
          {t('outgoingMail.backToList')}
        </Group>
      </Anchor>
      {missing ? (
        <MissingRecord
          title={t('outgoingMail.detail.missingTitle')}
          body={t('outgoingMail.detail.missingBody')}
          backTo="/admin/mail"
          backLabel={t('outgoingMail.backToList')}
        />
      ) : message.isError && !data ? (
        <ProblemAlert error={message.error} title={t('outgoingMail.detail.loadFailedTitle')} />
      ) : data ? (
        <>
          <Title order={1} className={classes.address}>
            {data.subject}
          </Title>
          {data.lastError && data.status !== 'sent' && (
            <Alert
              color={data.status === 'failed' ? 'red' : 'orange'}
              variant="light"
              title={
                data.status === 'failed'
                  ? t('outgoingMail.detail.failedTitle')
                  : t('outgoingMail.detail.retryingTitle')
              }
            >
              <Text size="sm" ff="monospace" className={classes.address}>
                {data.lastError}
              </Text>
            </Alert>
          )}
          <Envelope message={data} />
          <Paper withBorder radius="lg" style={{ overflow: 'hidden' }}>
            <Tabs defaultValue="html" keepMounted={false}>
              <Tabs.List px="md" pt="xs">
                <Tabs.Tab value="html">{t('outgoingMail.detail.htmlTab')}</Tabs.Tab>
                <Tabs.Tab value="text">{t('outgoingMail.detail.textTab')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="html">
                {/* An empty sandbox: the message's HTML runs no script, submits no form and cannot
                    reach this page, whatever it holds. */}
                <iframe
                  title={t('outgoingMail.detail.htmlFrame', { subject: data.subject })}
                  sandbox=""
                  srcDoc={data.html}
                  className={classes.frame}
                />
              </Tabs.Panel>
              <Tabs.Panel value="text" p={{ base: 'md', sm: 'lg' }}>
                <pre className={classes.text}>{data.text}</pre>
              </Tabs.Panel>
            </Tabs>
          </Paper>
        </>
      ) : (
        <Group justify="center" p="xl">
          <Loader aria-label={t('common.loading')} />
        </Group>
      )}
    </Stack>
  );
}
