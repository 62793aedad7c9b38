import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/confirm-modal';
import { useRetainedValue } from '../../components/use-retained-value';
import { type ApiKey, useRevokeApiKey } from './api-key-hooks';

/** Asks before revoking: integrations using the key stop working at once, for good. */
export function RevokeApiKeyConfirm({ apiKey, onClose }: { apiKey: ApiKey | null; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeApiKey();
  const shown = useRetainedValue(apiKey);
  const close = () => {
    revoke.reset();
    onClose();
  };

  return (
    <ConfirmModal
      opened={apiKey !== null}
      onClose={close}
      onConfirm={() => shown && revoke.mutate(shown.id, { onSuccess: close })}
      title={t('apiKeys.confirmRevoke.title', { name: shown?.name ?? '' })}
      body={t('apiKeys.confirmRevoke.body')}
      confirmLabel={t('apiKeys.confirmRevoke.confirm')}
      danger
      loading={revoke.isPending}
      error={revoke.error}
      errorTitle={t('apiKeys.revokeFailedTitle')}
    />
  );
}
