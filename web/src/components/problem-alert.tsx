import { Alert, type AlertProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/client';
import { WarningIcon } from './icons';

interface ProblemAlertProps extends Omit<AlertProps, 'children'> {
  error: unknown;
}

/** Says what failed (the title) and why the server refused (its problem detail), or that it was unreachable. */
export function ProblemAlert({ error, ...props }: ProblemAlertProps) {
  const { t } = useTranslation();
  const reason = error instanceof ProblemError ? (error.detail ?? error.title) : t('common.unreachable');
  return (
    <Alert color="red" variant="light" icon={<WarningIcon size={18} />} {...props}>
      {reason}
    </Alert>
  );
}
