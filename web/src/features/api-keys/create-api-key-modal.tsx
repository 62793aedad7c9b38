import { Button, Checkbox, Group, Input, Modal, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiKeyScope, apiKeyScopes } from '../../../../src/modules/staff/permissions.ts';
import { problemFieldError, problemOnlyConcerns } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { type NewApiKey, useCreateApiKey } from './api-key-hooks';
import classes from './create-api-key-modal.module.css';
import { scopeGroups } from './scopes';

interface CreateApiKeyModalProps {
  opened: boolean;
  onClose: () => void;
  /** Called with the creation reply, whose key must be shown to the owner now or never. */
  onCreated: (created: NewApiKey) => void;
}

export function CreateApiKeyModal({ opened, onClose, onCreated }: CreateApiKeyModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('apiKeys.form.title')} size="lg" centered>
      <CreateApiKeyForm onClose={onClose} onCreated={onCreated} />
    </Modal>
  );
}

const fieldPointers = ['/name', '/scopes'];

// The server lets a write scope read too. The form shows that read as ticked and fixed, and sends
// only the write.
const impliedRead = (chosen: readonly string[], scope: string) =>
  scope.endsWith(':read') && chosen.includes(scope.replace(/:read$/, ':write'));
const withImpliedReads = (chosen: ApiKeyScope[]) => [
  ...chosen,
  ...apiKeyScopes.filter((scope) => !chosen.includes(scope) && impliedRead(chosen, scope)),
];
const withoutImpliedReads = (chosen: ApiKeyScope[]) => chosen.filter((scope) => !impliedRead(chosen, scope));

function CreateApiKeyForm({ onClose, onCreated }: Omit<CreateApiKeyModalProps, 'opened'>) {
  const { t } = useTranslation();
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>([]);
  const [missing, setMissing] = useState<{ name?: string; scopes?: string }>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = {
      name: name.trim() === '' ? t('apiKeys.form.nameRequired') : undefined,
      scopes: scopes.length === 0 ? t('apiKeys.form.scopesRequired') : undefined,
    };
    setMissing(found);
    if (found.name) document.getElementById('create-api-key-name')?.focus();
    if (found.name || found.scopes) return;
    create.mutate({ name: name.trim(), scopes }, { onSuccess: onCreated });
  }

  const failure = create.error;
  const scopesError = missing.scopes ?? problemFieldError(failure, '/scopes');
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {failure && !problemOnlyConcerns(failure, fieldPointers) ? (
          <ProblemAlert error={failure} title={t('apiKeys.form.failedTitle')} />
        ) : null}
        <TextInput
          id="create-api-key-name"
          label={t('apiKeys.form.name')}
          placeholder={t('apiKeys.form.namePlaceholder')}
          description={t('apiKeys.form.nameDescription')}
          autoComplete="off"
          data-autofocus
          value={name}
          error={missing.name ?? problemFieldError(failure, '/name')}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <Input.Wrapper
          label={t('apiKeys.form.scopes')}
          description={t('apiKeys.form.scopesDescription')}
          error={scopesError}
          labelElement="div"
        >
          <div className={classes.scopes}>
            {scopeGroups.map((group) => {
              const area = group.areaKey ? t(group.areaKey) : group.area;
              return (
                <Checkbox.Group
                  key={group.area}
                  className={classes.scopeRow}
                  value={withImpliedReads(scopes).filter((scope) => scope.startsWith(`${group.area}:`))}
                  onChange={(chosen) => {
                    const others = scopes.filter((scope) => !scope.startsWith(`${group.area}:`));
                    setScopes(withoutImpliedReads([...others, ...(chosen as ApiKeyScope[])]));
                  }}
                  label={area}
                  classNames={{ label: classes.scopeArea }}
                >
                  <Group gap="lg" className={classes.scopeChoices}>
                    {group.choices.map((choice) => (
                      <Checkbox
                        key={choice.scope}
                        value={choice.scope}
                        label={choice.actionKey ? t(choice.actionKey) : choice.scope}
                        title={choice.scope}
                        disabled={impliedRead(scopes, choice.scope)}
                      />
                    ))}
                  </Group>
                </Checkbox.Group>
              );
            })}
          </div>
        </Input.Wrapper>
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('apiKeys.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
