import {
  Autocomplete,
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemError, problemFieldError, problemOnlyConcernsWithin } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { useLanguageOptions } from '../../i18n/regions';
import {
  type AddressDraft,
  type AddressField,
  AddressFields,
  addressToSend,
  addressUntouched,
  emptyAddress,
  missingAddressFields,
} from './address-fields';
import { useConsentSources } from './consent';
import { type CreateCustomerInput, useCreateCustomer } from './customer-hooks';
import { DuplicateAlert } from './duplicate-alert';

const fieldPointers = [
  '/name',
  '/email',
  '/phone',
  '/language',
  '/marketingConsent',
  '/tags',
  '/addresses/0',
];

export function NewCustomerModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('customers.form.newTitle')} size="lg" centered>
      <NewCustomerForm onClose={onClose} />
    </Modal>
  );
}

function NewCustomerForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCustomer();
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [language, setLanguage] = useState('en');
  const [consent, setConsent] = useState(false);
  const [source, setSource] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [address, setAddress] = useState<AddressDraft>(() => emptyAddress());
  const [local, setLocal] = useState<Record<string, string>>({});
  const languages = useLanguageOptions(language);
  const consentSources = useConsentSources();

  const failure = create.error;
  const duplicate = failure instanceof ProblemError && failure.status === 409 ? failure : null;
  const fieldError = (pointer: string) =>
    local[pointer] ??
    // The alert above names the duplicate and links to them; the field only needs marking.
    (duplicate && problemFieldError(duplicate, pointer) ? t('customers.form.alreadyUsed') : undefined) ??
    problemFieldError(failure, pointer);
  // The address takes the customer's name until someone types another one.
  const addressDraft = { ...address, name: address.name === '' ? name : address.name };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const withAddress = !addressUntouched(addressDraft);
    const found: Record<string, string> = {
      ...(name.trim() === '' ? { '/name': t('customers.form.nameRequired') } : {}),
      ...(consent && source.trim() === ''
        ? { '/marketingConsent': t('customers.consent.sourceRequired') }
        : {}),
    };
    if (withAddress) {
      for (const [field, problem] of Object.entries(missingAddressFields(addressDraft, t)))
        found[`/addresses/0/${field}`] = problem;
    }
    setLocal(found);
    if (Object.keys(found).length > 0) {
      create.reset();
      focusFirstInvalid();
      return;
    }
    const input: CreateCustomerInput = {
      name: name.trim(),
      email: email.trim() === '' ? null : email.trim(),
      phone: phone.trim() === '' ? null : phone.trim(),
      language,
      ...(consent ? { marketingConsent: { granted: true, source: source.trim() } } : {}),
      ...(tags.length > 0 ? { tags } : {}),
      ...(withAddress ? { addresses: [{ ...addressToSend(addressDraft), isDefault: true }] } : {}),
    };
    create.mutate(input, {
      onSuccess: (customer) => {
        onClose();
        void navigate(`/admin/customers/${customer.id}`);
      },
      onError: focusFirstInvalid,
    });
  }

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack gap="md">
        {duplicate ? (
          <DuplicateAlert error={duplicate} />
        ) : failure && !problemOnlyConcernsWithin(failure, fieldPointers) ? (
          <ProblemAlert error={failure} title={t('customers.form.failedTitle')} />
        ) : null}
        <TextInput
          label={t('customers.form.name')}
          required
          autoComplete="off"
          data-autofocus
          value={name}
          error={fieldError('/name')}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            label={t('customers.form.email')}
            placeholder={t('customers.form.emailPlaceholder')}
            type="email"
            autoComplete="off"
            value={email}
            error={fieldError('/email')}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <TextInput
            label={t('customers.form.phone')}
            placeholder={t('customers.form.phonePlaceholder')}
            type="tel"
            autoComplete="off"
            value={phone}
            error={fieldError('/phone')}
            onChange={(event) => setPhone(event.currentTarget.value)}
          />
          <Select
            label={t('customers.form.language')}
            data={languages}
            searchable
            allowDeselect={false}
            value={language}
            error={fieldError('/language')}
            onChange={(value) => value && setLanguage(value)}
            comboboxProps={{ withinPortal: true }}
          />
          <TagsInput
            label={t('customers.form.tags')}
            placeholder={t('customers.form.tagsPlaceholder')}
            value={tags}
            error={fieldError('/tags')}
            onChange={setTags}
            splitChars={[',']}
            clearable
          />
        </SimpleGrid>
        <Checkbox
          label={t('customers.consent.grantedLabel')}
          description={t('customers.consent.grantedDescription')}
          checked={consent}
          onChange={(event) => setConsent(event.currentTarget.checked)}
        />
        {consent && (
          <Autocomplete
            label={t('customers.consent.source')}
            description={t('customers.consent.sourceDescription')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            data={consentSources}
            required
            value={source}
            error={fieldError('/marketingConsent')}
            onChange={setSource}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <Divider />
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('customers.form.addressTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('customers.form.addressLead')}
          </Text>
        </Stack>
        <AddressFields
          draft={addressDraft}
          onChange={(changes) => setAddress((current) => ({ ...current, ...changes }))}
          fieldError={(field: AddressField) => fieldError(`/addresses/0/${field}`)}
          idPrefix="new-customer-address"
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('customers.form.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
