import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../src/modules/staff/permissions.ts';
import { problemFieldError, problemOnlyConcerns } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { useRetainedValue } from '../../components/use-retained-value';
import { useRoleOptions } from './roles';
import { type StaffMember, useCreateStaff, useUpdateStaff } from './staff-hooks';

function RoleSelect({
  value,
  onChange,
  error,
}: {
  value: Role;
  onChange: (role: Role) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const options = useRoleOptions();
  return (
    <Select<Role>
      label={t('staff.form.role')}
      data={options}
      value={value}
      allowDeselect={false}
      description={t(`roles.description.${value}`)}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      error={error}
      onChange={(role) => role && onChange(role)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function FormActions({
  onClose,
  submitLabel,
  loading,
}: {
  onClose: () => void;
  submitLabel: string;
  loading: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm" mt="xs">
      <Button variant="default" onClick={onClose}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading}>
        {submitLabel}
      </Button>
    </Group>
  );
}

interface ModalProps {
  opened: boolean;
  onClose: () => void;
}

export function AddStaffModal({ opened, onClose }: ModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('staff.form.addTitle')} centered>
      <AddStaffForm onClose={onClose} />
    </Modal>
  );
}

const addPointers = ['/name', '/email', '/role', '/password'];

function AddStaffForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateStaff();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<Partial<Record<'name' | 'email' | 'password', string>>>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = {
      name: name.trim() === '' ? t('staff.form.nameRequired') : undefined,
      email: email.trim() === '' ? t('staff.form.emailRequired') : undefined,
      password: password === '' ? t('staff.form.passwordRequired') : undefined,
    };
    setMissing(found);
    const firstInvalid = (['name', 'email', 'password'] as const).find((field) => found[field]);
    if (firstInvalid) {
      document.getElementById(`add-staff-${firstInvalid}`)?.focus();
      return;
    }
    create.mutate({ name: name.trim(), email: email.trim(), role, password }, { onSuccess: onClose });
  }

  const failure = create.error;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {failure && !problemOnlyConcerns(failure, addPointers) ? (
          <ProblemAlert error={failure} title={t('staff.form.failedTitle')} />
        ) : null}
        <TextInput
          id="add-staff-name"
          label={t('staff.form.name')}
          autoComplete="off"
          data-autofocus
          value={name}
          error={missing.name ?? problemFieldError(failure, '/name')}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <TextInput
          id="add-staff-email"
          label={t('staff.form.email')}
          placeholder={t('staff.form.emailPlaceholder')}
          type="email"
          autoComplete="off"
          value={email}
          error={missing.email ?? problemFieldError(failure, '/email')}
          onChange={(event) => setEmail(event.currentTarget.value)}
        />
        <RoleSelect value={role} onChange={setRole} error={problemFieldError(failure, '/role')} />
        <PasswordInput
          id="add-staff-password"
          label={t('staff.form.password')}
          description={t('staff.form.passwordDescription')}
          autoComplete="new-password"
          value={password}
          error={missing.password ?? problemFieldError(failure, '/password')}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <FormActions onClose={onClose} submitLabel={t('staff.form.addSubmit')} loading={create.isPending} />
      </Stack>
    </form>
  );
}

export function EditStaffModal({ member, onClose }: { member: StaffMember | null; onClose: () => void }) {
  const { t } = useTranslation();
  const shown = useRetainedValue(member);
  return (
    <Modal
      opened={member !== null}
      onClose={onClose}
      title={shown ? t('staff.form.editTitle', { name: shown.name }) : undefined}
      centered
    >
      {shown && <EditStaffForm member={shown} onClose={onClose} />}
    </Modal>
  );
}

const editPointers = ['/name', '/role'];

function EditStaffForm({ member, onClose }: { member: StaffMember; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateStaff();
  const [name, setName] = useState(member.name);
  const [role, setRole] = useState<Role>(member.role);
  const [nameMissing, setNameMissing] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (name.trim() === '') {
      setNameMissing(true);
      document.getElementById('edit-staff-name')?.focus();
      return;
    }
    setNameMissing(false);
    const changes = {
      ...(name.trim() !== member.name ? { name: name.trim() } : {}),
      ...(role !== member.role ? { role } : {}),
    };
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate({ id: member.id, changes }, { onSuccess: onClose });
  }

  const failure = update.error;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {failure && !problemOnlyConcerns(failure, editPointers) ? (
          <ProblemAlert error={failure} title={t('staff.form.failedTitle')} />
        ) : null}
        <TextInput
          id="edit-staff-name"
          label={t('staff.form.name')}
          autoComplete="off"
          value={name}
          error={nameMissing ? t('staff.form.nameRequired') : problemFieldError(failure, '/name')}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <TextInput label={t('staff.form.email')} value={member.email} readOnly variant="filled" />
        <RoleSelect value={role} onChange={setRole} error={problemFieldError(failure, '/role')} />
        <FormActions onClose={onClose} submitLabel={t('staff.form.editSubmit')} loading={update.isPending} />
      </Stack>
    </form>
  );
}
