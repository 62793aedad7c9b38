import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemFieldError, problemOnlyConcerns } from '../../api/client';
import { CheckIcon } from '../../components/icons';
import { ProblemAlert } from '../../components/problem-alert';
import { useChangePassword } from './auth-hooks';

interface FieldErrors {
  currentPassword?: string;
  newPassword?: string;
  repeat?: string;
}

const fieldPointers = ['/currentPassword', '/newPassword'];

/** The header menu's "Change password": the server checks the current password and the rules. */
export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('changePassword.title')} centered>
      {/* The modal unmounts its content once closed, so every opening starts with an empty form. */}
      <ChangePasswordForm onClose={onClose} />
    </Modal>
  );
}

function ChangePasswordForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  if (change.isSuccess) {
    return (
      <Stack gap="md">
        <Alert
          color="green"
          variant="light"
          icon={<CheckIcon size={18} />}
          title={t('changePassword.successTitle')}
        >
          {t('changePassword.successBody')}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>
            {t('common.done')}
          </Button>
        </Group>
      </Stack>
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {
      currentPassword: currentPassword === '' ? t('changePassword.currentRequired') : undefined,
      newPassword: newPassword === '' ? t('changePassword.newRequired') : undefined,
      repeat: newPassword !== '' && repeat !== newPassword ? t('changePassword.mismatch') : undefined,
    };
    setErrors(found);
    const firstInvalid = (['currentPassword', 'newPassword', 'repeat'] as const).find(
      (field) => found[field],
    );
    if (firstInvalid) {
      document.getElementById(`change-password-${firstInvalid}`)?.focus();
      return;
    }
    change.mutate({ currentPassword, newPassword });
  }

  const failure = change.error;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('changePassword.lead')}
        </Text>
        {failure && !problemOnlyConcerns(failure, fieldPointers) ? (
          <ProblemAlert error={failure} title={t('changePassword.failedTitle')} />
        ) : null}
        <PasswordInput
          id="change-password-currentPassword"
          label={t('changePassword.current')}
          autoComplete="current-password"
          data-autofocus
          value={currentPassword}
          error={errors.currentPassword ?? problemFieldError(failure, '/currentPassword')}
          onChange={(event) => setCurrentPassword(event.currentTarget.value)}
        />
        <PasswordInput
          id="change-password-newPassword"
          label={t('changePassword.new')}
          description={t('changePassword.newDescription')}
          autoComplete="new-password"
          value={newPassword}
          error={errors.newPassword ?? problemFieldError(failure, '/newPassword')}
          onChange={(event) => setNewPassword(event.currentTarget.value)}
        />
        <PasswordInput
          id="change-password-repeat"
          label={t('changePassword.repeat')}
          autoComplete="new-password"
          value={repeat}
          error={errors.repeat}
          onChange={(event) => setRepeat(event.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={change.isPending}>
            {t('changePassword.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
