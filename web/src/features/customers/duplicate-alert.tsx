import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProblemError } from '../../api/client';
import { WarningIcon } from '../../components/icons';

/** A 409 names the customer who already has the email or phone: offer them instead of a second record. */
export function DuplicateAlert({ error }: { error: ProblemError }) {
  const { t } = useTranslation();
  const existingId = error.extensions.existingId;
  const byPhone = error.errors.some((entry) => entry.pointer === '/phone');
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<WarningIcon size={18} />}
      title={t('customers.form.duplicateTitle')}
    >
      <Stack gap={4}>
        <Text size="sm">
          {byPhone ? t('customers.form.duplicatePhone') : t('customers.form.duplicateEmail')}
        </Text>
        {typeof existingId === 'string' && (
          <Anchor component={Link} to={`/admin/customers/${existingId}`} size="sm" fw={600}>
            {t('customers.form.openExisting')}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}
