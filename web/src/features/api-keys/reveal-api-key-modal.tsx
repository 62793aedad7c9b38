import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CheckIcon, CopyIcon, WarningIcon } from '../../components/icons';
import { useRetainedValue } from '../../components/use-retained-value';
import type { NewApiKey } from './api-key-hooks';
import classes from './reveal-api-key-modal.module.css';

/**
 * Shows a new key's secret, the one time the server sends it. Closing needs a deliberate click:
 * a stray click outside or Escape would lose the key for good.
 */
export function RevealApiKeyModal({ created, onClose }: { created: NewApiKey | null; onClose: () => void }) {
  const { t } = useTranslation();
  const shown = useRetainedValue(created);
  const keyLabelId = 'new-api-key-label';

  return (
    <Modal
      opened={created !== null}
      onClose={onClose}
      title={t('apiKeys.reveal.title')}
      size="lg"
      centered
      closeOnClickOutside={false}
      closeOnEscape={false}
    >
      {shown && (
        <Stack gap="md">
          <Alert
            color="yellow"
            variant="light"
            icon={<WarningIcon size={18} />}
            title={t('apiKeys.reveal.warningTitle')}
          >
            {t('apiKeys.reveal.warningBody')}
          </Alert>
          <Stack gap={6}>
            <Text id={keyLabelId} size="sm" fw={600}>
              {t('apiKeys.reveal.keyLabel', { name: shown.name })}
            </Text>
            <Group gap="sm" wrap="nowrap" align="stretch">
              <Code block className={classes.key} aria-labelledby={keyLabelId} data-testid="new-api-key">
                {shown.key}
              </Code>
              <CopyButton value={shown.key} timeout={2500}>
                {({ copied, copy }) => (
                  <Button
                    variant={copied ? 'light' : 'filled'}
                    color={copied ? 'green' : undefined}
                    leftSection={copied ? <CheckIcon size={16} /> : <CopyIcon size={16} />}
                    onClick={copy}
                    className={classes.copy}
                  >
                    {copied ? t('apiKeys.reveal.copied') : t('apiKeys.reveal.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" c="dimmed">
              {t('apiKeys.reveal.usage')}
            </Text>
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('apiKeys.reveal.done')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
