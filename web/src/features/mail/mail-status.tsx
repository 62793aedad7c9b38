import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MailStatus } from './mail-hooks';

const statusColors: Record<MailStatus, MantineColor> = {
  queued: 'gray',
  sending: 'blue',
  sent: 'green',
  stored: 'indigo',
  failed: 'red',
};

/** Where a message stands: waiting, on its way, sent, kept in Ordo, or failed. */
export function MailStatusBadge({ status }: { status: MailStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={statusColors[status]} style={{ minWidth: 'max-content' }}>
      {t(`outgoingMail.status.${status}`)}
    </Badge>
  );
}
